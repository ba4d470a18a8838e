import type { Page } from 'playwright-core';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { expect } from 'vitest';
import type { Lang, ModuleSpec } from '../../src/content/types.ts';
import { expectAccessible } from './browser.ts';
import { optionLabel, say } from './course-content.ts';

export const heading = (page: Page) => page.getByRole('heading', { level: 1 });
export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

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
    const miss = missFirst && index === 0;
    const choice = miss ? item.options.find((key) => key !== item.answer)! : item.answer;
    await page.getByRole('radio', { name: optionLabel(module.id, item, choice, lang), exact: true }).check();
    await button(page, say(lang, (s) => s.quiz.check)).click();
    const feedback = page.getByRole('status');
    await expect.poll(() => feedback.textContent()).toContain(miss ? say(lang, (s) => s.quiz.incorrect) : say(lang, (s) => s.quiz.correct));
    await check(`feedback ${index + 1}`);
    const last = index + 1 === items.length;
    await button(page, last ? say(lang, (s) => s.quiz.toSummary) : say(lang, (s) => s.quiz.next)).click();
  }
  await expect.poll(() => heading(page).textContent()).toBe(say(lang, (s) => s.summary.heading));
  await check('summary');
}
