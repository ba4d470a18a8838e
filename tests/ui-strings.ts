import enCourse from '../locales/en/course.json';
import enTrainer from '../locales/en/trainer.json';
import enUi from '../locales/en/ui.json';
import idCourse from '../locales/id/course.json';
import idTrainer from '../locales/id/trainer.json';
import idUi from '../locales/id/ui.json';
import type { Lang } from '../src/content/types.ts';
import { createI18n } from '../src/i18n/i18n.ts';

/** Every UI string of a language as one object (both namespaces), to say what the learner should see. */
const merged = <U extends object, C extends object>(ui: U, course: C) => ({
  ...ui,
  ...course,
  welcome: { ...(ui as { welcome: object }).welcome, ...(course as { welcome: object }).welcome },
}) as U & C & { welcome: typeof idUi.welcome & typeof idCourse.welcome };

export const uiStrings = { id: merged(idUi, idCourse), en: merged(enUi, enCourse) };
export const namespaces = { id: { ui: idUi, course: idCourse, trainer: idTrainer }, en: { ui: enUi, course: enCourse, trainer: enTrainer } };
/** Class mode's strings (src/trainer/), a namespace of their own. */
export const trainerStrings = { id: idTrainer, en: enTrainer };

/** The real translation function for a language, over both namespaces. */
export const tFor = (lang: Lang) =>
  createI18n(lang, { id: { ui: uiStrings.id }, en: { ui: uiStrings.en } }).t as unknown as (key: string, values?: Record<string, unknown>) => string;
