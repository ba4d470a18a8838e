import i18next, { type FormatterModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import idUi from '../../locales/id/ui.json';
import { LANGS, type Lang } from '../content/types.ts';

/**
 * Strings come in two namespaces: `ui` (the shell and the welcome screen) and `course` (lesson,
 * quiz and summary screens), plus `trainer` (class mode, src/trainer/). Only Indonesian `ui` ships in
 * the first view; the rest loads when needed.
 */
export const NAMESPACES = ['ui', 'course', 'trainer'] as const;
export type Namespace = (typeof NAMESPACES)[number];
export type Strings = Record<string, unknown>;

/** Each language's name in its own language: the same on every screen, so not translated. */
export const LANGUAGE_NAMES: Record<Lang, string> = { id: 'Bahasa Indonesia', en: 'English' };
/** The same, shorter, for narrow screens (each part of the full name, so speech commands still match). */
export const LANGUAGE_SHORT_NAMES: Record<Lang, string> = { id: 'Indonesia', en: 'English' };

export const json = (load: Promise<{ default: Strings }>) => load.then((m) => m.default);
const loaders: Record<Lang, Partial<Record<Namespace, () => Promise<Strings>>>> = {
  id: { ui: async () => idUi, course: () => json(import('../../locales/id/course.json')) },
  en: { ui: () => json(import('../../locales/en/ui.json')), course: () => json(import('../../locales/en/course.json')) },
};

/**
 * A feature loaded on demand (class mode, src/trainer/) brings the loaders of its own namespace
 * when its chunk loads, so the first view does not carry them.
 */
export const addLoaders = (ns: Namespace, byLang: Record<Lang, () => Promise<Strings>>) => {
  for (const lang of LANGS) loaders[lang][ns] = byLang[lang];
};

export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

/**
 * The language to start in: `?lang=` first, then the learner's saved choice, then the language of
 * the page opened when it names one (en/index.html), then the browser's language when it is one we
 * have, else Indonesian.
 */
export function resolveLanguage(sources: { query?: string | null; saved?: Lang | null; page?: Lang | null; browser?: readonly string[] }): Lang {
  if (isLang(sources.query)) return sources.query;
  if (sources.saved) return sources.saved;
  if (sources.page) return sources.page;
  const browser = (sources.browser ?? []).map((tag) => tag.toLowerCase().split('-')[0]).find(isLang);
  return browser ?? 'id';
}

/**
 * One number format per language, made when first needed. Making one is costly (the browser loads
 * the language's number data): it was most of the welcome screen's start-up, where a new one was
 * made for each of its dozens of numbers.
 */
const numberFormats = new Map<string | undefined, Intl.NumberFormat>();
const numberFormat = (lng: string | undefined) => {
  let format = numberFormats.get(lng);
  if (!format) numberFormats.set(lng, (format = new Intl.NumberFormat(lng)));
  return format;
};

/**
 * A number in the learner's way of writing it ("7,8" and "1.000" in Indonesian, "7.8" and "1,000" in
 * English). Whole numbers below 1000 (module numbers, counts: all the welcome screen shows) are
 * written alike in both languages, without the format.
 */
export const formatNumber = (value: number, lng: string | undefined) =>
  Number.isInteger(value) && value >= 0 && value < 1000 ? String(value) : numberFormat(lng).format(value);

/** Every number interpolated into a string, in the learner's way of writing it. */
const numbers: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value, _format, lng) => (typeof value === 'number' ? formatNumber(value, lng) : value),
};

/** A real i18next instance with the given strings (tests use it too; never mock `t`). */
export function createI18n(lng: Lang, strings: Partial<Record<Lang, Partial<Record<Namespace, Strings>>>>): I18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next).use(numbers).init({
    lng,
    resources: strings,
    defaultNS: 'ui',
    ns: [...NAMESPACES],
    fallbackLng: false,
    supportedLngs: [...LANGS],
    initAsync: false,
    // Every number in a string is written the learner's way ("7,8" in Indonesian, "7.8" in English).
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
    react: { useSuspense: false },
  });
  return instance;
}

export const loadStrings = (lang: Lang, ns: Namespace) => loaders[lang][ns]!();

/** Loads a language's strings for the given namespaces, if not loaded yet. */
export async function loadNamespaces(i18n: I18n, lang: Lang, namespaces: readonly Namespace[]): Promise<void> {
  await Promise.all(
    namespaces
      .filter((ns) => !i18n.hasResourceBundle(lang, ns))
      .map(async (ns) => i18n.addResourceBundle(lang, ns, await loadStrings(lang, ns))),
  );
}

/** Before switching language: load every namespace the current language already uses. */
export const loadLanguage = (i18n: I18n, lang: Lang) =>
  loadNamespaces(i18n, lang, NAMESPACES.filter((ns) => i18n.hasResourceBundle(i18n.language, ns)));
