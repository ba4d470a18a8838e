import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { expectClean, openBrowser, type Session } from './browser.ts';
import { course, htmlText, optionLabel, say, titles } from './course-content.ts';
import { button, heading } from './journeys.ts';

const moduleOne = course.manifest.modules[0];
const moduleFour = course.manifest.modules.find((m) => m.id === '04-intervention-levels')!;
let session: Session;
afterEach(() => session?.close());

async function openModuleFourQuiz(page: Session['page']) {
  await button(page, say('id', (s) => s.welcome.moduleNumber, { number: moduleFour.number }) + `: ${titles.id.modules[moduleFour.id]}`).click();
  for (let p = 1; p < moduleFour.pages; p++) await button(page, say('id', (s) => s.lesson.next)).click();
  await button(page, say('id', (s) => s.lesson.toQuiz)).click();
}

describe('the learner keeps their place', () => {
  it('when switching language mid-lesson and mid-quiz', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(inject('baseURL'));
    await button(page, say('id', (s) => s.welcome.start)).click();
    await button(page, say('id', (s) => s.lesson.next)).click();
    await button(page, say('id', (s) => s.lesson.next)).click();
    await expect.poll(() => page.getByText(say('id', (s) => s.lesson.pageOf, { page: 3, total: moduleOne.pages })).count()).toBe(1);

    await button(page, 'English').click();
    await expect.poll(() => page.getByText(say('en', (s) => s.lesson.pageOf, { page: 3, total: moduleOne.pages })).count()).toBe(1);
    expect(await heading(page).textContent()).toBe(htmlText(course.texts[moduleOne.id].en.pages[2].title));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await button(page, 'English').getAttribute('aria-pressed')).toBe('true');

    await button(page, 'Bahasa Indonesia').click();
    await button(page, say('id', (s) => s.app.home)).click();
    await openModuleFourQuiz(page);
    const item = drawModuleQuiz(moduleFour, 0)[0];
    await page.getByRole('radio', { name: optionLabel(moduleFour.id, item, item.answer, 'id'), exact: true }).check();
    await button(page, 'English').click();
    await expect.poll(() => heading(page).textContent()).toBe(say('en', (s) => s.quiz.questionOf, { number: 1, total: moduleFour.quizSize }));
    expect(await page.getByRole('radio', { name: optionLabel(moduleFour.id, item, item.answer, 'en'), exact: true }).isChecked()).toBe(true);

    await button(page, say('en', (s) => s.quiz.check)).click();
    await button(page, 'Bahasa Indonesia').click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain(say('id', (s) => s.quiz.correct));
    await expectClean(session);
  });

  it('when reloading mid-lesson and mid-quiz', async () => {
    session = await openBrowser({ locale: 'en-GB' });
    const { page } = session;
    await page.goto(inject('baseURL'));
    await button(page, say('en', (s) => s.welcome.start)).click();
    await button(page, say('en', (s) => s.lesson.next)).click();
    await button(page, 'Bahasa Indonesia').click(); // a saved choice outranks the browser's English
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('id');
    await page.reload();
    await expect.poll(() => page.getByText(say('id', (s) => s.lesson.pageOf, { page: 2, total: moduleOne.pages })).count()).toBe(1);
    expect(await heading(page).textContent()).toBe(htmlText(course.texts[moduleOne.id].id.pages[1].title));

    await button(page, say('id', (s) => s.app.home)).click();
    await openModuleFourQuiz(page);
    await button(page, say('id', (s) => s.quiz.check)).click(); // nothing chosen: asked to choose
    expect(await page.getByRole('alert').textContent()).toBe(say('id', (s) => s.quiz.chooseFirst));
    const item = drawModuleQuiz(moduleFour, 0)[0];
    await page.getByRole('radio', { name: optionLabel(moduleFour.id, item, item.answer, 'id'), exact: true }).check();
    await button(page, say('id', (s) => s.quiz.check)).click();
    await button(page, say('id', (s) => s.quiz.next)).click();
    await page.reload();
    await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.quiz.questionOf, { number: 2, total: moduleFour.quizSize }));

    await page.goto(`${inject('baseURL')}?lang=en`); // the address overrides the saved language, place kept
    await expect.poll(() => heading(page).textContent()).toBe(say('en', (s) => s.quiz.questionOf, { number: 2, total: moduleFour.quizSize }));
    await button(page, say('en', (s) => s.app.home)).click();
    expect(await page.locator(`#status-${moduleFour.id}`).textContent()).toBe(say('en', (s) => s.welcome.statusInProgress));
    expect(await button(page, say('en', (s) => s.welcome.continue)).count()).toBe(1);
    await expectClean(session);
  });
});
