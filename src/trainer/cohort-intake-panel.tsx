import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SkippedSource } from '../results/learner-results.ts';
import { isSpreadsheet, MOODLE_HELP } from './moodle-report.ts';

interface IntakePanelProps {
  onFiles: (files: File[]) => void;
  onPaste: (text: string) => void;
  onClear: () => void;
  reading: boolean;
  learners: number;
  skipped: readonly SkippedSource[];
  unknown: readonly string[];
  unknownModules: readonly string[];
}

/**
 * Where results come in: many files chosen or dropped at once, or pasted text; then what loaded and
 * what was skipped, each skipped source by name with its reason. Every name is React text, never HTML.
 */
export function IntakePanel({ onFiles, onPaste, onClear, reading, learners, skipped, unknown, unknownModules }: IntakePanelProps) {
  const { t } = useTranslation('trainer');
  const pasteId = useId();
  const [pasted, setPasted] = useState('');
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]);
  };
  return (
    <section className="cohort-intake no-print" aria-labelledby={`${pasteId}-heading`}>
      <h2 id={`${pasteId}-heading`}>{t('cohort.bringIn')}</h2>
      <div
        className={`cohort-drop${over ? ' cohort-drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        {/* The file input covers its label: a click, a tap, Enter or Space opens the file picker. */}
        <label className="file-button">
          {t('cohort.drop')}
          <input
            type="file"
            multiple
            onChange={(e) => {
              if (e.target.files?.length) onFiles([...e.target.files]);
              e.target.value = ''; // the same files may be chosen again after "Clear"
            }}
          />
        </label>
      </div>
      <div className="field">
        <label htmlFor={pasteId}>{t('cohort.paste')}</label>
        <textarea id={pasteId} rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={!pasted.trim()}
          onClick={() => {
            onPaste(pasted);
            setPasted('');
          }}
        >
          {t('cohort.readPaste')}
        </button>
        {(learners > 0 || skipped.length > 0) && (
          <button type="button" onClick={onClear}>
            {t('cohort.clear')}
          </button>
        )}
      </div>
      <p role="status">{reading ? t('cohort.reading') : learners ? t('cohort.loaded', { count: learners }) : t('cohort.nothingYet')}</p>
      {skipped.length > 0 && (
        <div className="notice" role="alert">
          <p>{t('cohort.skippedHeading', { count: skipped.length })}</p>
          <ul className="cohort-skipped">
            {skipped.map((s, i) => (
              <li key={i}>{t('cohort.skipped', { name: s.name, reason: t(`cohort.problems.${s.problem}`) })}{moodleHelp(s, t)}</li>
            ))}
          </ul>
        </div>
      )}
      {unknown.length > 0 && <p>{t('cohort.unknown', { count: unknown.length, codes: unknown.join(', ') })}</p>}
      {unknownModules.length > 0 && <p>{t('cohort.unknownModules', { count: unknownModules.length, codes: unknownModules.join(', ') })}</p>}
    </section>
  );
}

/** For a Moodle report that cannot give the class picture: what to do in Moodle, in Moodle's own words. */
function moodleHelp(source: SkippedSource, t: TFunction<'trainer'>): string {
  if (source.problem === 'moodleNoResponses') {
    const { report, question, response, right, result } = MOODLE_HELP.howToTickValues;
    return ` ${t(MOODLE_HELP.moodleNoResponses, { report: t(report), question: t(question), response: t(response), right: t(right), result: t(result) })}`;
  }
  if (source.problem === 'moodleScorm2004') return ` ${t(MOODLE_HELP.moodleScorm2004)}`;
  if (source.problem === 'notResults' && isSpreadsheet('', source.name)) return ` ${t(MOODLE_HELP.spreadsheet)}`;
  return '';
}
