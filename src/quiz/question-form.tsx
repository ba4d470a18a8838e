import type { FormEvent, MouseEvent, ReactNode } from 'react';
import type { ItemSpec, ItemText } from '../content/types.ts';

export interface QuestionProps {
  item: ItemSpec;
  text: ItemText;
  /** The learner committed (to this step, for a case); feedback shows. */
  answered: boolean;
  /** The learner's latest response to this item, if any. */
  response: string | undefined;
  onAnswer: (choice: string) => void;
  /** The form's one button, in its current role (check, next step, next question…). */
  submitLabel: string;
  onNext: () => void;
  /** Practice only: a "Try again" button. */
  tryAgain?: ReactNode;
}

interface QuestionFormProps {
  answered: boolean;
  /** Check: send the learner's answer, or ask for what is missing (the hint). */
  commit: () => void;
  onNext: () => void;
  submitLabel: string;
  hint?: string;
  tryAgain?: ReactNode;
  feedback: ReactNode;
  children: ReactNode;
}

/**
 * The frame every question type shares: its content, a live region for feedback, and one button
 * that checks and then moves on — it changes role in place, so keyboard focus stays put.
 */
export function QuestionForm({ answered, commit, onNext, submitLabel, hint, tryAgain, feedback, children }: QuestionFormProps) {
  // The button's click does the work, and cancels the submission: in a sandbox without
  // "allow-forms" (Kolibri) a form is never submitted, and no submit event fires. Enter in a field
  // still works: implicit submission clicks the form's submit button.
  const act = (event: MouseEvent) => {
    event.preventDefault();
    if (answered) onNext();
    else commit();
  };
  return (
    <form className="quiz" onSubmit={(event: FormEvent) => event.preventDefault()} noValidate>
      {children}
      {hint && !answered && <p role="alert" className="hint">{hint}</p>}
      <div role="status" className="feedback-region">
        {answered && feedback}
      </div>
      <div className="actions">
        <button type="submit" className="primary" onClick={act}>
          {submitLabel}
        </button>
        {answered && tryAgain}
      </div>
    </form>
  );
}
