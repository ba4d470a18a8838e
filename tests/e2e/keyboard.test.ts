import type { Page } from 'playwright-core';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { expectClean, openBrowser, type Session } from './browser.ts';
import { course, optionLabel, say } from './course-content.ts';

const { manifest } = course;
let session: Session;
afterEach(() => session?.close());

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label = el?.closest('label')?.textContent ?? '';
    return { tag: el?.tagName ?? '', text: (el?.textContent ?? '').trim(), label: label.trim(), checked: (el as HTMLInputElement | null)?.checked ?? false };
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

describe('keyboard only', () => {
  it('completes every module without a pointer, and focus follows each new screen', async () => {
    session = await openBrowser({ locale: 'en-US' });
    const { page } = session;
    await page.goto(inject('baseURL'));
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
        await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: say('en', (s) => s.quiz.questionOf, { number: n + 1, total: items.length }) });
        const right = optionLabel(module.id, item, item.answer, 'en');
        await tabTo(page, optionLabel(module.id, item, item.options[0], 'en'));
        await page.keyboard.press('Space');
        while (!((await focused(page)).label === right)) await page.keyboard.press('ArrowDown');
        expect((await focused(page)).checked).toBe(true);
        await tabTo(page, say('en', (s) => s.quiz.check));
        await page.keyboard.press('Enter');
        expect(await page.getByRole('status').textContent()).toContain(say('en', (s) => s.quiz.correct));
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
