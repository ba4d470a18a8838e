import fs from 'node:fs';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { expectAccessible, expectClean, openBrowser, type Session } from './browser.ts';
import { course, say, titles } from './course-content.ts';
import { button, heading } from './journeys.ts';

const [moduleOne] = course.manifest.modules;
let session: Session;
afterEach(() => session?.close());

describe('when something goes wrong the learner is told, and nothing is lost', () => {
  it('a lesson chunk that fails to download can be retried', async () => {
    session = await openBrowser();
    const { page, context } = session;
    await page.goto(inject('baseURL'));
    const chunk = `**/assets/${moduleOne.id}.id-*.js`;
    await context.route(chunk, (route) => route.abort('internetdisconnected'));
    await button(page, say('id', (s) => s.welcome.start)).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(say('id', (s) => s.errors.textFailed) + say('id', (s) => s.errors.retry));
    await expectAccessible(page, 'text failed to load');

    await context.unroute(chunk);
    await button(page, say('id', (s) => s.errors.retry)).click();
    await expect.poll(() => page.getByText(say('id', (s) => s.lesson.pageOf, { page: 1, total: moduleOne.pages })).count()).toBe(1);
    session.errors.length = 0; // the aborted download itself logs a network error
    await button(page, say('id', (s) => s.lesson.next)).click();
    await expectClean(session);
  });

  it('a language that cannot be downloaded: the learner stays in theirs, is told why, and can try again', async () => {
    session = await openBrowser();
    const { page, context } = session;
    await page.goto(inject('baseURL'));
    await button(page, say('id', (s) => s.welcome.start)).click();
    await expect.poll(() => page.getByText(say('id', (s) => s.lesson.pageOf, { page: 1, total: moduleOne.pages })).count()).toBe(1);
    await context.setOffline(true);
    await button(page, 'English').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(say('id', (s) => s.errors.textFailed));
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await context.setOffline(false);
    session.errors.length = 0; // the failed downloads themselves log network errors
    await button(page, 'English').click();
    await expect.poll(() => page.getByText(say('en', (s) => s.lesson.pageOf, { page: 1, total: moduleOne.pages })).count()).toBe(1);
    await expectClean(session);
  });

  it('unreadable saved progress: the course starts, says so plainly, and keeps the data aside', async () => {
    session = await openBrowser();
    const { page } = session;
    const key = `berdaya:${course.manifest.id}:progress`;
    // Seed the bad record before the course's own scripts run, once.
    await session.context.addInitScript((k) => {
      if (location.protocol !== 'http:') return; // not the blank first page
      if (!sessionStorage.getItem('seeded')) localStorage.setItem(k, '{"v":1,"answers":{"x"');
      sessionStorage.setItem('seeded', 'yes');
    }, key);
    await page.goto(inject('baseURL'));
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(say('id', (s) => s.notices.unreadable));
    expect(await heading(page).textContent()).toBe(titles.id.title);
    await expectAccessible(page, 'unreadable progress notice');
    const kept = await page.evaluate((k) => Object.keys(localStorage).filter((name) => name.startsWith(`${k}:unreadable:`)).map((name) => localStorage.getItem(name)), key);
    expect(kept).toEqual(['{"v":1,"answers":{"x"']);
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, say('id', (s) => s.notices.downloadUnreadable)).click()]);
    expect(fs.readFileSync((await download.path())!, 'utf8')).toBe('{"v":1,"answers":{"x"');
    await button(page, say('id', (s) => s.app.dismiss)).click();
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectClean(session);
  });
});
