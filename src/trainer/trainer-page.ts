import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchWelcome } from '../content/module-text.ts';
import type { Lang } from '../content/types.ts';
import { loadLanguage } from '../i18n/i18n.ts';

/**
 * What every trainer page (class mode, the class's results) does with its language: the document's
 * language and title follow it, and switching loads the strings and course titles first, then keeps
 * the choice in the address so a reload keeps it. Returns the switch.
 */
export function useTrainerPage(title: string, courseTitle: string): (next: Lang) => Promise<void> {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${title} · ${courseTitle}`;
  }, [lang, title, courseTitle]);

  return async (next) => {
    await Promise.all([loadLanguage(i18n, next), fetchWelcome(next)]);
    await i18n.changeLanguage(next);
    const url = new URL(location.href);
    url.searchParams.set('lang', next);
    history.replaceState(history.state, '', url);
  };
}
