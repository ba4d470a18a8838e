import { afterEach, describe, expect, inject, it } from 'vitest';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress } from '../../src/course/progress.ts';
import { expectAccessible, expectClean, openBrowser, type Session } from './browser.ts';
import { course, say, titles } from './course-content.ts';
import { button, passFinal } from './journeys.ts';

const { manifest } = course;
let session: Session;
afterEach(() => session?.close());

describe('final assessment and certificate', () => {
  it('can be passed by keyboard-and-mouse learners, and every screen passes axe, print view included', async () => {
    session = await openBrowser({ locale: 'en-GB' });
    const { page, context } = session;
    // A learner who has done every module quiz.
    const saved = encodeProgress({ ...createProgress(manifest), modules: Object.fromEntries(manifest.modules.map((m) => [m.id, { score: 100, best: 100, round: 0 }])) }, manifest);
    await context.addInitScript(([key, value]) => {
      if (location.protocol === 'http:' && !sessionStorage.getItem('seeded')) localStorage.setItem(key, value);
      if (location.protocol === 'http:') sessionStorage.setItem('seeded', 'yes');
    }, [`berdaya:${manifest.id}:progress`, saved] as const);
    await page.goto(inject('baseURL'));
    await button(page, say('en', (s) => s.welcome.finalStart)).click();

    await passFinal(page, 'en', () => expectAccessible(page, 'final assessment feedback'));
    await expectAccessible(page, 'final result');

    await button(page, say('en', (s) => s.result.certificate)).click();
    await page.getByLabel(say('en', (s) => s.certificate.nameLabel)).fill('Dewi Lestari');
    const certificate = page.getByRole('region', { name: say('en', (s) => s.certificate.title) });
    expect(await certificate.textContent()).toContain('Dewi Lestari');
    expect(await certificate.textContent()).toContain(titles.en.title);
    await expectAccessible(page, 'certificate');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await certificate.isVisible()).toBe(true);
    await expectAccessible(page, 'certificate (print)');
    await page.emulateMedia({ media: 'screen' });

    await button(page, 'Bahasa Indonesia').click(); // the certificate follows the language
    const sertifikat = page.getByRole('region', { name: say('id', (s) => s.certificate.title) });
    await expect.poll(() => sertifikat.textContent()).toContain(titles.id.title);
    await expectClean(session);
  });
});
