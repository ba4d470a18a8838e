import type { Page } from 'playwright-core';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ItemSpec, ModuleSpec } from '../../src/content/types.ts';
import { expectClean, openBrowser, type Session } from './browser.ts';
import { course, optionLabel, say } from './course-content.ts';
import { levelName, live, partOptionLabel, sortCases, stepName } from './journeys.ts';

const { manifest } = course;
let session: Session;
afterEach(() => session?.close());

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label = el?.closest('label')?.textContent ?? '';
    const group = el?.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
    return {
      tag: el?.tagName ?? '',
      text: (el?.textContent ?? '').trim(),
      label: label.trim(),
      group: group.replace('⠿', '').replace(/\s+/g, ' ').trim(),
      checked: (el as HTMLInputElement | null)?.checked ?? false,
    };
  });

/** Presses Tab until the focused control reads `name`, as a keyboard user would. */
async function tabTo(page: Page, name: string) {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.text === name || now.label === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** In a radio group that has focus: Space picks the first option, the arrows move the choice on to `name`. */
async function chooseByArrows(page: Page, name: string) {
  await page.keyboard.press('Space');
  for (let presses = 0; (await focused(page)).label !== name; presses++) {
    if (presses > 6) throw new Error(`the arrows never reached "${name}"`);
    await page.keyboard.press('ArrowDown');
  }
  expect((await focused(page)).checked).toBe(true);
}

/** A single question: Tab into its options, arrows to the right one. */
async function answerSingle(page: Page, module: ModuleSpec, item: ItemSpec) {
  await tabTo(page, optionLabel(module.id, item, item.options[0], 'en'));
  await chooseByArrows(page, optionLabel(module.id, item, item.answer, 'en'));
}

/** A sort: Tab from case to case (each a radio group, in the order shown), Space and arrows to its level. */
async function answerSort(page: Page, module: ModuleSpec, item: ItemSpec) {
  const cases = await sortCases(page, module.id, item, 'en');
  for (const { number, part } of cases) {
    await page.keyboard.press('Tab');
    // Before the first case, Tab may pass links in the scenario; from one case, the next Tab reaches the next.
    for (let presses = 0; number === 1 && !(await focused(page)).group.startsWith('Case 1:'); presses++) {
      if (presses > 20) throw new Error('Tab never reached the first case');
      await page.keyboard.press('Tab');
    }
    const now = await focused(page);
    expect(now.tag).toBe('INPUT');
    expect(now.group).toMatch(new RegExp(`^Case ${number}:`));
    await chooseByArrows(page, levelName('en', item.parts![part].answer));
  }
  await tabTo(page, say('en', (s) => s.quiz.check));
  await page.keyboard.press('Enter');
  const total = item.parts!.length;
  expect(await page.getByRole('status').textContent()).toContain(say('en', (s) => s.sort.result, { right: total, total }));
}

/** A case: each step's options by Tab and arrows, Check, then Continue the case, until the last step. */
async function answerCase(page: Page, module: ModuleSpec, item: ItemSpec, heading: string) {
  const steps = item.parts!;
  for (const [step, spec] of steps.entries()) {
    if (step > 0) {
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: heading }); // the next step announces itself
      expect(await page.getByRole('group', { name: stepName(module.id, item, step, 'en'), exact: true }).count()).toBe(1);
    }
    await tabTo(page, partOptionLabel(module.id, item, step, spec.options[0], 'en'));
    expect((await focused(page)).group).toBe(stepName(module.id, item, step, 'en'));
    await chooseByArrows(page, partOptionLabel(module.id, item, step, spec.answer, 'en'));
    await tabTo(page, say('en', (s) => s.quiz.check));
    await page.keyboard.press('Enter');
    expect(await page.getByRole('status').textContent()).toContain(say('en', (s) => s.quiz.correct));
    if (step + 1 < steps.length) {
      expect((await focused(page)).text).toBe(say('en', (s) => s.case.continue)); // the same button goes on with the story
      await page.keyboard.press('Enter');
    }
  }
  expect(await page.getByRole('status').textContent()).toContain(say('en', (s) => s.case.result, { right: steps.length, total: steps.length }));
}

describe('keyboard only', () => {
  it('completes every module without a pointer, and focus follows each new screen', async () => {
    session = await openBrowser({ locale: 'en-US' });
    const { page } = session;
    await page.goto(inject('baseURL'));
    await live(page); // the Indonesian page in the HTML holds taps back until the app has made it English
    await tabTo(page, say('en', (s) => s.welcome.start));
    await page.keyboard.press('Enter');

    for (const [index, module] of manifest.modules.entries()) {
      for (let p = 1; p <= module.pages; p++) {
        await expect.poll(async () => (await focused(page)).tag).toBe('H1'); // a new screen announces itself
        await tabTo(page, p < module.pages ? say('en', (s) => s.lesson.next) : say('en', (s) => s.lesson.toQuiz));
        await page.keyboard.press('Enter');
      }
      const items = drawModuleQuiz(module, 0); // the first round's questions
      for (const [n, item] of items.entries()) {
        const question = say('en', (s) => s.quiz.questionOf, { number: n + 1, total: items.length });
        await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: question });
        if (item.type === 'sort') await answerSort(page, module, item);
        else if (item.type === 'case') await answerCase(page, module, item, question);
        else {
          await answerSingle(page, module, item);
          await tabTo(page, say('en', (s) => s.quiz.check));
          await page.keyboard.press('Enter');
          expect(await page.getByRole('status').textContent()).toContain(say('en', (s) => s.quiz.correct));
        }
        // Focus stays on the same button, which now moves on.
        const last = n + 1 === items.length;
        expect((await focused(page)).text).toBe(last ? say('en', (s) => s.quiz.toSummary) : say('en', (s) => s.quiz.next));
        await page.keyboard.press('Enter');
      }
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: say('en', (s) => s.summary.heading) });
      const next = manifest.modules[index + 1];
      if (next) {
        await tabTo(page, say('en', (s) => s.summary.nextModule, { number: next.number }));
        await page.keyboard.press('Enter');
      }
    }
    expect(await page.getByText(say('en', (s) => s.summary.courseDone)).count()).toBe(1);
    await expectClean(session);
  });
});
