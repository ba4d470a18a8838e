import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../components/download.ts';
import { CourseContext } from '../course/course-context.ts';
import { capabilities } from '../platform/capabilities.ts';
import {
  cleanName, hasResults, makeResults, MAX_NAME_LENGTH, resultsBlock, resultsFileName, resultsFileText, type ResultsFile,
} from '../results/results-format.ts';
import { useCourse } from './use-course.ts';

type Status = { kind: 'copied' | 'shared' | 'shareFailed' } | { kind: 'downloaded'; file: string };

/** Whether this browser's share sheet takes files (phones, mostly); never in a sandbox that forbids downloads. */
function canShareFiles(): boolean {
  if (!capabilities.download || typeof navigator.canShare !== 'function' || typeof navigator.share !== 'function') return false;
  try {
    return navigator.canShare({ files: [new File(['{}'], 'results.json', { type: 'application/json' })] });
  } catch {
    return false;
  }
}

/**
 * The learner's results for their trainer, as a file (shared or downloaded) or as a text block for
 * a chat. The name typed here goes into the results only: it is never stored.
 */
export default function SendResultsPanel() {
  const { manifest } = useCourse();
  const { t } = useTranslation('course');
  const progress = CourseContext.useSelector((s) => s.context.progress);
  const [name, setName] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [manualText, setManualText] = useState<string | null>(null);
  const [shareable] = useState(canShareFiles);
  const nameField = useRef<HTMLInputElement>(null);
  const manualField = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const empty = useMemo(() => !hasResults(makeResults(progress, manifest, '', new Date())), [progress, manifest]);

  useEffect(() => {
    manualField.current?.focus();
    manualField.current?.select();
  }, [manualText]);

  /** Runs an action with the results as of now, once the learner has typed a name or code. */
  const withResults = (action: (results: ResultsFile) => void | Promise<void>) => () => {
    if (!cleanName(name)) {
      setNameMissing(true);
      nameField.current?.focus();
      return;
    }
    setStatus(null);
    setManualText(null);
    return action(makeResults(progress, manifest, name, new Date()));
  };

  const share = withResults(async (results) => {
    const file = new File([resultsFileText(results)], resultsFileName(results), { type: 'application/json' });
    try {
      await navigator.share({ files: [file], title: t('results.shareTitle') });
      setStatus({ kind: 'shared' });
    } catch (error) {
      // Closing the share sheet is not a failure.
      if ((error as Error | null)?.name !== 'AbortError') setStatus({ kind: 'shareFailed' });
    }
  });

  const download = withResults((results) => {
    const file = resultsFileName(results);
    downloadText(file, resultsFileText(results));
    setStatus({ kind: 'downloaded', file });
  });

  const copy = withResults(async (results) => {
    const text = resultsBlock(results, manifest);
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ kind: 'copied' });
    } catch {
      // No clipboard, or the browser refused: the learner copies it by hand.
      setManualText(text);
    }
  });

  const hintId = `${id}-hint`;
  const missingId = `${id}-missing`;
  return (
    <section className="send-results" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('results.heading')}</h2>
      <p>{t('results.intro')}</p>
      {empty ? (
        <p>{t('results.nothingYet')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('results.nameLabel')}</label>
            <input
              ref={nameField}
              id={`${id}-name`}
              type="text"
              autoComplete="off"
              maxLength={MAX_NAME_LENGTH}
              value={name}
              aria-invalid={nameMissing}
              aria-describedby={nameMissing ? `${missingId} ${hintId}` : hintId}
              onChange={(event) => {
                setName(event.target.value);
                setNameMissing(false);
                setStatus(null);
                setManualText(null);
              }}
            />
            <p id={hintId} className="field-note">{t('results.nameHint')}</p>
            {nameMissing && (
              <p id={missingId} role="alert" className="hint">
                {t('results.nameMissing')}
              </p>
            )}
          </div>
          <div className="actions">
            {shareable && (
              <button type="button" className="primary" onClick={share}>
                {t('results.share')}
              </button>
            )}
            {capabilities.download && (
              <button type="button" onClick={download}>
                {t('results.download')}
              </button>
            )}
            <button type="button" onClick={copy}>
              {t('results.copy')}
            </button>
          </div>
          {!capabilities.download && <p className="unavailable">{t('results.noDownload')}</p>}
          <div role="status">
            {status && status.kind !== 'shareFailed' && (
              <p>{status.kind === 'downloaded' ? t('results.downloaded', { file: status.file }) : t(`results.${status.kind}`)}</p>
            )}
          </div>
          {status?.kind === 'shareFailed' && (
            <p role="alert" className="hint">
              {t('results.shareFailed')}
            </p>
          )}
          {manualText !== null && (
            <div className="field">
              <p id={`${id}-manual`}>{t('results.copyManual')}</p>
              <label htmlFor={`${id}-text`}>{t('results.textLabel')}</label>
              <textarea ref={manualField} id={`${id}-text`} readOnly rows={8} value={manualText} aria-describedby={`${id}-manual`} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
