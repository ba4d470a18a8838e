import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packageZip } from '../../scripts/scorm/package.ts';
import { decodeProgress } from '../../src/course/progress-codec.ts';
import { expectAccessible, expectClean, openBrowser, type Session } from './browser.ts';
import { trainerStrings } from '../ui-strings.ts';
import { course, say, titles } from './course-content.ts';
import { button, completeModule, heading } from './journeys.ts';
import { freePort, preview } from './serve-build.ts';

const { manifest } = course;
const [moduleOne, moduleTwo] = manifest.modules;
const PROGRESS_KEY = `berdaya:${manifest.id}:progress`;
const NEXT_LESSONS = 'test-results/lessons-next';
const NEXT_OUT = 'test-results/dist-next';

let session: Session | undefined;
let server: ChildProcess | undefined;
afterEach(async () => {
  server?.kill();
  server = undefined;
  await session?.close();
  session = undefined;
});

/** A server of its own (the shared one never stops): the test stops it to take the network away. */
async function serve(outDir: string, port?: number) {
  const served = await preview(outDir, port);
  server = served.server;
  return served.url;
}
function stop() {
  server?.kill();
  server = undefined;
}

/**
 * Waits until the page's worker controls it: the first visit's precache is complete (Workbox
 * activates after it), however long the download takes on a busy machine.
 */
const controlled = (page: Page) =>
  page.evaluate(async () => {
    const { serviceWorker } = navigator;
    await serviceWorker.ready;
    if (!serviceWorker.controller) await new Promise((claimed) => serviceWorker.addEventListener('controllerchange', claimed, { once: true }));
    return !!serviceWorker.controller;
  });
/** The next version downloads all its changed files before it is offered: a wait, not a deadline. */
const INSTALL = { timeout: 90_000 };

// The app's entry: a module script, or in a prerendered page the link its start check runs.
const entryScript = (html: string) => /<link[^>]*href="\.\/(assets\/[^"]+)"[^>]*data-entry|<script type="module"[^>]*src="\.\/(assets\/[^"]+)"/.exec(html)!.slice(1).find(Boolean)!;

beforeAll(() => {
  // The next version of the course, as a deployer would build it: a new course version in lessons/.
  fs.rmSync(NEXT_LESSONS, { recursive: true, force: true });
  fs.cpSync('lessons', NEXT_LESSONS, { recursive: true });
  const yaml = path.join(NEXT_LESSONS, 'course.yaml');
  fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace(/^version: .*$/m, 'version: 99.0.0'));
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', BERDAYA_LESSONS: NEXT_LESSONS, BERDAYA_OUT_DIR: NEXT_OUT },
  });
  expect(build.status).toBe(0);
  expect(entryScript(fs.readFileSync(path.join(NEXT_OUT, 'index.html'), 'utf8'))).not.toBe(entryScript(fs.readFileSync('dist/index.html', 'utf8')));
}, 120_000);

describe('offline after one visit, and updates that lose nothing', () => {
  it('the whole course works with the network off; a new version waits for the learner’s Reload and keeps every answer', async () => {
    session = await openBrowser({ serviceWorkers: 'allow' });
    const { page, context } = session;
    const port = await freePort();
    const url = await serve('dist', port);
    await page.goto(url);
    await expect.poll(() => heading(page).textContent()).toBe(titles.id.title);
    expect(await controlled(page)).toBe(true);

    stop();
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => heading(page).textContent()).toBe(titles.id.title);
    await button(page, say('id', (s) => s.welcome.start)).click();
    await completeModule(page, moduleOne, 'id');
    await button(page, say('id', (s) => s.summary.nextModule, { number: moduleTwo.number })).click();
    await expect.poll(() => page.getByText(say('id', (s) => s.lesson.pageOf, { page: 1, total: moduleTwo.pages })).count()).toBe(1);
    await button(page, 'English').click();
    await completeModule(page, moduleTwo, 'en');
    await button(page, say('en', (s) => s.reference.glossary)).click();
    await expect.poll(() => heading(page).textContent()).toBe(say('en', (s) => s.glossary.heading));
    await expect.poll(() => page.getByRole('term').count()).toBe(course.glossary.en.length); // the glossary's words arrive after its heading
    await button(page, say('en', (s) => s.reference.facilitator)).click();
    await expect.poll(() => heading(page).textContent()).toBe(say('en', (s) => s.facilitator.heading));
    await expect.poll(() => page.getByRole('region').count()).toBe(manifest.modules.length);
    await button(page, say('en', (s) => s.reference.back)).click();
    await expect.poll(() => heading(page).textContent()).toBe(say('en', (s) => s.summary.heading));
    // Class mode is another address (?view=class): it opens offline too, and Back returns to the learner's place.
    await page.getByRole('contentinfo').getByRole('link', { name: say('en', (s) => s.reference.trainers) }).click();
    await expect.poll(() => heading(page).textContent()).toBe(trainerStrings.en.plan.heading);
    await button(page, trainerStrings.en.plan.start).click();
    await expect.poll(() => page.locator('main section[lang="en"]').count()).toBe(1);
    await page.goBack();
    await expect.poll(() => heading(page).textContent()).toBe(say('en', (s) => s.summary.heading));
    await expectClean(session);

    // The next version is deployed at the same address; the learner comes back online.
    const before = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
    const answers = (raw: string | null) => {
      const decoded = decodeProgress(raw!, manifest);
      if (!decoded.ok) throw new Error(`saved progress unreadable: ${decoded.reason}`);
      return decoded.progress.answers;
    };
    expect(Object.keys(answers(before)).length).toBe(2 * Math.min(moduleOne.quizSize, moduleOne.items.length));
    await serve(NEXT_OUT, port);
    await context.setOffline(false);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const reload = button(page, say('en', (s) => s.update.reload));
    await expect.poll(() => reload.count(), INSTALL).toBe(1);
    expect(await page.getByText(say('en', (s) => s.update.ready)).count()).toBe(1);
    // Offered, never forced: the learner is still on the page they were on.
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    expect(await heading(page).textContent()).toBe(say('en', (s) => s.summary.heading));
    await expectAccessible(page, 'update prompt');

    await reload.click();
    await expect.poll(() => page.evaluate(() => 'sameDocument' in window).catch(() => true)).toBe(false);
    const next = entryScript(fs.readFileSync(path.join(NEXT_OUT, 'index.html'), 'utf8'));
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type=module]')!.src)).toBe(`${url}${next}`);
    await expect.poll(() => heading(page).textContent()).toBe(say('en', (s) => s.summary.heading));
    expect(answers(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY))).toEqual(answers(before));
    expect(await reload.count()).toBe(0);
    await expectClean(session);
  });
});

/** Waits until `frame` has loaded and been idle since: the course starts its worker at its first idle moment after load. */
const idle = (frame: Frame) =>
  frame.evaluate(async () => {
    if (document.readyState !== 'complete') await new Promise((loaded) => addEventListener('load', loaded, { once: true }));
    await new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve)));
  });

describe('inside an LMS', () => {
  it('the SCORM package ships no service worker and registers none', async () => {
    const files = unzipSync(packageZip({ id: manifest.id, version: manifest.version, title: titles.id.title, masteryScore: 80 }, '1.2', path.resolve('dist')));
    expect(Object.keys(files).filter((f) => /(^|\/)(sw|workbox-[\w-]+)\.js$/.test(f))).toEqual([]);
    expect(Object.keys(files)).toContain('index.html');

    session = await openBrowser({ serviceWorkers: 'allow' });
    const { page, context } = session;
    // An LMS on a secure origin (localhost), the course in a frame of its page, as Moodle shows it.
    const lms = `http://localhost:${await freePort()}/`;
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await context.route(`${lms}**`, (route) => {
      const file = new URL(route.request().url()).pathname.slice(1);
      if (file === '') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><head><title>LMS</title></head><body><iframe title="Course" src="course/index.html"></iframe></body></html>' });
      const body = files[file.replace(/^course\//, '')];
      const type: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml' };
      return body ? route.fulfill({ body: Buffer.from(body), contentType: type[file.split('.').pop()!] ?? 'application/octet-stream' }) : route.fulfill({ status: 404 });
    });
    await page.goto(lms);
    const frame = () => page.frames().find((f) => f.url().includes('/course/'));
    await expect.poll(() => frame() && heading(frame() as unknown as Page).textContent()).toBe(titles.id.title);
    expect(await frame()!.evaluate(() => isSecureContext)).toBe(true);
    await idle(frame()!);
    expect(requests.filter((r) => /\/(sw\.js|assets\/service-worker-[\w-]+\.js)$/.test(r))).toEqual([]);
    expect(await frame()!.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  });
});
