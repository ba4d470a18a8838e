import axe from 'axe-core';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Lang } from '../../src/content/types.ts';
import { trainerStrings } from '../ui-strings.ts';
import { expectAccessible, expectClean, openBrowser, type Session } from './browser.ts';
import { button, heading } from './journeys.ts';

let session: Session;
afterEach(() => session?.close());

const fill = (template: string, values: Record<string, string | number> = {}) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
const say = (lang: Lang, pick: (s: typeof trainerStrings.en) => string, values?: Record<string, string | number>) => fill(pick(trainerStrings[lang] as typeof trainerStrings.en), values);
const SHOTS = path.resolve('test-results/class-mode');
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

/** The smallest font size of the scenario's words (text, prompt, options, explanations) on screen. */
const smallestScenarioText = (page: Page) =>
  page.evaluate(() => Math.min(...[...document.querySelectorAll('main section[lang] :is(p, li)')].map((e) => parseFloat(getComputedStyle(e).fontSize))));

/** axe's AAA contrast rule (7:1), off by default, on the presentation. */
async function expectHighContrast(page: Page, screen: string) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const failures = await page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run('main section[lang]', { runOnly: ['color-contrast-enhanced'] });
    return violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
  });
  expect(failures, `contrast below 7:1 on ${screen}`).toEqual([]);
}

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

describe('class mode', () => {
  it('a trainer plans 6 scenarios, presents them with keys only, and prints the summary in both languages', async () => {
    session = await openBrowser({ locale: 'en-GB' });
    const { page } = session;
    const lang = 'en';
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${inject('baseURL')}?lang=${lang}`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'For trainers' }).click();
    await expect.poll(() => heading(page).textContent()).toBe(say(lang, (s) => s.plan.heading));
    await expectAccessible(page, 'class plan');

    await page.getByLabel(say(lang, (s) => s.plan.count), { exact: true }).fill('6');
    await page.getByLabel(say(lang, (s) => s.plan.order), { exact: true }).selectOption('balanced');
    await page.getByLabel(say(lang, (s) => s.plan.focus), { exact: true }).selectOption('levels');
    await expect.poll(() => page.getByRole('heading', { name: say(lang, (s) => s.plan.chosen_other, { count: 6 }) }).count()).toBe(1);
    await button(page, say(lang, (s) => s.plan.start)).focus();
    await page.keyboard.press('Enter');

    // Keys only from here on.
    const progress = (n: number) => say(lang, (s) => s.present.progress, { number: n, total: 6 });
    await expect.poll(() => heading(page).textContent()).toBe(progress(1));
    await expect.poll(() => page.locator('main section[lang="en"]').count()).toBe(1);
    expect(await smallestScenarioText(page)).toBeGreaterThanOrEqual(32);
    await expectAccessible(page, 'class votes');
    await expectHighContrast(page, 'class votes');
    await screenshot(page, 'vote-en-1280');
    await page.keyboard.press('1');
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await page.keyboard.press('3');
    await page.keyboard.press('3');
    await page.keyboard.press('Shift+Digit3');
    const count = (letter: string) => page.getByLabel(say(lang, (s) => s.present.count, { option: letter }), { exact: true });
    expect(await count('A').inputValue()).toBe('2');
    expect(await count('C').inputValue()).toBe('1');
    await page.keyboard.press('PageDown');
    const chart = page.getByRole('table', { name: say(lang, (s) => s.chart.caption) });
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.getByRole('cell').allTextContents()).toEqual(['2', '50%', '1', '25%', '1', '25%']);
    expect(await smallestScenarioText(page)).toBeGreaterThanOrEqual(32);
    await expectAccessible(page, 'class reveal');
    await expectHighContrast(page, 'class reveal');
    await screenshot(page, 'reveal-en-1280');

    await page.keyboard.press('b');
    await expect.poll(() => heading(page).textContent()).toBe(say(lang, (s) => s.present.blanked));
    expect(await chart.count()).toBe(0);
    await expectAccessible(page, 'class blank screen');
    await page.keyboard.press('.');
    await expect.poll(() => heading(page).textContent()).toBe(progress(1));
    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('dialog', { name: say(lang, (s) => s.keys.heading) }).count()).toBe(1);
    await expectAccessible(page, 'presenter keys');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await page.keyboard.press('ArrowRight'); // scenario 2
    await page.keyboard.press('Space'); // its reveal, nobody counted
    await page.keyboard.press('PageDown'); // scenario 3
    await expect.poll(() => heading(page).textContent()).toBe(progress(3));
    await page.keyboard.press('4');
    await page.keyboard.press('2');
    await page.reload(); // the laptop crashed, or someone pressed F5
    await expect.poll(() => heading(page).textContent()).toBe(progress(3));
    expect(await count('B').inputValue()).toBe('1');
    await page.keyboard.press('ArrowLeft'); // back to scenario 2's reveal …
    await page.keyboard.press('ArrowLeft'); // … and its votes
    await page.keyboard.press('ArrowLeft'); // scenario 1's reveal, votes kept
    await expect.poll(() => chart.getByRole('cell').allTextContents()).toEqual(['2', '50%', '1', '25%', '1', '25%']);
    // 1 → 2 … 6, each scenario votes then reveal, then the summary: 11 presses.
    for (let presses = 0; presses < 11; presses++) await page.keyboard.press('PageDown');
    await expect.poll(() => heading(page).textContent()).toBe(say(lang, (s) => s.summary.heading));
    await expectAccessible(page, 'class summary');
    const rows = page.getByRole('table', { name: say(lang, (s) => s.summary.caption) }).getByRole('row');
    expect(await rows.count()).toBe(7);
    expect(await rows.nth(1).getByRole('cell').last().textContent()).toMatch(/^(50|25)%$/);

    for (const printLang of ['en', 'id'] as const) {
      if (printLang === 'id') {
        await button(page, 'Bahasa Indonesia').click();
        await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.summary.heading));
        await expectAccessible(page, 'class summary in Indonesian');
      }
      await page.emulateMedia({ media: 'print' });
      expect(await button(page, say(printLang, (s) => s.summary.print)).isVisible()).toBe(false);
      // A scenario's row is never split across pages.
      const printed = page.getByRole('table', { name: say(printLang, (s) => s.summary.caption) }).getByRole('row');
      expect(await printed.evaluateAll((trs) => trs.map((tr) => getComputedStyle(tr).breakInside))).toEqual(Array(7).fill('avoid'));
      const pdf = await page.pdf({ format: 'A4' });
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
      expect(pageCount(pdf)).toBeLessThanOrEqual(4);
      await page.emulateMedia({ media: 'screen' });
    }
    await expectClean(session);
  });

  it('fills a 1920×1080 projector in both languages side by side, each block in its language, text ≥ 32 px', async () => {
    session = await openBrowser({ locale: 'id-ID' });
    const { page } = session;
    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${inject('baseURL')}?view=class&lang=id`);
      await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.plan.heading));
      await page.getByLabel(say('id', (s) => s.plan.show)).selectOption('both');
      await button(page, say('id', (s) => s.plan.start)).click();
      await expect.poll(() => page.locator('main section[lang]').evaluateAll((blocks) => blocks.map((b) => b.getAttribute('lang')))).toEqual(['id', 'en']);
      expect(await smallestScenarioText(page)).toBeGreaterThanOrEqual(32);
      await expectAccessible(page, `both languages at ${width}×${height}`);
      await expectHighContrast(page, `both languages at ${width}×${height}`);
      await screenshot(page, `vote-both-${width}`);
      await page.keyboard.press('PageDown');
      await expect.poll(() => page.getByRole('table', { name: say('id', (s) => s.chart.caption) }).count()).toBe(1);
      expect(await smallestScenarioText(page)).toBeGreaterThanOrEqual(32);
      await expectAccessible(page, `both languages revealed at ${width}×${height}`);
      await expectHighContrast(page, `both languages revealed at ${width}×${height}`);
      await screenshot(page, `reveal-both-${width}`);
      await button(page, say('id', (s) => s.present.end)).click();
      await button(page, say('id', (s) => s.summary.newSession)).click();
    }
    await expectClean(session);
  });
});
