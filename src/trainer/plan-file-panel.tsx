import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../components/download.ts';
import { capabilities } from '../platform/capabilities.ts';
import type { ClassItem, PlanSettings } from './class-plan.ts';
import { decodePlan, encodePlan, MAX_PLAN_CHARS } from './plan-file.ts';

interface PlanFilePanelProps {
  course: string;
  bank: readonly ClassItem[];
  settings: PlanSettings;
  items: readonly ClassItem[];
  onOpen: (settings: PlanSettings) => void;
}

type Message = { tone: 'error' | 'info'; text: string };

/** Save the plan to a small file to reuse next week, or open one; a bad file changes nothing and says why. */
export function PlanFilePanel({ course, bank, settings, items, onOpen }: PlanFilePanelProps) {
  const { t } = useTranslation('trainer');
  const [message, setMessage] = useState<Message[]>([]);

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    // A huge file is refused by its size, before it is read into memory.
    const text = file.size > MAX_PLAN_CHARS * 4 ? null : await file.text().catch(() => undefined);
    const result = text === null ? ({ ok: false, error: 'tooBig' } as const) : text === undefined ? ({ ok: false, error: 'unreadable' } as const) : decodePlan(text, course, bank);
    if (!result.ok) {
      setMessage([{ tone: 'error', text: t(`planErrors.${result.error}`, { codes: 'unknown' in result ? result.unknown?.join(', ') : '' }) }]);
      return;
    }
    onOpen(result.settings);
    setMessage([
      { tone: 'info', text: t('plan.opened', { count: result.items.length }) },
      ...(result.unknown.length ? [{ tone: 'info' as const, text: t('plan.unknown', { codes: result.unknown.join(', ') }) }] : []),
    ]);
  };

  return (
    <section aria-labelledby="plan-file" className="plan-file">
      <h2 id="plan-file">{t('plan.file')}</h2>
      <div className="actions">
        {capabilities.download && (
          <button type="button" disabled={!items.length} onClick={() => downloadText(`class-plan-${course}.json`, encodePlan(course, settings, items))}>
            {t('plan.save')}
          </button>
        )}
        <label className="file-button">
          {t('plan.open')}
          <input type="file" accept=".json,application/json" onChange={(e) => void open(e)} />
        </label>
      </div>
      {message.length > 0 && (
        <div role={message[0].tone === 'error' ? 'alert' : 'status'} className={`notice${message[0].tone === 'error' ? ' notice--error' : ''}`}>
          {message.map((m) => (
            <p key={m.text}>{m.text}</p>
          ))}
        </div>
      )}
    </section>
  );
}
