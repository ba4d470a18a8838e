import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Feedback } from '../components/feedback.tsx';
import { htmlToText } from '../components/html-text.ts';
import { OptionGroup } from '../components/option-group.tsx';
import { RichText } from '../components/rich-text.tsx';
import type { ItemSpec, ItemText, ModuleSpec } from '../content/types.ts';
import { CourseContext } from '../course/course-context.ts';
import { FINAL, PRACTICE } from '../course/final-assessment.ts';
import { quizItems, textModuleOf } from '../course/quiz-round.ts';
import { highlightCues } from '../quiz/feedback.ts';
import { isCorrect, lastChoice } from '../quiz/scoring.ts';
import { ModuleFrame } from './module-frame.tsx';
import { useCourse } from './use-course.ts';

interface QuizScreenProps {
  module: ModuleSpec;
  index: number;
  answered: boolean;
}

export function QuizScreen({ module, index, answered }: QuizScreenProps) {
  const { send, manifest } = useCourse();
  const { t } = useTranslation('course');
  const items = CourseContext.useSelector((s) => quizItems(s.context.progress, module), sameIds);
  const item = items[index];
  const chosen = CourseContext.useSelector((s) => lastChoice(s.context.progress.answers, item.id));
  // The choice before committing is the learner's draft; it survives a language switch, not a reload.
  const [draft, setDraft] = useState<string>();
  const [mustChoose, setMustChoose] = useState(false);
  // "Try again" (Practice only) asks the same question anew: focus goes back to its heading.
  const [tries, setTries] = useState(0);
  const canTryAgain = CourseContext.useSelector((s) => s.can({ type: 'quiz.again' }));
  const last = index + 1 === items.length;
  const practising = module.id === PRACTICE;
  const textOf = CourseContext.useSelector((s) => textModuleOf(manifest, s.context.progress, index)) ?? module.id;

  const optionLabel = (key: string, text: ItemText): string => {
    if (item.type === 'classify-level') return t(`levels.${key as 'casework'}`);
    if (item.type === 'classify-strategy') return t(`strategies.${key as 'locality'}`);
    return htmlToText(text.options?.[key] ?? key);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (answered) send({ type: 'page.next' });
    else if (draft) send({ type: 'quiz.answer', choice: draft });
    else setMustChoose(true);
  };

  return (
    <ModuleFrame
      module={module}
      // A final-assessment question shows the text of the module it comes from.
      textOf={textOf}
      eyebrow={module.id === FINAL ? t('final.heading') : practising ? t('practice.heading') : undefined}
      focusKey={`quiz-${module.id}-${index}-${tries}`}
      heading={() => t('quiz.questionOf', { number: index + 1, total: items.length })}
    >
      {(text) => {
        const itemText = text.items[item.id];
        const correct = isCorrect(item, chosen);
        return (
          <form className="quiz" onSubmit={submit} noValidate>
            {item.type !== 'choice' && (
              <RichText as="p" className="scenario" html={answered ? highlightCues(itemText.text, itemText.cues) : itemText.text} />
            )}
            <OptionGroup
              name={item.id}
              legend={item.type === 'choice' ? <RichText as="span" html={itemText.text} /> : prompt(item, t)}
              value={answered ? chosen : draft}
              disabled={answered}
              onChange={(key) => {
                setDraft(key);
                setMustChoose(false);
              }}
              options={item.options.map((key) => ({
                key,
                label: optionLabel(key, itemText),
                mark: !answered ? undefined : key === item.answer ? 'right' : key === chosen ? 'wrong' : undefined,
              }))}
            />
            {mustChoose && !answered && <p role="alert" className="hint">{t('quiz.chooseFirst')}</p>}
            <div role="status" className="feedback-region">
              {answered && chosen && (
                <Feedback
                  correct={correct}
                  verdict={correct ? t('quiz.correct') : t('quiz.incorrect')}
                  yourAnswer={t('quiz.yourAnswer', { answer: optionLabel(chosen, itemText) })}
                  rightAnswer={t('quiz.rightAnswer', { answer: optionLabel(item.answer, itemText) })}
                  whyHeading={t('quiz.whyHeading')}
                  rationaleHtml={itemText.rationale}
                  misconceptionHeading={t('quiz.misconceptionHeading')}
                  misconceptionHtml={correct ? undefined : itemText.misconceptions[chosen]}
                  cuesHeading={t('quiz.cuesHeading')}
                  cues={itemText.cues}
                />
              )}
            </div>
            {/* One button that changes role keeps keyboard focus in place after answering. */}
            <div className="actions">
              <button type="submit" className="primary">
                {!answered ? t('quiz.check') : !last ? t('quiz.next') : module.id === FINAL ? t('quiz.toResult') : practising ? t('quiz.toPracticeSummary') : t('quiz.toSummary')}
              </button>
              {answered && canTryAgain && (
                <button
                  type="button"
                  onClick={() => {
                    setDraft(undefined);
                    setTries(tries + 1);
                    send({ type: 'quiz.again' });
                  }}
                >
                  {t('quiz.tryAgain')}
                </button>
              )}
            </div>
          </form>
        );
      }}
    </ModuleFrame>
  );
}

const sameIds = (a: ItemSpec[], b: ItemSpec[]) => a.length === b.length && a.every((item, i) => item.id === b[i].id);

function prompt(item: ItemSpec, t: TFunction<'course'>) {
  return item.type === 'classify-level' ? t('quiz.promptLevel') : t('quiz.promptStrategy');
}
