import { useTranslation } from 'react-i18next';
import type { Lang } from '../content/types.ts';
import { useOptionLabel } from '../quiz/option-label.ts';
import type { ClassItem } from './class-plan.ts';
import type { TextsByModule } from './class-texts.ts';

/** One scenario's words in one language, as class mode shows them. */
export interface ItemWords {
  lang: Lang;
  /** Compiled, sanitised HTML. */
  text: string;
  prompt: string;
  label: (key: string) => string;
  rationale: string;
  misconceptions: Record<string, string>;
  cues: string[];
}

const PROMPTS = { 'classify-level': 'quiz.promptLevel', 'classify-strategy': 'quiz.promptStrategy', choice: 'quiz.promptChoice' } as const;

/** The words of a scenario in `lang`, once its module's text chunk has loaded. */
export function useItemWords(item: ClassItem | undefined, texts: TextsByModule | undefined, lang: Lang): ItemWords | undefined {
  const { t } = useTranslation('course', { lng: lang });
  const optionLabel = useOptionLabel(lang);
  const text = item && texts?.[lang]?.[item.module]?.items[item.code];
  if (!item || !text) return undefined;
  return {
    lang,
    text: text.text,
    prompt: t(PROMPTS[item.type as keyof typeof PROMPTS]),
    label: (key) => optionLabel(item.type, key, text.options),
    rationale: text.rationale,
    misconceptions: text.misconceptions,
    cues: text.cues,
  };
}
