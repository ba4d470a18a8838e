import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface TermCardProps {
  /** Which term: focus moves to the card when it changes. */
  termId: string;
  title: ReactNode;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/** A glossary definition shown next to the lesson text; Escape or Close returns to the word. */
export function TermCard({ termId, title, closeLabel, onClose, children }: TermCardProps) {
  const ref = useRef<HTMLElement>(null);
  // Layout effect: focus moves in the same commit that shows the card, never a frame later.
  useLayoutEffect(() => ref.current?.focus(), [termId]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      role="dialog"
      aria-modal="false"
      aria-labelledby="term-card-title"
      className="term-card"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <h2 id="term-card-title">{title}</h2>
      {children}
      <button type="button" onClick={onClose}>
        {closeLabel}
      </button>
    </section>
  );
}
