import type { ReactNode } from 'react';

interface NoticeProps {
  message: string;
  dismissLabel: string;
  onDismiss: () => void;
  tone?: 'info' | 'error';
  /** More of the message (a list), between it and the actions. */
  details?: ReactNode;
  children?: ReactNode;
}

/** A message the learner must see (role=alert), with optional actions and a way to close it. */
export function Notice({ message, dismissLabel, onDismiss, tone = 'info', details, children }: NoticeProps) {
  return (
    <div role="alert" className={`notice${tone === 'error' ? ' notice--error' : ''}`}>
      <p>{message}</p>
      {details}
      <div className="actions">
        {children}
        <button type="button" onClick={onDismiss}>
          {dismissLabel}
        </button>
      </div>
    </div>
  );
}
