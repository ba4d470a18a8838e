import type { ReactNode } from 'react';
import { RichText } from './rich-text.tsx';

interface FeedbackProps {
  correct: boolean;
  verdict: string;
  yourAnswer: ReactNode;
  rightAnswer: ReactNode;
  whyHeading: string;
  rationaleHtml: string;
  misconceptionHeading: string;
  misconceptionHtml?: string;
  cuesHeading: string;
  /** The words in the scenario that signal the answer (also highlighted in the scenario). */
  cues: string[];
  /** Level of its headings: 2 under a question, deeper inside a review of answers. */
  headingLevel?: 2 | 3 | 4;
}

/** What the learner sees after committing to an answer: the verdict and why. */
export function Feedback(props: FeedbackProps) {
  const Heading = `h${props.headingLevel ?? 2}` as const;
  return (
    <div className={`feedback feedback--${props.correct ? 'right' : 'wrong'}`}>
      <p className="feedback__verdict">
        <span aria-hidden="true">{props.correct ? '✓ ' : '✗ '}</span>
        {props.verdict}
      </p>
      <p>{props.yourAnswer}</p>
      {!props.correct && <p>{props.rightAnswer}</p>}
      <Heading>{props.whyHeading}</Heading>
      <RichText as="p" html={props.rationaleHtml} />
      {props.cues.length > 0 && (
        <>
          <Heading>{props.cuesHeading}</Heading>
          <ul className="cues">
            {props.cues.map((cue) => (
              <li key={cue}>
                <mark>{cue}</mark>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.misconceptionHtml && (
        <>
          <Heading>{props.misconceptionHeading}</Heading>
          <RichText as="p" html={props.misconceptionHtml} />
        </>
      )}
    </div>
  );
}
