interface ChunkStatusProps {
  failed: boolean;
  loadingLabel: string;
  failedMessage: string;
  retryLabel: string;
  onRetry: () => void;
}

/** What the learner sees while text is downloading, or when the download failed. */
export function ChunkStatus({ failed, loadingLabel, failedMessage, retryLabel, onRetry }: ChunkStatusProps) {
  if (!failed) return <p role="status">{loadingLabel}</p>;
  return (
    <div role="alert" className="notice notice--error">
      <p>{failedMessage}</p>
      <button type="button" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}
