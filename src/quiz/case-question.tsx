import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Feedback } from '../components/feedback.tsx';
import { OptionGroup } from '../components/option-group.tsx';
import { RichText } from '../components/rich-text.tsx';
import { useOptionLabel } from './option-label.ts';
import { QuestionForm, type QuestionProps } from './question-form.tsx';
import { credit, isComplete, partChoices } from './scoring.ts';

/**
 * A case told in steps: each step is one question, and after it the story goes on. The steps
 * answered so far stay on screen, so the learner sees how one choice led to the next.
 */
export function CaseQuestion({ item, text, answered, response, onAnswer, ...form }: QuestionProps) {
  const { t } = useTranslation('course');
  const label = useOptionLabel();
  const parts = item.parts!;
  // An unfinished response is this attempt; a finished one belongs to an earlier attempt (or to this one, answered).
  const sofar = response && (answered || !isComplete(item, response)) ? response : '';
  const step = answered ? sofar.length - 1 : sofar.length;
  const chosen = partChoices(item, sofar);
  const [draft, setDraft] = useState<{ step: number; key: string }>();
  const [mustChoose, setMustChoose] = useState(false);
  const part = parts[step];
  const partText = text.parts![step];
  const optionLabel = (index: number, key: string) => label(parts[index].type, key, text.parts![index].options);
  const finished = answered && isComplete(item, sofar);
  const right = Math.round(credit(item, sofar) * parts.length);

  return (
    <QuestionForm
      {...form}
      answered={answered}
      commit={() => (draft?.step === step ? onAnswer(draft.key) : setMustChoose(true))}
      hint={mustChoose ? t('quiz.chooseFirst') : undefined}
      feedback={
        <>
          <Feedback
            correct={chosen[step] === part.answer}
            verdict={chosen[step] === part.answer ? t('quiz.correct') : t('quiz.incorrect')}
            yourAnswer={t('quiz.yourAnswer', { answer: optionLabel(step, chosen[step]!) })}
            rightAnswer={t('quiz.rightAnswer', { answer: optionLabel(step, part.answer) })}
            whyHeading={t('quiz.whyHeading')}
            rationaleHtml={partText.rationale}
            misconceptionHeading={t('quiz.misconceptionHeading')}
            misconceptionHtml={chosen[step] === part.answer ? undefined : partText.misconceptions[chosen[step]!]}
            cuesHeading={t('quiz.cuesHeading')}
            cues={[]}
          />
          <h2>{t('case.next')}</h2>
          <RichText as="p" html={partText.then!} />
          {finished && (
            <>
              <p className="score">{t('case.result', { right, total: parts.length })}</p>
              <RichText as="p" html={text.rationale} />
            </>
          )}
        </>
      }
    >
      <RichText as="p" className="scenario" html={text.text} />
      {chosen.slice(0, step).map((key, index) => (
        <div key={index} className="case-step">
          <p>
            <strong>{t('case.stepOf', { number: index + 1, total: parts.length })}</strong> <RichText as="span" html={text.parts![index].text} />
          </p>
          <p>
            {t('quiz.yourAnswer', { answer: optionLabel(index, key!) })} {key === parts[index].answer ? t('quiz.correct') : t('quiz.rightAnswer', { answer: optionLabel(index, parts[index].answer) })}
          </p>
          <RichText as="p" html={text.parts![index].then!} />
        </div>
      ))}
      <OptionGroup
        name={`${item.id}-${step}`}
        legend={
          <>
            {t('case.stepOf', { number: step + 1, total: parts.length })} <RichText as="span" html={partText.text} />
          </>
        }
        value={answered ? chosen[step] : draft?.step === step ? draft.key : undefined}
        disabled={answered}
        onChange={(key) => {
          setDraft({ step, key });
          setMustChoose(false);
        }}
        options={part.options.map((key) => ({
          key,
          label: optionLabel(step, key),
          mark: !answered ? undefined : key === part.answer ? 'right' : key === chosen[step] ? 'wrong' : undefined,
        }))}
      />
    </QuestionForm>
  );
}
