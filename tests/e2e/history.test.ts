import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Lang } from '../../src/content/types.ts';
import { FINAL } from '../../src/course/final-assessment.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { expectAccessible, expectClean, LAPTOP, openBrowser, PHONE, type Session } from './browser.ts';
import { course, optionLabel, say, titles } from './course-content.ts';
import { button, heading, live, seedProgress } from './journeys.ts';
import { atSummary, loadProgress, PASSED_AT, seasoned } from './phone-screens.ts';

const [moduleOne] = course.manifest.modules;
const moduleFour = course.manifest.modules.find((m) => m.id === '04-intervention-levels')!;
const round = drawModuleQuiz(moduleFour, 0);
let session: Session;
afterEach(() => session?.close());

const hash = (page: Page) => page.evaluate(() => location.hash);
const pageOf = (lang: Lang, page: number, total: number) => say(lang, (s) => s.lesson.pageOf, { page, total });
const questionOf = (lang: Lang, number: number) => say(lang, (s) => s.quiz.questionOf, { number, total: round.length });
const showsPage = async (page: Page, lang: Lang, n: number, total: number) =>
  expect.poll(() => page.getByText(pageOf(lang, n, total), { exact: true }).count()).toBe(1);

const setups = [
  { lang: 'id' as const, locale: 'id-ID', screen: PHONE, name: 'in Indonesian on a 360×740 phone' },
  { lang: 'en' as const, locale: 'en-GB', screen: LAPTOP, name: 'in English on a 1280×800 laptop' },
];

describe.each(setups)('Back, Forward and links $name', ({ lang, locale, screen }) => {
  it('every screen has an address; Back from the first page returns home, not out of the course', async () => {
    session = await openBrowser({ locale, ...screen });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=${lang}`);
    await expect.poll(() => heading(page).textContent()).toBe(titles[lang].title);
    await live(page);
    await expect.poll(() => hash(page)).toBe('#/'); // written in a task after the take-over's commit
    await button(page, say(lang, (s) => s.welcome.start)).click();
    await showsPage(page, lang, 1, moduleOne.pages);
    expect(await hash(page)).toBe('#/m/01/p/1');
    await button(page, say(lang, (s) => s.lesson.next)).click();
    await showsPage(page, lang, 2, moduleOne.pages);
    expect(await hash(page)).toBe('#/m/01/p/2');

    await page.goBack();
    await showsPage(page, lang, 1, moduleOne.pages);
    await page.goBack(); // Android's Back on the first page
    await expect.poll(() => heading(page).textContent()).toBe(titles[lang].title);
    expect(page.url()).toContain(inject('baseURL'));
    expect(await button(page, say(lang, (s) => s.welcome.continue)).count()).toBe(1);
    await page.goForward();
    await showsPage(page, lang, 1, moduleOne.pages);
    await page.goForward();
    await showsPage(page, lang, 2, moduleOne.pages);

    // The glossary has its address too; Back returns to the lesson page.
    await button(page, say(lang, (s) => s.reference.glossary)).click();
    await expect.poll(() => hash(page)).toBe('#/glossary');
    await page.goBack();
    await showsPage(page, lang, 2, moduleOne.pages);
    await expectClean(session);
  });

  it('from a question, Back shows the questions before, answered, then the lesson; Forward returns; nothing is answered again', async () => {
    session = await openBrowser({ locale, ...screen });
    const { page } = session;
    // A returning learner who had read module 4 to its last page.
    await seedProgress(session.context, { lang, atWelcome: true, place: { screen: 'lesson', module: moduleFour.id, page: moduleFour.pages - 1 }, modules: { [moduleFour.id]: {} } });
    await page.goto(`${inject('baseURL')}?lang=${lang}`);
    await button(page, say(lang, (s) => s.welcome.continue)).click();
    await showsPage(page, lang, moduleFour.pages, moduleFour.pages);
    await button(page, say(lang, (s) => s.lesson.toQuiz)).click();
    for (const [index, item] of round.slice(0, 2).entries()) {
      await expect.poll(() => heading(page).textContent()).toBe(questionOf(lang, index + 1));
      expect(await hash(page)).toBe(`#/m/04/quiz/${index + 1}`);
      await page.getByRole('radio', { name: optionLabel(moduleFour.id, item, item.answer, lang), exact: true }).check();
      await button(page, say(lang, (s) => s.quiz.check)).click();
      await button(page, say(lang, (s) => s.quiz.next)).click();
    }
    await expect.poll(() => heading(page).textContent()).toBe(questionOf(lang, 3));
    expect(await hash(page)).toBe('#/m/04/quiz/3');

    await page.goBack();
    await expect.poll(() => heading(page).textContent()).toBe(questionOf(lang, 2));
    // Shown as answered: the learner's choice, its feedback, no way to change it.
    const chosen = page.getByRole('radio', { name: optionLabel(moduleFour.id, round[1], round[1].answer, lang), exact: true });
    expect(await chosen.isChecked()).toBe(true);
    expect(await chosen.isDisabled()).toBe(true);
    expect(await page.getByRole('status').textContent()).toContain(say(lang, (s) => s.quiz.correct));
    await expectAccessible(page, `an earlier question seen again (${lang})`);

    await page.goBack();
    await expect.poll(() => heading(page).textContent()).toBe(questionOf(lang, 1));
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(1);
    await page.goBack(); // the lesson's last page
    await showsPage(page, lang, moduleFour.pages, moduleFour.pages);
    expect(await hash(page)).toBe(`#/m/04/p/${moduleFour.pages}`);
    await page.goBack(); // and home, still in the course
    await expect.poll(() => heading(page).textContent()).toBe(titles[lang].title);
    await page.goForward();
    await showsPage(page, lang, moduleFour.pages, moduleFour.pages);

    // The lesson's own button leads back into the quiz; Next walks the answered questions to the open one.
    await button(page, say(lang, (s) => s.lesson.toQuiz)).click();
    await expect.poll(() => heading(page).textContent()).toBe(questionOf(lang, 1));
    await button(page, say(lang, (s) => s.quiz.next)).click();
    await expect.poll(() => heading(page).textContent()).toBe(questionOf(lang, 2));
    await button(page, say(lang, (s) => s.quiz.next)).click();
    await expect.poll(() => heading(page).textContent()).toBe(questionOf(lang, 3));
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0); // still to answer
    expect(await page.getByRole('radio', { disabled: true }).count()).toBe(0);

    // A reload keeps the address and the screen.
    await page.reload();
    await expect.poll(() => heading(page).textContent()).toBe(questionOf(lang, 3));
    expect(await hash(page)).toBe('#/m/04/quiz/3');
    await expectClean(session);
  });

  it('a link to a module opens it; a link ahead in a quiz shows where the learner really is', async () => {
    session = await openBrowser({ locale, ...screen });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=${lang}#/m/04/p/2`);
    await showsPage(page, lang, 2, moduleFour.pages);
    await expectAccessible(page, `module 4 opened from a link (${lang})`);
    await page.goto(`${inject('baseURL')}?lang=${lang}#/m/04/quiz/3`);
    await showsPage(page, lang, 2, moduleFour.pages);
    await expect.poll(() => hash(page)).toBe('#/m/04/p/2');
    await page.goto(`${inject('baseURL')}?lang=${lang}#/notes/04`);
    await expect.poll(() => heading(page).textContent()).toBe(say(lang, (s) => s.facilitator.heading));
    await expect.poll(() => page.getByRole('heading', { level: 2, name: new RegExp(`^${say(lang, (s) => s.welcome.moduleNumber, { number: 4 })}:`) }).isVisible()).toBe(true);
    await expectClean(session);
  });

  it('the certificate has its own address: Back returns to the result, Forward to the certificate, a reload stays on it', async () => {
    session = await openBrowser({ locale, ...screen });
    const { page } = session;
    const result = say(lang, (s) => s.result.heading);
    const certificate = say(lang, (s) => s.certificate.heading);
    await page.goto(`${inject('baseURL')}?lang=${lang}`);
    await loadProgress(page, seasoned({ lang, ...atSummary(FINAL) }));
    await expect.poll(() => heading(page).textContent()).toBe(result);
    expect(await hash(page)).toBe('#/final/result');

    await button(page, say(lang, (s) => s.result.certificate)).click();
    await expect.poll(() => heading(page).textContent()).toBe(certificate);
    expect(await hash(page)).toBe('#/final/certificate');
    await expectAccessible(page, `certificate at its address (${lang})`);
    await page.goBack();
    await expect.poll(() => heading(page).textContent()).toBe(result);
    expect(await hash(page)).toBe('#/final/result');
    await page.goForward();
    await expect.poll(() => heading(page).textContent()).toBe(certificate);
    await page.reload();
    await expect.poll(() => heading(page).textContent()).toBe(certificate);
    expect(await hash(page)).toBe('#/final/certificate');
    // Its own button back to the result is a step forward in history, which Back undoes.
    await button(page, say(lang, (s) => s.certificate.back)).click();
    await expect.poll(() => heading(page).textContent()).toBe(result);
    await page.goBack();
    await expect.poll(() => heading(page).textContent()).toBe(certificate);
    // Home from the certificate, then Back: the certificate again (the result is where the learner is).
    await button(page, say(lang, (s) => s.app.home)).click();
    await expect.poll(() => heading(page).textContent()).toBe(titles[lang].title);
    await page.goBack();
    await expect.poll(() => heading(page).textContent()).toBe(certificate);
    await expectClean(session);
  });

  it('a link to the certificate before the final is passed shows the result, and no error', async () => {
    session = await openBrowser({ locale, ...screen });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=${lang}`);
    const passed = atSummary(FINAL);
    const notPassed = { ...passed, modules: { ...passed.modules, [FINAL]: { round: 0, score: 40, best: 40 } }, final: { score: 40, passed: false, at: PASSED_AT } };
    await loadProgress(page, seasoned({ lang, ...notPassed }));
    const url = page.url();
    for (const open of ['a link followed', 'a fresh page']) {
      if (open === 'a fresh page') await page.goto('about:blank');
      await page.goto(`${url.split('#')[0]}#/final/certificate`);
      await expect.poll(() => hash(page), { message: open }).toBe('#/final/result');
      expect(await heading(page).textContent()).toBe(say(lang, (s) => s.result.heading));
      expect(await button(page, say(lang, (s) => s.result.certificate)).count()).toBe(0);
      expect(await page.getByRole('alert').count()).toBe(0);
    }
    await expectClean(session);
  });
});
