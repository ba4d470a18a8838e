import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ItemSpec, Lang } from '../../src/content/types.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { tFor } from '../ui-strings.ts';
import { expectAccessible, expectClean, openBrowser, type Session } from './browser.ts';
import { course, htmlText, optionLabel, say } from './course-content.ts';
import { atQuestion, button, heading, seedProgress } from './journeys.ts';

const moduleFour = course.manifest.modules.find((m) => m.id === '04-intervention-levels')!;
const round = drawModuleQuiz(moduleFour, 0);
let session: Session;
afterEach(() => session?.close());

const wrongOf = (item: ItemSpec) => item.options.find((key) => key !== item.answer)!;
const radio = (page: Page, item: ItemSpec, key: string, lang: Lang) =>
  page.getByRole('radio', { name: optionLabel(moduleFour.id, item, key, lang), exact: true });
const paragraph = (page: Page, text: string) => page.getByText(text, { exact: true });

/** Answers the module-quiz question on screen, right or wrong, and sees the verdict. */
async function answer(page: Page, item: ItemSpec, key: string, lang: Lang) {
  await radio(page, item, key, lang).check();
  await button(page, say(lang, (s) => s.quiz.check)).click();
  const verdict = key === item.answer ? say(lang, (s) => s.quiz.correct) : say(lang, (s) => s.quiz.incorrect);
  await expect.poll(() => page.getByRole('status').textContent()).toContain(verdict);
}

/** Which of `items` the question on screen asks, by its scenario. */
async function asked(page: Page, items: ItemSpec[], lang: Lang) {
  const scenario = (await page.locator('.scenario').textContent())!;
  const item = items.find((i) => scenario === htmlText(course.texts[moduleFour.id][lang].items[i.id].text));
  expect(item, `the scenario on screen is one that was missed: ${scenario}`).toBeDefined();
  return item!;
}

/** Day 1: the learner's phone in Jakarta, the module 4 quiz at its first question. */
async function openOnDay(lang: Lang, day: string) {
  session = await openBrowser({ locale: lang === 'id' ? 'id-ID' : 'en-GB', timezoneId: 'Asia/Jakarta' });
  await session.page.clock.setFixedTime(day);
  await seedProgress(session.context, atQuestion(moduleFour, 0, lang));
  await session.page.goto(inject('baseURL'));
  await expect.poll(() => heading(session.page).textContent()).toBe(say(lang, (s) => s.quiz.questionOf, { number: 1, total: round.length }));
  return session.page;
}

describe('missed scenarios come back for practice on a later day', () => {
  it('in English: one missed late at night is due after midnight; a wrong answer can be tried again', async () => {
    const t = tFor('en');
    const page = await openOnDay('en', '2026-11-27T23:30:00+07:00');
    const [missed, other] = round;
    await answer(page, missed, wrongOf(missed), 'en');
    await button(page, say('en', (s) => s.quiz.next)).click();
    await answer(page, other, other.answer, 'en');
    await button(page, say('en', (s) => s.app.home)).click();

    // The same evening: nothing due yet, and the learner is told when.
    await expect.poll(() => heading(page).textContent()).toBe(course.welcome.en.title);
    // The review section loads after the welcome heading (its strings come lazily): wait for it.
    await expect.poll(() => page.getByRole('heading', { level: 2, name: t('welcome.reviewHeading'), exact: true }).count()).toBe(1);
    expect(await paragraph(page, t('welcome.reviewNone', { when: 'tomorrow' })).count()).toBe(1);
    expect(await button(page, t('welcome.practiceStart')).count()).toBe(0);

    // An hour later it is the next day in Jakarta: one scenario to review.
    await page.clock.setFixedTime('2026-11-28T00:30:00+07:00');
    await page.reload();
    await expect.poll(() => paragraph(page, t('welcome.reviewDue', { count: 1 })).count()).toBe(1);
    expect(await paragraph(page, '1 scenario to review today.').count()).toBe(1); // the singular, as written
    await expectAccessible(page, 'welcome with a review due (en)');

    await button(page, t('welcome.practiceStart')).click();
    await expect.poll(() => heading(page).textContent()).toBe(say('en', (s) => s.quiz.questionOf, { number: 1, total: 1 }));
    expect(await page.locator('.eyebrow').textContent()).toBe(say('en', (s) => s.practice.heading));
    expect(await asked(page, [missed], 'en')).toBe(missed);
    await expectAccessible(page, 'practice question (en)');

    // Wrong again: the teaching feedback, and a chance to try again.
    await answer(page, missed, wrongOf(missed), 'en');
    expect(await button(page, say('en', (s) => s.quiz.tryAgain)).count()).toBe(1);
    await expectAccessible(page, 'practice feedback with Try again (en)');
    await button(page, say('en', (s) => s.quiz.tryAgain)).click();
    await expect.poll(() => heading(page).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0); // asked anew
    expect(await page.getByRole('status').textContent()).toBe('');

    await answer(page, missed, missed.answer, 'en');
    expect(await button(page, say('en', (s) => s.quiz.tryAgain)).count()).toBe(0);
    await button(page, say('en', (s) => s.quiz.toPracticeSummary)).click();

    // Only the first answer counts: it comes back tomorrow.
    await expect.poll(() => heading(page).textContent()).toBe(say('en', (s) => s.practice.summaryHeading));
    expect(await paragraph(page, t('practice.learned', { count: 0 })).count()).toBe(1);
    expect(await paragraph(page, t('practice.again', { count: 1 })).count()).toBe(1);
    await expectAccessible(page, 'practice summary (en)');
    await button(page, say('en', (s) => s.summary.home)).click();
    await expect.poll(() => paragraph(page, t('welcome.reviewNone', { when: 'tomorrow' })).count()).toBe(1);
    await expectClean(session);
  });

  it('in Indonesian: two missed; one right at the second try comes back tomorrow, one right at once moves on', async () => {
    const t = tFor('id');
    const page = await openOnDay('id', '2026-11-27T10:00:00+07:00');
    const missed = round.slice(0, 2);
    for (const [index, item] of missed.entries()) {
      await answer(page, item, wrongOf(item), 'id');
      if (index === 0) await button(page, say('id', (s) => s.quiz.next)).click();
    }
    await button(page, say('id', (s) => s.app.home)).click();
    await expect.poll(() => paragraph(page, t('welcome.reviewNone', { when: 'besok' })).count()).toBe(1);
    expect(await button(page, t('welcome.practiceStart')).count()).toBe(0);

    // The next morning, less than a day later.
    await page.clock.setFixedTime('2026-11-28T08:00:00+07:00');
    await page.reload();
    await expect.poll(() => paragraph(page, t('welcome.reviewDue', { count: 2 })).count()).toBe(1);
    expect(await paragraph(page, '2 skenario perlu diulang hari ini.').count()).toBe(1);
    await expectAccessible(page, 'welcome with reviews due (id)');

    await button(page, t('welcome.practiceStart')).click();
    await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.quiz.questionOf, { number: 1, total: 2 }));
    expect(await page.locator('.eyebrow').textContent()).toBe(say('id', (s) => s.practice.heading));
    const first = await asked(page, missed, 'id');
    await expectAccessible(page, 'practice question (id)');
    await answer(page, first, wrongOf(first), 'id');
    await expectAccessible(page, 'practice feedback with Try again (id)');
    await button(page, say('id', (s) => s.quiz.tryAgain)).click();
    await answer(page, first, first.answer, 'id');
    await button(page, say('id', (s) => s.quiz.next)).click();

    await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.quiz.questionOf, { number: 2, total: 2 }));
    const second = await asked(page, missed, 'id');
    expect(second).not.toBe(first);
    await answer(page, second, second.answer, 'id');
    expect(await button(page, say('id', (s) => s.quiz.tryAgain)).count()).toBe(0);
    await button(page, say('id', (s) => s.quiz.toPracticeSummary)).click();

    await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.practice.summaryHeading));
    expect(await paragraph(page, t('practice.learned', { count: 1 })).count()).toBe(1);
    expect(await paragraph(page, t('practice.again', { count: 1 })).count()).toBe(1);
    await expectAccessible(page, 'practice summary (id)');
    await button(page, say('id', (s) => s.summary.home)).click();
    await expect.poll(() => paragraph(page, t('welcome.reviewNone', { when: 'besok' })).count()).toBe(1);
    await expectClean(session);
  });
});
