import { afterEach, describe, expect, inject, it } from 'vitest';
import { expectAccessible, expectClean, openBrowser, type Session } from './browser.ts';
import { course, htmlText, say, titles } from './course-content.ts';
import { button, heading } from './journeys.ts';

let session: Session;
afterEach(() => session?.close());

/** The first lesson page whose Indonesian text links a glossary term. */
function firstGlossaryLink() {
  for (const module of course.manifest.modules) {
    for (const [page, { html }] of course.texts[module.id].id.pages.entries()) {
      const match = /<a class="term" href="#glossary-[^"]+" data-term="([^"]+)">(.*?)<\/a>/.exec(html);
      if (match) return { module, page, term: match[1], label: htmlText(match[2]) };
    }
  }
  throw new Error('no lesson links a glossary term');
}

describe('glossary and trainers’ notes', () => {
  it('work by keyboard, keep the learner’s place, pass axe, and print', async () => {
    session = await openBrowser();
    const { page } = session;
    const { module, page: pageIndex, term, label } = firstGlossaryLink();
    await page.goto(inject('baseURL'));
    await button(page, `${say('id', (s) => s.welcome.moduleNumber, { number: module.number })}: ${titles.id.modules[module.id]}`).click();
    for (let p = 0; p < pageIndex; p++) await button(page, say('id', (s) => s.lesson.next)).click();

    const link = page.getByRole('link', { name: label, exact: true }).first();
    await link.focus();
    await page.keyboard.press('Enter');
    const entry = course.glossary.id.find((e) => e.id === term)!;
    const card = page.getByRole('dialog', { name: entry.term });
    await expect.poll(() => card.count()).toBe(1);
    await expectAccessible(page, 'glossary card');
    await page.keyboard.press('Escape');
    expect(await card.count()).toBe(0);
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);

    await button(page, say('id', (s) => s.reference.glossary)).click();
    await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.glossary.heading));
    await expect.poll(() => page.getByRole('term').count()).toBe(course.glossary.id.length);
    await expectAccessible(page, 'glossary page');

    await button(page, say('id', (s) => s.reference.facilitator)).click();
    await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.facilitator.heading));
    await expect.poll(() => page.getByRole('region').count()).toBe(course.manifest.modules.length);
    await expectAccessible(page, 'facilitator notes');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await expectAccessible(page, 'facilitator notes (print)');
    await page.emulateMedia({ media: 'screen' });

    await button(page, say('id', (s) => s.reference.back)).click();
    await expect.poll(() => page.getByText(say('id', (s) => s.lesson.pageOf, { page: pageIndex + 1, total: module.pages })).count()).toBe(1);
    await expectClean(session);
  });
});
