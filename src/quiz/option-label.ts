import { useTranslation } from 'react-i18next';
import { htmlToText } from '../components/html-text.ts';
import type { QuestionType } from '../content/types.ts';

/** How an option is named: a level or strategy by its term, a concept-check option by its text. */
export function useOptionLabel() {
  const { t } = useTranslation('course');
  return (type: QuestionType | string, key: string, options?: Record<string, string>): string => {
    if (type === 'classify-level') return t(`levels.${key as 'casework'}`);
    if (type === 'classify-strategy') return t(`strategies.${key as 'locality'}`);
    return htmlToText(options?.[key] ?? key);
  };
}
