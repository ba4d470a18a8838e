import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { ItemSpec, ModuleSpec } from '../content/types.ts';
import { CourseContext } from '../course/course-context.ts';
import { FINAL, PRACTICE } from '../course/final-assessment.ts';
import { quizItems, textModuleOf } from '../course/quiz-round.ts';
import { CaseQuestion } from '../quiz/case-question.tsx';
import { isComplete, lastChoice } from '../quiz/scoring.ts';
import { SingleQuestion } from '../quiz/single-question.tsx';
import { SortQuestion } from '../quiz/sort-question.tsx';
import { ModuleFrame } from './module-frame.tsx';
import { useCourse } from './use-course.ts';

interface QuizScreenProps {
  module: ModuleSpec;
  index: number;
  answered: boolean;
}

const QUESTIONS = { sort: SortQuestion, case: CaseQuestion } as const;

export function QuizScreen({ module, index, answered }: QuizScreenProps) {
  const { send, manifest } = useCourse();
  const { t } = useTranslation('course');
  const items = CourseContext.useSelector((s) => quizItems(s.context.progress, module), sameIds);
  const item = items[index];
  const response = CourseContext.useSelector((s) => lastChoice(s.context.progress.answers, item.id));
  // "Try again" (Practice only) asks the same question anew: focus goes back to its heading.
  const [tries, setTries] = useState(0);
  const canTryAgain = CourseContext.useSelector((s) => s.can({ type: 'quiz.again' }));
  const textOf = CourseContext.useSelector((s) => textModuleOf(manifest, s.context.progress, index)) ?? module.id;
  const last = index + 1 === items.length;
  const practising = module.id === PRACTICE;
  // The final records an answer and moves on: right answers and explanations wait for the result.
  const final = module.id === FINAL;
  // A case moves on a step at a time; a new step is announced by moving focus to the heading.
  const unfinished = item.type === 'case' && !!response && !isComplete(item, response);
  const step = item.type !== 'case' || !response ? 0 : answered ? response.length - 1 : unfinished ? response.length : 0;
  const submitLabel = final
    ? last ? t('final.answerLast') : t('final.answerNext')
    : !answered
      ? t('quiz.check')
      : unfinished
        ? t('case.continue')
        : !last ? t('quiz.next') : practising ? t('quiz.toPracticeSummary') : t('quiz.toSummary');
  const Question = item.type === 'sort' || item.type === 'case' ? QUESTIONS[item.type] : SingleQuestion;

  return (
    <ModuleFrame
      module={module}
      textOf={textOf}
      eyebrow={final ? t('final.heading') : practising ? t('practice.heading') : undefined}
      focusKey={`quiz-${module.id}-${index}-${tries}-${step}`}
      heading={() => t('quiz.questionOf', { number: index + 1, total: items.length })}
    >
      {(text) => (
        <>
          {final && <p className="final-note">{t('final.noFeedback')}</p>}
          {final && answered ? (
            // Only a record saved mid-final by an earlier build resumes here: the answer is kept, nothing revealed.
            <div className="actions">
              <p>{t('final.answerSaved')}</p>
              <button type="button" className="primary" onClick={() => send({ type: 'page.next' })}>
                {last ? t('quiz.toResult') : t('quiz.next')}
              </button>
            </div>
          ) : (
            <Question
              key={tries}
              item={item}
              text={text.items[item.id]}
              answered={answered}
              response={response}
              onAnswer={(choice) => send({ type: 'quiz.answer', choice })}
              submitLabel={submitLabel}
              onNext={() => send({ type: 'page.next' })}
              tryAgain={
                canTryAgain && (
                  <button
                    type="button"
                    onClick={() => {
                      setTries(tries + 1);
                      send({ type: 'quiz.again' });
                    }}
                  >
                    {t('quiz.tryAgain')}
                  </button>
                )
              }
            />
          )}
        </>
      )}
    </ModuleFrame>
  );
}

const sameIds = (a: ItemSpec[], b: ItemSpec[]) => a.length === b.length && a.every((item, i) => item.id === b[i].id);
