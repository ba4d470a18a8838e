import { useTranslation } from 'react-i18next';
import { RichText } from '../components/rich-text.tsx';
import { useFacilitatorNotes } from '../content/module-text.ts';
import type { Lang } from '../content/types.ts';
import { highlightCues } from '../quiz/feedback.ts';
import type { ClassItem } from './class-plan.ts';
import { optionLetter, type ScenarioResult } from './class-summary.ts';
import type { TextsByModule } from './class-texts.ts';
import { useItemWords } from './item-words.ts';

interface ScenarioBlockProps {
  item: ClassItem;
  texts: TextsByModule;
  lang: Lang;
  revealed: boolean;
  result: ScenarioResult;
  prompt: boolean;
}

/**
 * One scenario in one language (`lang` on the block, so a screen reader and the browser's
 * hyphenation read it right): the text and lettered options, and after the reveal the answer,
 * the cue words marked, why, and the misconception behind the class's most chosen wrong option.
 */
export function ScenarioBlock({ item, texts, lang, revealed, result, prompt }: ScenarioBlockProps) {
  const { t } = useTranslation('course', { lng: lang });
  const words = useItemWords(item, texts, lang);
  if (!words) return null;
  const answer = item.options.indexOf(item.answer);
  return (
    <section lang={lang} className="scenario-block" aria-label={words.prompt}>
      <div className="scenario-block__case">
        <RichText as="p" className="scenario-text" html={revealed ? highlightCues(words.text, words.cues) : words.text} />
        <p className="scenario-prompt">{words.prompt}</p>
        <ol className="class-options">
          {item.options.map((key, i) => (
            <li key={key} className={revealed && i === answer ? 'class-options__right' : undefined}>
              <span className="class-options__letter" aria-hidden="true">
                {optionLetter(i)}
              </span>
              <span>{words.label(key)}</span>
            </li>
          ))}
        </ol>
      </div>
      {revealed && (
        <div className="scenario-block__explain">
          <p className="scenario-answer">
            <TrainerWord lang={lang} k="answer" option={item.type === 'choice' ? optionLetter(answer) : `${optionLetter(answer)}. ${words.label(item.answer)}`} />
          </p>
          <h2>{t('quiz.whyHeading')}</h2>
          <RichText as="p" html={words.rationale} />
          {result.topWrong && words.misconceptions[result.topWrong] && (
            <>
              <h2>
                <TrainerWord lang={lang} k="misconception" option={item.type === 'choice' ? optionLetter(item.options.indexOf(result.topWrong)) : `${optionLetter(item.options.indexOf(result.topWrong))}. ${words.label(result.topWrong)}`} />
              </h2>
              <RichText as="p" html={words.misconceptions[result.topWrong]} />
            </>
          )}
          {prompt && <DiscussionPrompt lang={lang} module={item.module} />}
        </div>
      )}
    </section>
  );
}

/** A trainer string in the block's language (the scenario's words may differ from the trainer's). */
function TrainerWord({ lang, k, option }: { lang: Lang; k: 'answer' | 'misconception'; option: string }) {
  const { t } = useTranslation('trainer', { lng: lang });
  return <>{t(`present.${k}`, { option })}</>;
}

/** The module's discussion prompt from the facilitator notes, when the trainer asks for it. */
function DiscussionPrompt({ lang, module }: { lang: Lang; module: string }) {
  const { t } = useTranslation('course', { lng: lang });
  const notes = useFacilitatorNotes(lang);
  const note = notes.text?.[module];
  if (!note) return null;
  return (
    <div className="scenario-discussion">
      <h2>{t('facilitator.prompt')}</h2>
      <RichText as="p" html={note.prompt} />
    </div>
  );
}
