import { useTranslation } from 'react-i18next';
import { htmlToText } from '../components/html-text.ts';
import type { Lang, QuestionType } from '../content/types.ts';

/**
 * How an option is named: a level or strategy by its term, a concept-check option by its text; in
 * the current language, or in `lng` (class mode shows both languages side by side).
 */
export function useOptionLabel(lng?: Lang) {
  const { t } = useTranslation('course', { lng });
  return (type: QuestionType | string, key: string, options?: Record<string, string>): string => {
    if (type === 'classify-level') return t(`levels.${key as 'casework'}`);
    if (type === 'classify-strategy') return t(`strategies.${key as 'locality'}`);
    return htmlToText(options?.[key] ?? key);
  };
}
