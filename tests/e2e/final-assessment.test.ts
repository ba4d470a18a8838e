import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Lang } from '../../src/content/types.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { expectAccessible, expectClean, openBrowser, type Session } from './browser.ts';
import { course, say, titles } from './course-content.ts';
import { button, heading, passFinal, seedProgress } from './journeys.ts';

const { manifest } = course;
let session: Session;
afterEach(() => session?.close());

/** Every module quiz done: the final is open. */
const modulesDone = (lang: Lang) => ({
  lang,
  modules: Object.fromEntries(manifest.modules.map((m) => [m.id, { score: 100, best: 100, round: 0 }])),
});

/** Opens the first entry of the answer review with the keyboard, and checks what it shows. */
async function openFirstReview(page: Session['page'], lang: Lang) {
  const entry = page.locator('.review-entry').first();
  await entry.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => entry.getAttribute('open')).toBe('');
  expect(await entry.getByRole('heading', { name: say(lang, (s) => s.quiz.whyHeading), exact: true }).count()).toBe(1);
  expect(await entry.textContent()).toContain(say(lang, (s) => s.quiz.yourAnswer, { answer: '' }).trim());
}

describe('final assessment and certificate', () => {
  it('can be passed by keyboard-and-mouse learners, and every screen passes axe, print view included', async () => {
    session = await openBrowser({ locale: 'en-GB' });
    const { page, context } = session;
    await seedProgress(context, modulesDone('en'));
    await page.goto(inject('baseURL'));
    await button(page, say('en', (s) => s.welcome.finalStart)).click();

    await passFinal(page, 'en', async () => {
      // No feedback and no trainers' notes while the attempt is under way.
      expect(await page.getByText(say('en', (s) => s.final.noFeedback)).count()).toBe(1);
      expect(await button(page, say('en', (s) => s.reference.facilitator)).count()).toBe(0);
      await expectAccessible(page, 'final assessment question');
    });
    expect(await page.getByText(say('en', (s) => s.quiz.correct), { exact: true }).count()).toBe(0); // the review starts closed
    await expectAccessible(page, 'final result');
    await openFirstReview(page, 'en');
    await expectAccessible(page, 'final result, a question reviewed');
    expect(await button(page, say('en', (s) => s.reference.facilitator)).count()).toBe(1);

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

  it('in Indonesian: questions without feedback, then the review of every question, by keyboard, passing axe', async () => {
    session = await openBrowser({ locale: 'id-ID' });
    const { page, context } = session;
    await seedProgress(context, modulesDone('id'));
    await page.goto(inject('baseURL'));
    await button(page, say('id', (s) => s.welcome.finalStart)).click();
    const items = await passFinal(page, 'id', () => expectAccessible(page, 'final assessment question (id)'));
    expect(await page.locator('.review-entry').count()).toBe(items.length);
    await expectAccessible(page, 'final result (id)');
    await openFirstReview(page, 'id');
    await expectAccessible(page, 'final result, a question reviewed (id)');
    await expectClean(session);
  });
});

describe('reviewing missed questions from a module summary', () => {
  const moduleFour = manifest.modules.find((m) => m.id === '04-intervention-levels')!;
  it.each<Lang>(['id', 'en'])('lists the questions missed, each opening its feedback by keyboard, passing axe (%s)', async (lang) => {
    session = await openBrowser({ locale: lang === 'id' ? 'id-ID' : 'en-GB' });
    const { page, context } = session;
    const items = drawModuleQuiz(moduleFour, 0);
    await seedProgress(context, {
      lang,
      atWelcome: false,
      place: { screen: 'summary', module: moduleFour.id },
      modules: { [moduleFour.id]: { round: 0, score: 0, best: 0 } },
      answers: Object.fromEntries(items.map((item, index) => [item.id, [index === 0 ? item.options.find((o) => o !== item.answer)! : item.answer]])),
    });
    await page.goto(inject('baseURL'));
    await expect.poll(() => heading(page).textContent()).toBe(say(lang, (s) => s.summary.heading));
    const review = page.getByRole('region', { name: say(lang, (s) => s.review.missedHeading) });
    expect(await review.locator('.review-entry').count()).toBe(1);
    await expectAccessible(page, `module summary with its review (${lang})`);
    await openFirstReview(page, lang);
    expect(await review.locator('.scenario mark').count()).toBeGreaterThan(0); // the cue words, marked
    await expectAccessible(page, `module summary, a missed question reviewed (${lang})`);
    await page.keyboard.press('Enter'); // and closed again
    await expect.poll(() => review.locator('.review-entry').getAttribute('open')).toBeNull();
    await expectClean(session);
  });
});
