import path from 'node:path';
import { buildSync } from 'esbuild';
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { packageZip, type ScormVersion } from '../../scripts/scorm/package.ts';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress } from '../../src/course/progress.ts';
import type { Faults, FaultyLms } from '../scorm/faulty-lms.ts';
import type { StrictLms } from '../scorm/strict-lms.ts';
import { openBrowser, type Session } from './browser.ts';
import { course, titles } from './course-content.ts';

const { manifest } = course;
const LMS = 'http://lms.test/';
const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml', json: 'application/json', xml: 'application/xml' };
// The host page's script: the strict LMS (scorm-again behind Moodle's rules) behind the fault shim, bundled for the browser.
const hostScript = buildSync({ entryPoints: [path.resolve('tests/scorm/lms-host.ts')], bundle: true, write: false, format: 'iife', platform: 'browser' }).outputFiles[0].text;
const HOST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Test LMS</title></head>
<body><iframe id="course" title="Course" style="width:100%;height:95vh;border:0"></iframe><script src="host.js"></script></body></html>`;

/**
 * Opens the test LMS with the unzipped package of this build (as an LMS would serve it): `data`
 * is the learner's record in the LMS, `reads` what its GetValue answers instead (a faulty LMS),
 * `browser` the screen and locale of the browser (English unless given). The browser closes when
 * the test ends.
 */
export async function openLms(
  version: ScormVersion,
  data: Record<string, string> = {},
  reads: Record<string, string> = {},
  browser: Parameters<typeof openBrowser>[0] = {},
): Promise<{ session: Session; page: Page; frame: ReturnType<Page['frameLocator']>; url: string }> {
  const session = await openBrowser({ locale: 'en-GB', ...browser });
  onTestFinished(() => session.close());
  const files = unzipSync(packageZip({ id: manifest.id, version: manifest.version, title: titles.en.title, masteryScore: manifest.final.passMark }, version, path.resolve('dist')));
  await session.context.route(`${LMS}**`, (route) => {
    const file = new URL(route.request().url()).pathname.slice(1);
    const body = file === '' ? HOST_PAGE : file === 'host.js' ? hostScript : files[file.replace(/^course\//, '')];
    if (body === undefined) return route.fulfill({ status: 404 });
    // Moodle 4.5 serves SCORM content with unload forbidden: the course must not need it.
    const headers = file.startsWith('course/') ? { 'Permissions-Policy': 'unload=()' } : undefined;
    return route.fulfill({ body: typeof body === 'string' ? body : Buffer.from(body), contentType: TYPES[file.split('.').pop()!] ?? 'text/html', headers });
  });
  const url = `${LMS}?version=${version}&data=${encodeURIComponent(JSON.stringify(data))}&reads=${encodeURIComponent(JSON.stringify(reads))}`;
  await session.page.goto(url);
  return { session, page: session.page, frame: session.page.frameLocator('#course'), url };
}

/** Reads the test LMS (in the host page). */
export const lms = <T>(page: Page, read: (lms: StrictLms) => T) => page.evaluate(`(${read.toString()})(window.lms)`) as Promise<T>;

/** Switches the LMS's faults; `forMs` fields are windows from the host page's now. */
export const faults = (page: Page, changes: Partial<Faults> & { falseForMs?: number; setThrowsForMs?: number }) =>
  page.evaluate(({ falseForMs, setThrowsForMs, ...rest }) => {
    const shim = (window as unknown as { shim: FaultyLms }).shim;
    shim.set({
      ...rest,
      ...(falseForMs !== undefined && { falseUntil: Date.now() + falseForMs }),
      ...(setThrowsForMs !== undefined && { setThrowsUntil: Date.now() + setThrowsForMs }),
    });
  }, changes);

export const courseFrame = (page: Page) => page.frames().find((f) => f.url().includes('/course/')) as Frame;

/** The interaction ids the LMS has stored, in index order. */
export const interactionIds = (page: Page) =>
  lms(page, (l) => Object.keys(l.committed).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2])).map((k) => l.committed[k]));

/** A learner who has done every module quiz, as stored in the LMS's suspend data. */
export const modulesDone = () =>
  encodeProgress({ ...createProgress(manifest), lang: 'en', modules: Object.fromEntries(manifest.modules.map((m) => [m.id, { score: 100, best: 100, round: 0 }])) }, manifest);
