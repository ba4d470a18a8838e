import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import id from '../../locales/id/ui.json';
import { LANGS, type Lang } from '../content/types.ts';

export type UiStrings = typeof id;

/** Each language's name in its own language: the same on every screen, so not translated. */
export const LANGUAGE_NAMES: Record<Lang, string> = { id: 'Bahasa Indonesia', en: 'English' };

// Indonesian, the default, ships with the app; other languages load when first needed.
const loaders: Record<Lang, () => Promise<UiStrings>> = {
  id: async () => id,
  en: () => import('../../locales/en/ui.json').then((m) => m.default),
};

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

/** A real i18next instance with the given languages' strings (tests use it too; never mock `t`). */
export function createI18n(lng: Lang, strings: Partial<Record<Lang, UiStrings>>): I18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next).init({
    lng,
    resources: Object.fromEntries(Object.entries(strings).map(([lang, ui]) => [lang, { ui }])),
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

/** Makes sure a language's strings are loaded before switching to it. */
export async function loadLanguage(i18n: I18n, lang: Lang): Promise<void> {
  if (!i18n.hasResourceBundle(lang, 'ui')) i18n.addResourceBundle(lang, 'ui', await loaders[lang]());
}

export const loadStrings = (lang: Lang) => loaders[lang]();
