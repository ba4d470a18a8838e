import { useTranslation } from 'react-i18next';
import { Allowed } from '../components/allowed.tsx';
import { downloadText } from '../components/download.ts';
import { Notice } from '../components/notice.tsx';
import { CourseContext } from '../course/course-context.ts';
import type { CourseNotice } from '../tracking/notices.ts';
import { createProgressFile, progressFileName } from '../tracking/progress-file.ts';
import { useStore } from '../tracking/store-context.ts';

/** A notice about the learner's progress, with what they can do about it. Loaded only when needed. */
export default function NoticeScreen({ kind, onDismiss }: { kind: CourseNotice; onDismiss: () => void }) {
  const { t } = useTranslation(['course', 'ui']);
  const store = useStore();
  const actor = CourseContext.useActorRef();
  const { manifest } = actor.getSnapshot().context;
  const onDownloadUnreadable = () => downloadText(`${manifest.id}-unreadable-progress.txt`, store.unreadable().join('\n\n'), 'text/plain');
  const onExport = () => downloadText(progressFileName(manifest), createProgressFile(actor.getSnapshot().context.progress, manifest));
  return (
    <Notice
      message={kind === 'textFailed' ? t('ui:errors.textFailed') : t(`notices.${kind}`)}
      dismissLabel={t('ui:app.dismiss')}
      tone={kind === 'otherTab' || kind === 'lmsFinished' || kind === 'lmsCompleted' ? 'info' : 'error'}
      onDismiss={onDismiss}
    >
      {(kind === 'unreadable' || kind === 'future') && (
        <Allowed capability="download">
          <button type="button" onClick={onDownloadUnreadable}>
            {t('notices.downloadUnreadable')}
          </button>
        </Allowed>
      )}
      {(kind === 'storageUnavailable' || kind === 'storageFull') && (
        <Allowed capability="download">
          <button type="button" onClick={onExport}>
            {t('progress.export')}
          </button>
        </Allowed>
      )}
    </Notice>
  );
}
