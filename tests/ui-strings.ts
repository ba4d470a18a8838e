import en from '../locales/en/ui.json';
import id from '../locales/id/ui.json';
import type { Lang } from '../src/content/types.ts';
import { createI18n } from '../src/i18n/i18n.ts';

export const uiStrings = { id, en };

/** The real translation function for a language, to say what the learner should see. */
export const tFor = (lang: Lang) => createI18n(lang, uiStrings).t;
