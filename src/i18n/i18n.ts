import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../locales/en/ui.json';
import id from '../../locales/id/ui.json';
import { LANGS, type Lang } from '../content/types.ts';

export const resources = { id: { ui: id }, en: { ui: en } } as const;

export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

/**
 * The language to start in: `?lang=` first, then the learner's saved choice, then the browser's
 * language when it is one we have, else Indonesian.
 */
export function resolveLanguage(sources: { query?: string | null; saved?: Lang | null; browser?: readonly string[] }): Lang {
  if (isLang(sources.query)) return sources.query;
  if (sources.saved) return sources.saved;
  const browser = (sources.browser ?? []).map((tag) => tag.toLowerCase().split('-')[0]).find(isLang);
  return browser ?? 'id';
}

/** A real i18next instance (also used by tests, which must never mock `t`). */
export function createI18n(lng: Lang): I18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next).init({
    lng,
    resources,
    defaultNS: 'ui',
    ns: ['ui'],
    fallbackLng: false,
    supportedLngs: [...LANGS],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
