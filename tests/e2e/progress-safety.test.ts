import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { readProgressFile } from '../../src/tracking/progress-file.ts';
import { expectAccessible, expectClean, openBrowser, type Session } from './browser.ts';
import { course, optionLabel, say, titles } from './course-content.ts';
import { button, heading } from './journeys.ts';

const { manifest } = course;
const moduleOne = manifest.modules[0];
const moduleFour = manifest.modules.find((m) => m.id === '04-intervention-levels')!;
const KEY = `berdaya:${manifest.id}:progress`;
let sessions: Session[] = [];
afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  sessions = [];
});
const open = async (options?: Parameters<typeof openBrowser>[0]) => {
  const session = await openBrowser(options);
  sessions.push(session);
  return session;
};

async function downloadProgress(page: Page, name: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, name).click()]);
  return fs.readFileSync((await download.path())!, 'utf8');
}

async function openModuleFourQuiz(page: Page) {
  await button(page, `${say('id', (s) => s.welcome.moduleNumber, { number: moduleFour.number })}: ${titles.id.modules[moduleFour.id]}`).click();
  for (let p = 1; p < moduleFour.pages; p++) await button(page, say('id', (s) => s.lesson.next)).click();
  await button(page, say('id', (s) => s.lesson.toQuiz)).click();
}

async function answer(page: Page, index: number) {
  const item = drawModuleQuiz(moduleFour, 0)[index];
  await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.quiz.questionOf, { number: index + 1, total: moduleFour.quizSize }));
  await page.getByRole('radio', { name: optionLabel(moduleFour.id, item, item.answer, 'id'), exact: true }).check();
  await button(page, say('id', (s) => s.quiz.check)).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain(say('id', (s) => s.quiz.correct));
  return item;
}

describe('progress is never lost', () => {
  it('on a full device: the learner is told, keeps learning, downloads progress and restores it on a fresh device', async () => {
    const first = await open();
    await first.context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await first.page.goto(inject('baseURL'));
    await button(first.page, say('id', (s) => s.welcome.start)).click();
    await expect.poll(() => first.page.getByRole('alert').textContent()).toContain(say('id', (s) => s.notices.storageFull));
    await expectAccessible(first.page, 'storage full notice');
    await button(first.page, say('id', (s) => s.lesson.next)).click();
    await expect.poll(() => first.page.getByText(say('id', (s) => s.lesson.pageOf, { page: 2, total: moduleOne.pages })).count()).toBe(1);
    const file = await downloadProgress(first.page, say('id', (s) => s.progress.export));
    const parsed = readProgressFile(file, manifest);
    expect(parsed.ok && parsed.progress.place).toEqual({ screen: 'lesson', module: moduleOne.id, page: 1 });
    await expectClean(first);

    const second = await open({ locale: 'en-US' });
    await second.page.goto(inject('baseURL'));
    await button(second.page, say('en', (s) => s.progress.manage)).click();
    const upload = path.join(fs.mkdtempSync('/tmp/berdaya-'), 'progress.json');
    fs.writeFileSync(upload, file);
    await second.page.getByLabel(say('en', (s) => s.progress.import)).setInputFiles(upload);
    await button(second.page, say('en', (s) => s.progress.replace)).click();
    await expectAccessible(second.page, 'progress restored');
    await button(second.page, say('en', (s) => s.welcome.continue)).click();
    await expect.poll(() => second.page.getByText(say('en', (s) => s.lesson.pageOf, { page: 2, total: moduleOne.pages })).count()).toBe(1);
    await expectClean(second);
  });

  it('when storage cannot be used at all: the course still works and says progress is not being saved', async () => {
    const session = await open();
    await session.context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get: () => {
          throw new DOMException('Access is denied.', 'SecurityError');
        },
      });
    });
    await session.page.goto(inject('baseURL'));
    await expect.poll(() => session.page.getByRole('alert').textContent()).toContain(say('id', (s) => s.notices.storageUnavailable));
    await button(session.page, say('id', (s) => s.welcome.start)).click();
    await expect.poll(() => session.page.getByText(say('id', (s) => s.lesson.pageOf, { page: 1, total: moduleOne.pages })).count()).toBe(1);
    await expectClean(session);
  });

  it.each([
    ['not a record at all', 'garbage', 'unreadable'],
    ['a cut-off record', 'B1~0.2.0~i~0~L', 'unreadable'],
    ['binary noise', '\u0000\u0001\u00ff', 'unreadable'],
    ['JSON of the wrong shape', '[1,2,3]', 'unreadable'],
    ['a record from a newer version', '{"v":99,"answers":{}}', 'future'],
  ] as const)('with %s saved: the course starts, says so, and nothing breaks', async (_, stored, message) => {
    const session = await open();
    await session.context.addInitScript(([key, value]) => {
      if (location.protocol === 'http:' && !sessionStorage.getItem('seeded')) localStorage.setItem(key, value);
      if (location.protocol === 'http:') sessionStorage.setItem('seeded', 'yes');
    }, [KEY, stored] as const);
    await session.page.goto(inject('baseURL'));
    await expect.poll(() => session.page.getByRole('alert').textContent()).toContain(say('id', (s) => s.notices[message]));
    expect(await heading(session.page).textContent()).toBe(titles.id.title);
    await expectClean(session);
  });

  it('with the course open in two tabs: answers from both are kept', async () => {
    const session = await open();
    const tabA = session.page;
    await tabA.goto(inject('baseURL'));
    await openModuleFourQuiz(tabA);
    const first = await answer(tabA, 0);

    const tabB = await session.context.newPage();
    await tabB.goto(inject('baseURL')); // resumes at the same question, with its feedback
    await button(tabB, say('id', (s) => s.quiz.next)).click();
    const second = await answer(tabB, 1);

    await expect.poll(() => tabA.getByRole('alert').textContent()).toContain(say('id', (s) => s.notices.otherTab));
    await button(tabA, say('id', (s) => s.quiz.next)).click(); // tab A's own next change saves the merged record
    await button(tabA, say('id', (s) => s.app.home)).click();
    await button(tabA, say('id', (s) => s.progress.manage)).click();
    const parsed = readProgressFile(await downloadProgress(tabA, say('id', (s) => s.progress.export)), manifest);
    expect(parsed.ok && Object.keys(parsed.progress.answers).sort()).toEqual([first.id, second.id].sort());
    await expectClean(session);
  });
  it('with the course open in two tabs: an import or a delete in one is adopted by the other, never undone by it', async () => {
    const session = await open();
    const tabA = session.page;
    await tabA.goto(inject('baseURL'));
    await openModuleFourQuiz(tabA);
    const first = await answer(tabA, 0);
    await button(tabA, say('id', (s) => s.app.home)).click();
    await button(tabA, say('id', (s) => s.progress.manage)).click();
    const file = await downloadProgress(tabA, say('id', (s) => s.progress.export)); // one answer

    const tabB = await session.context.newPage();
    await tabB.goto(inject('baseURL'));
    await button(tabB, say('id', (s) => s.welcome.continue)).click();
    await button(tabB, say('id', (s) => s.quiz.next)).click();
    await answer(tabB, 1); // two answers now

    // Tab A restores the file: tab B shows that record, and its next step keeps it.
    const upload = path.join(fs.mkdtempSync('/tmp/berdaya-'), 'progress.json');
    fs.writeFileSync(upload, file);
    await tabA.getByLabel(say('id', (s) => s.progress.import)).setInputFiles(upload);
    await button(tabA, say('id', (s) => s.progress.replace)).click();
    await expect.poll(() => tabB.getByRole('alert').textContent()).toContain(say('id', (s) => s.notices.otherTabReplaced));
    await expectAccessible(tabB, 'replaced in another tab');
    expect(await heading(tabB).textContent()).toBe(titles.id.title);
    await button(tabB, say('id', (s) => s.progress.manage)).click();
    const afterImport = readProgressFile(await downloadProgress(tabB, say('id', (s) => s.progress.export)), manifest);
    expect(afterImport.ok && Object.keys(afterImport.progress.answers)).toEqual([first.id]);

    // Tab A deletes everything; tab B adopts it, and its next step brings no answer back.
    await button(tabA, say('id', (s) => s.progress.reset)).click();
    await button(tabA, say('id', (s) => s.progress.resetYes)).click();
    await expect.poll(async () => {
      const now = readProgressFile(await downloadProgress(tabB, say('id', (s) => s.progress.export)), manifest);
      return now.ok && Object.keys(now.progress.answers).length;
    }).toBe(0);
    await button(tabB, say('id', (s) => s.welcome.start)).click();
    await expect.poll(() => tabB.getByText(say('id', (s) => s.lesson.pageOf, { page: 1, total: moduleOne.pages })).count()).toBe(1);
    await tabA.reload();
    await button(tabA, say('id', (s) => s.progress.manage)).click();
    const final = readProgressFile(await downloadProgress(tabA, say('id', (s) => s.progress.export)), manifest);
    expect(final.ok && final.progress.answers).toEqual({});
    await expectClean(session);
  });
});

describe('nothing executes from content or files', () => {
  it('hostile lesson HTML, links and scenario text are shown as text under a strict CSP', async () => {
    const session = await open();
    const { page } = session;
    await page.goto(inject('hostileURL'));
    await button(page, say('id', (s) => s.welcome.start)).click();
    await expect.poll(() => page.getByText("<script>alert('script')</script>", { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('main script, main img, main svg, main iframe, main [onerror], main [onload], main [onclick]').count()).toBe(0);
    expect(await page.locator('main a[href^="javascript"]').count()).toBe(0);
    await page.getByText(/Tautan klik dan gambar/).click(); // a neutralised link is plain text and does nothing
    await button(page, say('id', (s) => s.lesson.next)).click();
    await button(page, say('id', (s) => s.lesson.toQuiz)).click();
    const hostileModule = compileContent(path.resolve('tests/fixtures/hostile-lessons')).manifest.modules[0];
    for (const item of drawModuleQuiz(hostileModule, 0)) {
      if (item.id === 'fx-home-visit') {
        await expect.poll(() => page.getByText('<img src=x onerror="alert(1)">', { exact: false }).count()).toBeGreaterThan(0);
      }
      await page.getByRole('radio').first().check();
      await button(page, say('id', (s) => s.quiz.check)).click();
      await page.locator('form button[type=submit]').click();
    }
    await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.summary.heading));
    expect(session.dialogs).toEqual([]);
    await expectClean(session);
  });

  it('a hostile progress file is refused and runs nothing', async () => {
    const session = await open();
    const { page } = session;
    await page.goto(inject('baseURL'));
    await button(page, say('id', (s) => s.progress.manage)).click();
    const upload = path.join(fs.mkdtempSync('/tmp/berdaya-'), 'evil.json');
    fs.writeFileSync(upload, JSON.stringify({ type: 'berdaya-progress', v: 1, course: manifest.id, exportedAt: '<img src=x onerror=alert(1)>', data: '<script>alert(2)</script>', check: 'x' }));
    await page.getByLabel(say('id', (s) => s.progress.import)).setInputFiles(upload);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(say('id', (s) => s.importErrors.unreadable));
    const big = path.join(path.dirname(upload), 'big.json');
    fs.writeFileSync(big, 'x'.repeat(10 * 1024 * 1024));
    await page.getByLabel(say('id', (s) => s.progress.import)).setInputFiles(big);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(say('id', (s) => s.importErrors.tooLarge));
    await expectClean(session);
  });

  it('the built app contains no eval or new Function', () => {
    const dir = path.resolve('dist/assets');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
      const code = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(/);
    }
  });
});
