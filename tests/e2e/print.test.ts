import { afterEach, describe, expect, inject, it } from 'vitest';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress } from '../../src/course/progress.ts';
import { openBrowser, type Session } from './browser.ts';
import { course, say } from './course-content.ts';
import { button } from './journeys.ts';

const { manifest } = course;
let session: Session;
afterEach(() => session?.close());

/** Pages in a PDF Chromium printed (each page object is "/Type /Page"). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

describe('printing', () => {
  it('fits the certificate on one page of A4 and of Letter, in both languages', async () => {
    session = await openBrowser({ locale: 'en-GB' });
    const { page, context } = session;
    const passed = encodeProgress({ ...createProgress(manifest), final: { score: 87, passed: true }, modules: { final: { score: 87, best: 87, round: 0 } }, atWelcome: false, place: { screen: 'summary', module: 'final' } }, manifest);
    await context.addInitScript(([key, value]) => localStorage.getItem(key) || localStorage.setItem(key, value), [`berdaya:${manifest.id}:progress`, passed] as const);
    for (const lang of ['en', 'id'] as const) {
      await page.goto(`${inject('baseURL')}?lang=${lang}`);
      await button(page, say(lang, (s) => s.result.certificate)).click();
      await expect.poll(() => page.getByRole('region', { name: say(lang, (s) => s.certificate.title) }).count()).toBe(1);
      await page.getByLabel(say(lang, (s) => s.certificate.nameLabel)).fill('Maria Goreti Ndapa Lawa Woda');
      await page.emulateMedia({ media: 'print' });
      for (const format of ['A4', 'Letter']) {
        const pdf = await page.pdf({ format, printBackground: true });
        expect(pageCount(pdf), `${lang} ${format}`).toBe(1);
      }
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('prints every module’s trainers’ notes on A4 and Letter with nothing of the screen around them', async () => {
    session = await openBrowser({ locale: 'en-GB' });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=en`);
    await button(page, say('en', (s) => s.reference.facilitator)).click();
    // Every module's notes are on the page (they load on demand) before printing.
    await expect.poll(() => page.locator('section.facilitator-notes h2').count()).toBe(manifest.modules.length);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format });
      // Six modules of notes: more than one page, and not one page per line of text either.
      expect(pageCount(pdf), format).toBeGreaterThan(1);
      expect(pageCount(pdf), format).toBeLessThan(6 * 4);
    }
  });
});
