import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Feedback } from '../components/feedback.tsx';
import { OptionGroup } from '../components/option-group.tsx';
import { RichText } from '../components/rich-text.tsx';
import { highlightCues } from './feedback.ts';
import { QuestionForm, type QuestionProps } from './question-form.tsx';
import { useOptionLabel } from './option-label.ts';

/** A classification (level or strategy) or a concept check: one radio group. */
export function SingleQuestion({ item, text, answered, response, onAnswer, ...form }: QuestionProps) {
  const { t } = useTranslation('course');
  const label = useOptionLabel();
  // The choice before committing is the learner's draft; it survives a language switch, not a reload.
  const [draft, setDraft] = useState<string>();
  const [mustChoose, setMustChoose] = useState(false);
  const correct = response === item.answer;
  const optionLabel = (key: string) => label(item.type, key, text.options);

  return (
    <QuestionForm
      {...form}
      answered={answered}
      commit={() => (draft ? onAnswer(draft) : setMustChoose(true))}
      hint={mustChoose ? t('quiz.chooseFirst') : undefined}
      feedback={
        response && (
          <Feedback
            correct={correct}
            verdict={correct ? t('quiz.correct') : t('quiz.incorrect')}
            yourAnswer={t('quiz.yourAnswer', { answer: optionLabel(response) })}
            rightAnswer={t('quiz.rightAnswer', { answer: optionLabel(item.answer) })}
            whyHeading={t('quiz.whyHeading')}
            rationaleHtml={text.rationale}
            misconceptionHeading={t('quiz.misconceptionHeading')}
            misconceptionHtml={correct ? undefined : text.misconceptions[response]}
            cuesHeading={t('quiz.cuesHeading')}
            cues={text.cues}
          />
        )
      }
    >
      {item.type !== 'choice' && <RichText as="p" className="scenario" html={answered ? highlightCues(text.text, text.cues) : text.text} />}
      <OptionGroup
        name={item.id}
        legend={item.type === 'choice' ? <RichText as="span" html={text.text} /> : item.type === 'classify-level' ? t('quiz.promptLevel') : t('quiz.promptStrategy')}
        value={answered ? response : draft}
        disabled={answered}
        onChange={(key) => {
          setDraft(key);
          setMustChoose(false);
        }}
        options={item.options.map((key) => ({
          key,
          label: optionLabel(key),
          mark: !answered ? undefined : key === item.answer ? 'right' : key === response ? 'wrong' : undefined,
        }))}
      />
    </QuestionForm>
  );
}
