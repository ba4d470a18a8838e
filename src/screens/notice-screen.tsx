import { useTranslation } from 'react-i18next';
import { Allowed } from '../components/allowed.tsx';
import { downloadText } from '../components/download.ts';
import { Notice } from '../components/notice.tsx';
import { CourseContext } from '../course/course-context.ts';
import { useLms } from '../tracking/lms-context.ts';
import type { CourseNotice } from '../tracking/notices.ts';
import { createProgressFile, progressFileName } from '../tracking/progress-file.ts';
import { useStore } from '../tracking/store-context.ts';

const INFO: readonly CourseNotice[] = ['otherTab', 'otherTabReplaced', 'lmsCompleted'];

interface NoticeScreenProps {
  kind: CourseNotice;
  onDismiss: () => void;
  /** Save and exit again (after it failed). */
  onExit?: () => void;
}

/** A notice about the learner's progress, with what they can do about it. Loaded only when needed. */
export default function NoticeScreen({ kind, onDismiss, onExit }: NoticeScreenProps) {
  const { t } = useTranslation(['course', 'ui']);
  const store = useStore();
  const lms = useLms();
  const actor = CourseContext.useActorRef();
  const { manifest } = actor.getSnapshot().context;
  const onDownloadUnreadable = () => downloadText(`${manifest.id}-unreadable-progress.txt`, store.unreadable().join('\n\n'), 'text/plain');
  const onExport = () => downloadText(progressFileName(manifest), createProgressFile(actor.getSnapshot().context.progress, manifest));
  const lmsUnreadable = kind === 'lmsUnreadable' || kind === 'lmsFuture' || kind === 'lmsNoData';
  const message = kind === 'textFailed' ? t('ui:errors.textFailed') : t(`notices.${kind}`);
  return (
    <Notice
      message={lmsUnreadable && lms?.deviceCopy ? `${message} ${t('notices.lmsDeviceCopy')}` : message}
      dismissLabel={t('ui:app.dismiss')}
      tone={INFO.includes(kind) ? 'info' : 'error'}
      onDismiss={onDismiss}
      details={
        kind === 'lmsExitFailed' && lms ? (
          <ul>
            {/* Everything arrived but the session did not end: that is what is missing. */}
            {(lms.missing().length ? lms.missing() : (['session'] as const)).map((what) => (
              <li key={what}>{t(`notices.lmsMissing.${what}`)}</li>
            ))}
          </ul>
        ) : undefined
      }
    >
      {(kind === 'unreadable' || kind === 'future' || kind === 'unreadableNotKept') && (
        <Allowed capability="download">
          <button type="button" onClick={onDownloadUnreadable}>
            {t('notices.downloadUnreadable')}
          </button>
        </Allowed>
      )}
      {lmsUnreadable && store.unreadable().length > 0 && (
        <Allowed capability="download">
          <button type="button" onClick={onDownloadUnreadable}>
            {t('notices.downloadLmsData')}
          </button>
        </Allowed>
      )}
      {lmsUnreadable && lms?.deviceCopy && (
        <button
          type="button"
          className="primary"
          onClick={() => {
            lms.useDeviceCopy(actor.getSnapshot().context.progress);
            onDismiss();
          }}
        >
          {t('notices.lmsUseDeviceCopy')}
        </button>
      )}
      {kind === 'lmsExitFailed' && onExit && (
        <button type="button" className="primary" onClick={onExit}>
          {t('notices.lmsExitRetry')}
        </button>
      )}
      {(kind === 'storageUnavailable' || kind === 'storageFull' || kind === 'unreadableNotKept') && (
        <Allowed capability="download">
          <button type="button" onClick={onExport}>
            {t('progress.export')}
          </button>
        </Allowed>
      )}
    </Notice>
  );
}
