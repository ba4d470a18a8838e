import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { finalModule } from '../../src/course/final-assessment.ts';
import { drawFinal, drawModuleQuiz } from '../../src/quiz/selection.ts';
import { expect } from 'vitest';
import type { ItemSpec, Lang, ModuleSpec } from '../../src/content/types.ts';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress, type Progress } from '../../src/course/progress.ts';
import { expectAccessible, screenIsLive } from './browser.ts';
import { course, htmlText, optionLabel, say } from './course-content.ts';

/** The page, or the course's frame inside an LMS page. */
type Root = Page | FrameLocator;
export const heading = (page: Root) => page.getByRole('heading', { level: 1 });
export const button = (page: Root, name: string) => page.getByRole('button', { name, exact: true });

/**
 * Waits until the app has taken the page over (screenIsLive): the welcome screen is in the HTML, so
 * its heading shows before the app runs, and checks of what only the app does (the address, the
 * saved progress, the focus) must wait for this.
 */
export const live = (page: Page) => expect.poll(() => page.evaluate(screenIsLive)).toBe(true);

/**
 * Takes the final assessment's first attempt, every answer right; `onFirst` runs on the first
 * question, answer chosen. Each answer goes straight on: no feedback until the result.
 */
export async function passFinal(root: Root, lang: Lang, onFirst: () => Promise<void> = async () => {}) {
  const final = finalModule(course.manifest);
  const items = drawFinal(final.sources, final.mix, 0);
  for (const [index, item] of items.entries()) {
    await expect.poll(() => heading(root).textContent()).toBe(say(lang, (s) => s.quiz.questionOf, { number: index + 1, total: items.length }));
    const owner = course.manifest.modules.find((m) => m.items.some((i) => i.id === item.id))!;
    await root.getByRole('radio', { name: optionLabel(owner.id, item, item.answer, lang), exact: true }).check();
    if (index === 0) await onFirst();
    await button(root, index + 1 === items.length ? say(lang, (s) => s.final.answerLast) : say(lang, (s) => s.final.answerNext)).click();
  }
  await expect.poll(() => heading(root).textContent()).toBe(say(lang, (s) => s.result.heading));
  return items;
}

/**
 * Starts the browser's first visit with this progress saved on the device (as the course itself
 * saves it), once: reloads and later visits see whatever the course saved since.
 */
export async function seedProgress(context: BrowserContext, progress: Partial<Progress>) {
  const saved = encodeProgress({ ...createProgress(course.manifest), ...progress }, course.manifest);
  await context.addInitScript(([key, value]) => {
    if (location.protocol === 'http:' && !sessionStorage.getItem('seeded')) localStorage.setItem(key, value);
    if (location.protocol === 'http:') sessionStorage.setItem('seeded', 'yes');
  }, [`berdaya:${course.manifest.id}:progress`, saved] as const);
}

/** A learner part-way through a module's first quiz round: at question `item`, every earlier one answered right. */
export function atQuestion(module: ModuleSpec, item: number, lang: Lang): Partial<Progress> {
  const before = drawModuleQuiz(module, 0).slice(0, item);
  return {
    lang,
    atWelcome: false,
    place: { screen: 'quiz', module: module.id, item, answered: false },
    modules: { [module.id]: { round: 0 } },
    answers: Object.fromEntries(before.map((i) => [i.id, [i.answer]])),
  };
}

/** The words of a sort's case or a case's step (`part`), as plain text. */
export const partText = (moduleId: string, item: ItemSpec, part: number, lang: Lang) =>
  htmlText(course.texts[moduleId][lang].items[item.id].parts![part].text);

/** The label a learner sees for an option of a sort's case or a case's step. */
export function partOptionLabel(moduleId: string, item: ItemSpec, part: number, key: string, lang: Lang): string {
  const spec = item.parts![part];
  if (spec.type === 'classify-level') return say(lang, (s) => s.levels[key as 'casework']);
  if (spec.type === 'classify-strategy') return say(lang, (s) => s.strategies[key as 'locality']);
  return htmlText(course.texts[moduleId][lang].items[item.id].parts![part].options![key]);
}

/** A level's name, as on a sort's radios and drop zones. */
export const levelName = (lang: Lang, level: string) => say(lang, (s) => s.levels[level as 'casework']);

/** A case step's radio group: "Step k of n: <prompt>". */
export const stepName = (moduleId: string, item: ItemSpec, step: number, lang: Lang) =>
  `${say(lang, (s) => s.case.stepOf, { number: step + 1, total: item.parts!.length })} ${partText(moduleId, item, step, lang)}`;

/**
 * A sort's cases as shown (in their shuffled order): each one's radio group, its number on screen
 * and which of the item's parts it is, found by its words.
 */
export async function sortCases(page: Page, moduleId: string, item: ItemSpec, lang: Lang) {
  const caseWord = say(lang, (s) => s.sort.caseNumber, { number: '' }).trim();
  const groups = page.getByRole('group', { name: new RegExp(`^${caseWord} \\d+:`) });
  await expect.poll(() => groups.count()).toBe(item.parts!.length);
  const cases: { group: Locator; number: number; part: number }[] = [];
  for (const [index, group] of (await groups.all()).entries()) {
    const legend = (await group.locator('legend').textContent())!;
    const part = item.parts!.findIndex((_, i) => legend.includes(partText(moduleId, item, i, lang)));
    expect(part, `case ${index + 1} is one of the item's cases: ${legend}`).toBeGreaterThanOrEqual(0);
    expect(legend).toContain(`${say(lang, (s) => s.sort.caseNumber, { number: index + 1 })}: `);
    cases.push({ group, number: index + 1, part });
  }
  expect(new Set(cases.map((c) => c.part)).size).toBe(item.parts!.length);
  return cases;
}

type Audit = (screen: string) => Promise<void>;

/** Places every case of the sort on screen at its right level (clicking its radio), and checks. */
export async function answerSort(page: Page, moduleId: string, item: ItemSpec, lang: Lang, check: Audit) {
  const cases = await sortCases(page, moduleId, item, lang);
  for (const { group, part } of cases) {
    await group.getByRole('radio', { name: levelName(lang, item.parts![part].answer), exact: true }).check();
  }
  await button(page, say(lang, (s) => s.quiz.check)).click();
  const total = item.parts!.length;
  await expect.poll(() => page.getByRole('status').textContent()).toContain(say(lang, (s) => s.sort.result, { right: total, total }));
  for (const { group } of cases) {
    expect(await group.locator('xpath=..').getByText(say(lang, (s) => s.quiz.correct), { exact: true }).count()).toBe(1);
  }
  await check('sort feedback');
}

/** Answers every step of the case on screen rightly, seeing each step's feedback and what happens next. */
export async function answerCase(page: Page, moduleId: string, item: ItemSpec, lang: Lang, check: Audit) {
  const steps = item.parts!;
  const texts = course.texts[moduleId][lang].items[item.id];
  const feedback = page.getByRole('status');
  for (const [step, spec] of steps.entries()) {
    const group = page.getByRole('group', { name: stepName(moduleId, item, step, lang), exact: true });
    await expect.poll(() => group.count()).toBe(1);
    if (step > 0) await check(`case step ${step + 1}`); // step 1 was audited as the question
    await group.getByRole('radio', { name: partOptionLabel(moduleId, item, step, spec.answer, lang), exact: true }).check();
    await button(page, say(lang, (s) => s.quiz.check)).click();
    await expect.poll(() => feedback.textContent()).toContain(say(lang, (s) => s.quiz.correct));
    expect(await feedback.getByRole('heading', { name: say(lang, (s) => s.case.next), exact: true }).count()).toBe(1);
    expect(await feedback.textContent()).toContain(htmlText(texts.parts![step].then!));
    await check(`case step ${step + 1} feedback`);
    if (step + 1 < steps.length) await button(page, say(lang, (s) => s.case.continue)).click();
  }
  expect(await feedback.textContent()).toContain(say(lang, (s) => s.case.result, { right: steps.length, total: steps.length }));
}

interface WalkOptions {
  /** Answer each module's first question wrongly, to see the teaching feedback. */
  missFirst?: boolean;
  audit?: boolean;
}

/** Reads every page of a module, answers its quiz and lands on the summary, with the mouse. */
export async function completeModule(page: Page, module: ModuleSpec, lang: Lang, { missFirst = false, audit = false }: WalkOptions = {}) {
  const check = (screen: string) => (audit ? expectAccessible(page, `${module.id} ${screen} (${lang})`) : Promise.resolve());
  for (let p = 1; p <= module.pages; p++) {
    await expect.poll(() => page.getByText(say(lang, (s) => s.lesson.pageOf, { page: p, total: module.pages })).count()).toBe(1);
    await check(`page ${p}`);
    await button(page, p < module.pages ? say(lang, (s) => s.lesson.next) : say(lang, (s) => s.lesson.toQuiz)).click();
  }
  const items = drawModuleQuiz(module, 0); // the first round's questions
  for (const [index, item] of items.entries()) {
    await expect.poll(() => heading(page).textContent()).toBe(say(lang, (s) => s.quiz.questionOf, { number: index + 1, total: items.length }));
    await check(`question ${index + 1}`);
    const audited = (screen: string) => check(`question ${index + 1} ${screen}`);
    if (item.type === 'sort') {
      await answerSort(page, module.id, item, lang, audited);
    } else if (item.type === 'case') {
      await answerCase(page, module.id, item, lang, audited);
    } else {
      const miss = missFirst && index === 0; // single questions come first in a round
      const choice = miss ? item.options.find((key) => key !== item.answer)! : item.answer;
      await page.getByRole('radio', { name: optionLabel(module.id, item, choice, lang), exact: true }).check();
      await button(page, say(lang, (s) => s.quiz.check)).click();
      const feedback = page.getByRole('status');
      await expect.poll(() => feedback.textContent()).toContain(miss ? say(lang, (s) => s.quiz.incorrect) : say(lang, (s) => s.quiz.correct));
      await check(`feedback ${index + 1}`);
    }
    const last = index + 1 === items.length;
    await button(page, last ? say(lang, (s) => s.quiz.toSummary) : say(lang, (s) => s.quiz.next)).click();
  }
  await expect.poll(() => heading(page).textContent()).toBe(say(lang, (s) => s.summary.heading));
  await check('summary');
}
