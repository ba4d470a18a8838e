import { useTranslation } from 'react-i18next';
import { Feedback } from '../components/feedback.tsx';
import { htmlToText } from '../components/html-text.ts';
import { RichText } from '../components/rich-text.tsx';
import { useModuleText } from '../content/module-text.ts';
import type { ItemSpec, ItemText } from '../content/types.ts';
import { highlightCues } from '../quiz/feedback.ts';
import { useOptionLabel } from '../quiz/option-label.ts';
import { credit, lastChoice, partChoices, partsOf, type Answers } from '../quiz/scoring.ts';
import { ChunkStatusFor } from './chunk-status-for.tsx';
import { useCourse } from './use-course.ts';

interface AnswerReviewProps {
  /** The round's questions, in the order they were asked. */
  items: readonly ItemSpec[];
  answers: Answers;
  /** Only the questions not wholly right (a module summary), or every one (the final's result). */
  missedOnly: boolean;
}

/**
 * The learner's answers of a round, each opening its full feedback: the scenario with its cue words
 * marked, the right answer, why, and the misconception behind the learner's choice. Reading it
 * changes nothing: it is a view of answers already scored. Used by module summaries and the final.
 */
export function AnswerReview({ items, answers, missedOnly }: AnswerReviewProps) {
  const { t } = useTranslation('course');
  const entries = items
    .map((item, index) => ({ item, number: index + 1, response: lastChoice(answers, item.id) }))
    .filter(({ item, response }) => !missedOnly || credit(item, response) < 1);
  return (
    <section className="answer-review" aria-labelledby="answer-review-heading">
      <h2 id="answer-review-heading">{missedOnly ? t('review.missedHeading') : t('review.allHeading')}</h2>
      {entries.length ? (
        <>
          <p>{t('review.intro')}</p>
          <ul className="review-list">
            {entries.map((entry) => (
              <li key={entry.item.id}>
                <ReviewEntry {...entry} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('review.noneMissed')}</p>
      )}
    </section>
  );
}

interface EntryProps {
  item: ItemSpec;
  number: number;
  response: string | undefined;
}

/** One question: a disclosure (native, so keyboard and screen readers know it) that opens its feedback. */
function ReviewEntry({ item, number, response }: EntryProps) {
  const { t } = useTranslation('course');
  const { manifest, lang } = useCourse();
  // A question of the final shows its home module's text.
  const home = manifest.modules.find((m) => m.items.some((i) => i.id === item.id))?.id ?? '';
  const chunk = useModuleText(home, lang);
  const text = chunk.text?.items[item.id];
  const share = credit(item, response);
  const verdict = response === undefined
    ? t('review.notAnswered')
    : share === 1 ? t('quiz.correct')
      : item.parts ? t('review.partial', { right: Math.round(share * item.parts.length), total: item.parts.length }) : t('quiz.incorrect');
  return (
    <details className={`review-entry review-entry--${share === 1 ? 'right' : 'wrong'}`}>
      <summary>
        <span aria-hidden="true">{share === 1 ? '✓ ' : '✗ '}</span>
        {t('review.entry', { number, verdict })}
        {text && <span className="review-entry__gist"> {gist(text.text)}</span>}
      </summary>
      {text ? <ReviewBody item={item} text={text} response={response} /> : <ChunkStatusFor chunk={chunk} />}
    </details>
  );
}

/** The first words of a question, so the learner knows which one it was before opening it. */
function gist(html: string): string {
  const words = htmlToText(html).split(/\s+/).filter(Boolean);
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
}

function ReviewBody({ item, text, response }: { item: ItemSpec; text: ItemText; response: string | undefined }) {
  const { t } = useTranslation('course');
  const label = useOptionLabel();
  const chosen = response === undefined ? [] : partChoices(item, response);
  const feedback = (index: number, headingLevel: 3 | 4) => {
    const part = partsOf(item)[index];
    const words = item.parts ? text.parts![index] : text;
    const choice = chosen[index];
    const optionLabel = (key: string) => label(part.type, key, words.options);
    const right = choice === part.answer;
    return (
      <Feedback
        correct={right}
        verdict={right ? t('quiz.correct') : t('quiz.incorrect')}
        yourAnswer={choice === undefined ? t('review.notAnswered') : t('quiz.yourAnswer', { answer: optionLabel(choice) })}
        rightAnswer={t('quiz.rightAnswer', { answer: optionLabel(part.answer) })}
        whyHeading={t('quiz.whyHeading')}
        rationaleHtml={words.rationale}
        misconceptionHeading={t('quiz.misconceptionHeading')}
        misconceptionHtml={right || choice === undefined ? undefined : words.misconceptions[choice]}
        cuesHeading={t('quiz.cuesHeading')}
        cues={item.parts ? [] : text.cues}
        headingLevel={headingLevel}
      />
    );
  };
  if (!item.parts) {
    return (
      <>
        <RichText as="p" className="scenario" html={item.type === 'choice' ? text.text : highlightCues(text.text, text.cues)} />
        {feedback(0, 3)}
      </>
    );
  }
  return (
    <>
      <RichText as="p" className="scenario" html={text.text} />
      {item.parts.map((_, index) => (
        <section key={index} className="review-part">
          <h3>
            {item.type === 'sort' ? t('sort.caseNumber', { number: index + 1 }) : t('case.stepOf', { number: index + 1, total: item.parts!.length })}
          </h3>
          <RichText as="p" html={text.parts![index].text} />
          {feedback(index, 4)}
          {item.type === 'case' && text.parts![index].then && <RichText as="p" html={text.parts![index].then!} />}
        </section>
      ))}
      <RichText as="p" html={text.rationale} />
    </>
  );
}
