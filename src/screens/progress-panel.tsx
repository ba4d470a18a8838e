import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Allowed } from '../components/allowed.tsx';
import { downloadText } from '../components/download.ts';
import { CourseContext } from '../course/course-context.ts';
import { createProgress } from '../course/progress.ts';
import {
  createProgressFile, MAX_PROGRESS_FILE_BYTES, progressFileName, readProgressFile, type ImportError, type ImportResult,
} from '../tracking/progress-file.ts';
import { useLms } from '../tracking/lms-context.ts';
import { useStore } from '../tracking/store-context.ts';
import { capabilities } from '../platform/capabilities.ts';
import { useCourse } from './use-course.ts';

type Pending = Extract<ImportResult, { ok: true }>;
type Message = { kind: 'imported' | 'resetDone' } | { kind: 'error'; error: ImportError };

/** Export, import and reset of the learner's progress. Loaded only when the learner opens it. */
export default function ProgressPanel() {
  const { manifest, send, lang } = useCourse();
  const { t } = useTranslation(['course', 'ui']);
  const actor = CourseContext.useActorRef();
  const store = useStore();
  // Inside an LMS the record there must come from answers given there: a file never certifies.
  const inLms = useLms() !== null;
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const question = useRef<HTMLParagraphElement>(null);

  useEffect(() => question.current?.focus(), [pending, confirmReset]);

  const download = () =>
    downloadText(progressFileName(manifest), createProgressFile(actor.getSnapshot().context.progress, manifest));

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again
    setMessage(null);
    setConfirmReset(false);
    if (!file) return;
    const result = file.size > MAX_PROGRESS_FILE_BYTES ? ({ ok: false, error: 'tooLarge' } as const) : readProgressFile(await file.text(), manifest);
    if (result.ok) setPending(result);
    else {
      setPending(null);
      setMessage({ kind: 'error', error: result.error });
    }
  };

  const replaceWith = (progress: Pending['progress'], kind: 'imported' | 'resetDone') => {
    store.replace(progress); // other open tabs adopt it rather than merge their old answers back
    send({ type: 'progress.replace', progress });
    setPending(null);
    setConfirmReset(false);
    setMessage({ kind });
  };

  const date = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

  return (
    <section className="progress-panel" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('progress.heading')}</h2>
      <p>{t('progress.savedHere')}</p>
      {inLms && <p>{t('progress.lmsNoImport')}</p>}
      <div className="actions">
        <Allowed capability="download">
          <button type="button" onClick={download}>
            {t('progress.export')}
          </button>
          {!inLms && (
            <label className="file-button">
              {t('progress.import')}
              <input type="file" accept=".json,application/json" onChange={choose} />
            </label>
          )}
        </Allowed>
        <button type="button" onClick={() => (setConfirmReset(true), setPending(null), setMessage(null))}>
          {t('progress.reset')}
        </button>
      </div>

      {pending && !inLms && (
        <div className="confirm">
          <p ref={question} tabIndex={-1}>
            {t('progress.importSummary', { date: date(pending.summary.exportedAt), done: pending.summary.modulesDone, total: pending.summary.modulesTotal, answered: pending.summary.answered })}{' '}
            {t('progress.importConfirm')}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => replaceWith(pending.progress, 'imported')}>
              {t('progress.replace')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('progress.cancel')}
            </button>
          </div>
        </div>
      )}

      {confirmReset && (
        <div className="confirm">
          <p ref={question} tabIndex={-1}>
            {t('progress.resetConfirm')}
          </p>
          <div className="actions">
            {capabilities.download && (
              <button type="button" onClick={download}>
                {t('progress.export')}
              </button>
            )}
            <button type="button" className="danger" onClick={() => replaceWith(createProgress(manifest), 'resetDone')}>
              {t('progress.resetYes')}
            </button>
            <button type="button" onClick={() => setConfirmReset(false)}>
              {t('progress.cancel')}
            </button>
          </div>
        </div>
      )}

      <div role="status">{message && message.kind !== 'error' && <p>{t(`progress.${message.kind}`)}</p>}</div>
      {message?.kind === 'error' && (
        <p role="alert" className="hint">
          {t(`importErrors.${message.error}`)}
        </p>
      )}
    </section>
  );
}
