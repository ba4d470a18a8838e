import type { Page } from 'playwright-core';
import type { ItemSpec } from '../../src/content/types.ts';
import { FINAL, finalModule, PRACTICE } from '../../src/course/final-assessment.ts';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress, type Progress } from '../../src/course/progress.ts';
import { drawFinal, drawModuleQuiz } from '../../src/quiz/selection.ts';
import { course } from './course-content.ts';
import { live } from './journeys.ts';

const { manifest } = course;
const STORAGE_KEY = `berdaya:${manifest.id}:progress`;
export const moduleById = (id: string) => manifest.modules.find((m) => m.id === id)!;

/** A wrong response to an item (every part wrong for a sort or a case). */
export function wrong(item: ItemSpec): string {
  if (!item.parts) return item.options.find((o) => o !== item.answer)!;
  return item.parts.map((part, i) => part.options.findIndex((o) => o !== part.answer).toString(36) || item.answer[i]).join('');
}

/** Every module done (the final assessment open), one scenario due for review today. */
export function seasoned(extra: Partial<Progress> = {}): Progress {
  const modules = Object.fromEntries(manifest.modules.map((m) => [m.id, { score: 100, best: 100, round: 0 }]));
  const review = { [manifest.modules[3].items[0].id]: [1, 0] as [number, number] };
  return { ...createProgress(manifest), atWelcome: false, modules, review, ...extra };
}

/** A quiz round answered, every other answer wrong: the summary shows a confusion table. */
export function roundAnswers(items: ItemSpec[]): Progress['answers'] {
  return Object.fromEntries(items.map((item, i) => [item.id, [i % 2 ? wrong(item) : item.answer]]));
}

/** When the final in `atSummary(FINAL)` was passed: noon UTC, 14 March 2026 (minutes since 1970). */
export const PASSED_AT = Date.UTC(2026, 2, 14, 12) / 60_000;

/** The learner at a module summary (or the final result, or Practice's summary) with answers behind it. */
export function atSummary(moduleId: string): Partial<Progress> {
  if (moduleId === FINAL) {
    const final = finalModule(manifest);
    const items = drawFinal(final.sources, final.mix, 0);
    const base = seasoned();
    return { place: { screen: 'summary', module: FINAL }, answers: roundAnswers(items), modules: { ...base.modules, [FINAL]: { round: 0, score: 80, best: 80 } }, final: { score: 80, passed: true, at: PASSED_AT, passedAt: PASSED_AT } };
  }
  if (moduleId === PRACTICE) {
    const ids = manifest.modules[3].items.slice(0, 3).map((i) => i.id);
    return { place: { screen: 'summary', module: PRACTICE }, practice: ids };
  }
  return { place: { screen: 'summary', module: moduleId }, answers: roundAnswers(drawModuleQuiz(moduleById(moduleId), 0)) };
}

/** The learner at question `item` of a module's first round, answered (wrongly) or not. */
export function atQuiz(moduleId: string, item: number, answered: boolean): Partial<Progress> {
  const items = drawModuleQuiz(moduleById(moduleId), 0);
  return {
    place: { screen: 'quiz', module: moduleId, item, answered },
    answers: answered ? { [items[item].id]: [wrong(items[item])] } : {},
  };
}

/**
 * Replaces what is saved on this device and opens the course again, as if the learner came back
 * to it. The course saves its own record when the page goes away, so that save is switched off
 * for the old page only.
 */
export async function loadProgress(page: Page, progress: Progress, hash = '') {
  await page.evaluate(([key, value]) => {
    localStorage.setItem(key, value);
    Storage.prototype.setItem = () => undefined;
  }, [STORAGE_KEY, encodeProgress(progress, manifest)] as const);
  const url = new URL(page.url());
  await page.goto(`${url.origin}${url.pathname}${url.search}${hash}`);
  await live(page);
}

/** The page's width beyond the viewport, and the widest element sticking out (to say what to fix). */
export const overflow = (page: Page) =>
  page.evaluate(() => {
    const extra = document.documentElement.scrollWidth - innerWidth;
    if (extra <= 0) return null;
    const culprit = [...document.querySelectorAll('body *')].find((el) => el.getBoundingClientRect().right > innerWidth + 0.5);
    return `${extra}px too wide: ${culprit?.tagName.toLowerCase()}.${culprit?.className} "${culprit?.textContent?.slice(0, 40)}"`;
  });
