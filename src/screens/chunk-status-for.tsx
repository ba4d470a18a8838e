import { useTranslation } from 'react-i18next';
import { ChunkStatus } from '../components/chunk-status.tsx';
import type { ChunkState } from '../content/module-text.ts';

/** Loading / failed-with-retry message for a text chunk, in the learner's language. */
export function ChunkStatusFor({ chunk }: { chunk: ChunkState<unknown> }) {
  const { t } = useTranslation();
  return (
    <ChunkStatus
      failed={chunk.failed}
      loadingLabel={t('app.loading')}
      failedMessage={t('errors.textFailed')}
      retryLabel={t('errors.retry')}
      onRetry={chunk.retry}
    />
  );
}
