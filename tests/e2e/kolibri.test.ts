import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KOLIBRI_HEAD_SCRIPT } from '../../scripts/csp-plugin.ts';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress } from '../../src/course/progress.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { expectAccessible, expectClean, openBrowser, type Session } from './browser.ts';
import { course, say, titles } from './course-content.ts';
import { button, completeModule, heading, passFinal } from './journeys.ts';

const { manifest } = course;
const KOLIBRI = 'http://kolibri.test/';
const OUT = 'test-results/packages';
const ZIP = `${manifest.id}-${manifest.version}-kolibri.zip`;
const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml', json: 'application/json', png: 'image/png', webmanifest: 'application/manifest+json' };
/** The header Kolibri's zip server sends with every file of an HTML5 app. */
const KOLIBRI_CSP = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:";
const hostScript = buildSync({ entryPoints: [path.resolve('tests/fixtures/kolibri-hashi/kolibri-host.js')], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'error' }).outputFiles[0].text;
const HOST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kolibri</title></head>
<body><iframe id="app" title="Berdaya" sandbox="allow-scripts allow-same-origin" style="width:100%;height:95vh;border:0"></iframe><script src="/host.js"></script></body></html>`;

let files: Record<string, Uint8Array>;
let session: Session;
afterEach(() => session?.close());

beforeAll(() => {
  // The zip exactly as `npm run package -- --only kolibri` makes it (a production build).
  const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/package.ts', '--only', 'kolibri'], {
    stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', BERDAYA_PACKAGES_DIR: OUT },
  });
  expect(run.status).toBe(0);
  files = unzipSync(fs.readFileSync(path.join(OUT, ZIP)));
}, 120_000);

interface Shim {
  data: { cmi?: { core?: Record<string, unknown> & { score?: Record<string, string> }; suspend_data?: string; interactions?: Record<string, string>[] } };
}
/** The app's frame, for the journeys written for a page: a Frame has every method they use. */
const asPage = (frame: Frame) => frame as unknown as Page;
const kolibri = <T,>(page: Page, read: string) => page.evaluate(`(() => { const k = window.kolibri; return ${read}; })()`) as Promise<T>;

/** Opens the zip the way Kolibri serves it, with what Kolibri had stored for this learner. */
async function openKolibri(stored: Record<string, unknown> = {}) {
  session = await openBrowser({ locale: 'id-ID' });
  const requests: string[] = [];
  session.context.on('request', (request) => requests.push(request.url()));
  const warnings: string[] = [];
  session.context.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await session.context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== new URL(KOLIBRI).origin) return route.abort();
    if (url.pathname === '/') return route.fulfill({ body: HOST_PAGE, contentType: 'text/html' });
    if (url.pathname === '/host.js') return route.fulfill({ body: hostScript, contentType: 'text/javascript' });
    const prefix = `/zipcontent/${ZIP}/`;
    const file = url.pathname.startsWith(prefix) ? decodeURIComponent(url.pathname.slice(prefix.length)) : '';
    const body = files[file];
    if (!body) return route.fulfill({ status: 404, headers: { 'Content-Security-Policy': KOLIBRI_CSP } });
    const ext = file.split('.').pop()!;
    // Kolibri puts its one line first in the <head> of every HTML file it serves from the zip.
    const served = ext === 'html' ? Buffer.from(Buffer.from(body).toString('utf8').replace(/<head>/i, `<head><script>${KOLIBRI_HEAD_SCRIPT}</script>`)) : Buffer.from(body);
    return route.fulfill({ body: served, contentType: TYPES[ext] ?? 'application/octet-stream', headers: { 'Content-Security-Policy': KOLIBRI_CSP } });
  });
  const app = `/zipcontent/${ZIP}/index.html`;
  await session.page.goto(`${KOLIBRI}?app=${encodeURIComponent(app)}&data=${encodeURIComponent(JSON.stringify(stored))}&user=${encodeURIComponent(JSON.stringify({ userId: 'learner-3', userFullName: 'Siti' }))}`);
  const find = () => session.page.frames().find((f) => f.url().includes('/zipcontent/'));
  await expect.poll(() => find() && heading(asPage(find()!)).textContent()).toBe(titles.id.title);
  const frame = find()!;
  return { page: session.page, frame, app: asPage(frame), requests, warnings };
}

/** What a browser page can do that Kolibri's sandbox blocks, shown to the learner: none of it. */
async function expectNothingBlocked(frame: Frame) {
  const printButtons = [say('id', (s) => s.certificate.print), say('id', (s) => s.facilitator.print)];
  for (const name of [...printButtons, say('id', (s) => s.progress.export), say('id', (s) => s.notices.downloadUnreadable), say('id', (s) => s.results.download), say('id', (s) => s.results.share)]) {
    expect(await frame.getByRole('button', { name, exact: true }).count(), name).toBe(0);
  }
  expect(await frame.locator('input[type=file], a[download], a[target=_blank], form[target]').count()).toBe(0);
}

/** Stored progress: these modules with these best scores. */
const stored = (best: Record<string, number>) => ({
  cmi: {
    core: { lesson_status: 'incomplete' },
    suspend_data: encodeProgress({ ...createProgress(manifest), lang: 'id', atWelcome: true, modules: Object.fromEntries(Object.entries(best).map(([id, b]) => [id, { score: b, best: b, round: 0 }])) }, manifest),
  },
});

describe('the Kolibri HTML5 app zip', () => {
  it('has index.html at its root, every asset inside, and a CSP that allows Kolibri\'s line by its hash and no other inline script', () => {
    expect(Object.keys(files)).toContain('index.html');
    const html = Buffer.from(files['index.html']).toString('utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const hash = crypto.createHash('sha256').update(KOLIBRI_HEAD_SCRIPT).digest('base64');
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    // Every file the page links to is in the zip.
    for (const ref of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      expect(ref[1], 'a relative link').not.toMatch(/^(https?:)?\/\//);
      expect(Object.keys(files), ref[1]).toContain(ref[1].replace(/^\.\//, ''));
    }
  });

  it('a learner who masters the last module reaches 100% in Kolibri; answers arrive as single letters; nothing blocked is shown', async () => {
    const [first, ...rest] = manifest.modules;
    const { page, frame, app, requests, warnings } = await openKolibri(stored(Object.fromEntries(rest.map((m) => [m.id, 100]))));
    // Kolibri's line ran (it gave the app the API) and the course reports its progress as the score.
    const before = Math.round((rest.length / manifest.modules.length) * 100);
    await expect.poll(() => kolibri<string>(page, 'k.shim.data.cmi.core.score.raw')).toBe(String(before));
    expect(await kolibri<number>(page, 'k.progress()')).toBeCloseTo(before / 100, 5);

    await expectNothingBlocked(frame);
    await button(app, say('id', (s) => s.progress.manage)).click();
    await expect.poll(() => frame.getByText(say('id', (s) => s.unavailable.download), { exact: true }).count()).toBe(1);
    await expectNothingBlocked(frame);
    // Results go to a trainer as text here: no file can leave Kolibri's sandbox.
    await button(app, say('id', (s) => s.results.open)).click();
    await expect.poll(() => frame.getByText(say('id', (s) => s.results.noDownload), { exact: true }).count()).toBe(1);
    expect(await button(app, say('id', (s) => s.results.copy)).count()).toBe(1);
    await expectNothingBlocked(frame);
    await expectAccessible(page, 'welcome in Kolibri');

    await button(app, `${say('id', (s) => s.welcome.moduleNumber, { number: first.number })}: ${titles.id.modules[first.id]}`).click();
    await completeModule(app, first, 'id');
    await expect.poll(() => kolibri<string>(page, 'k.shim.data.cmi.core.score.raw')).toBe('100');
    expect(await kolibri<number>(page, 'k.progress()')).toBe(1);
    // The final assessment is not taken: the status stays incomplete; Kolibri counts the score.
    expect(await kolibri<string>(page, 'k.shim.data.cmi.core.lesson_status')).toBe('incomplete');

    const shim = await kolibri<Shim>(page, 'k.shim');
    const interactions = shim.data.cmi!.interactions!;
    const round = drawModuleQuiz(first, 0);
    expect(interactions).toHaveLength(round.length);
    round.forEach((item, n) => {
      const sent = interactions[n];
      expect(sent.result).toBe('correct');
      if (!item.parts) {
        expect(sent.type).toBe('choice');
        expect(sent.student_response).toBe(String.fromCharCode(97 + item.options.indexOf(item.answer)));
      }
    });
    expect(shim.data.cmi!.suspend_data).toBeTruthy();

    await expectNothingBlocked(frame);
    await button(app, say('id', (s) => s.reference.facilitator)).click();
    await expect.poll(() => frame.getByText(say('id', (s) => s.unavailable.print), { exact: true }).count()).toBe(1);
    await expectNothingBlocked(frame);
    await expectAccessible(page, 'trainers\' notes in Kolibri');

    expect(warnings.filter((w) => w.startsWith('SCORM')), 'the shim refused nothing').toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${KOLIBRI}zipcontent/${ZIP}/`) && u !== `${KOLIBRI}host.js` && !u.startsWith(`${KOLIBRI}?`)), 'nothing from outside the zip').toEqual([]);
    expect(await frame.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    await expectClean(session);
  });

  it('passing the final assessment reaches 100% with the status passed; the certificate offers no print button', async () => {
    // Every module taken, none mastered: the final is open, and Kolibri shows 0% before it.
    const { page, frame, app, warnings } = await openKolibri(stored(Object.fromEntries(manifest.modules.map((m) => [m.id, 10]))));
    await expect.poll(() => kolibri<string>(page, 'k.shim.data.cmi.core.score.raw')).toBe('0');
    expect(await kolibri<number>(page, 'k.progress()')).toBe(0);

    await button(app, say('id', (s) => s.welcome.finalStart)).click();
    await passFinal(app, 'id');
    await expect.poll(() => kolibri<string>(page, 'k.shim.data.cmi.core.lesson_status')).toBe('passed');
    expect(await kolibri<string>(page, 'k.shim.data.cmi.core.score.raw')).toBe('100');
    expect(await kolibri<number>(page, 'k.progress()')).toBe(1);

    await button(app, say('id', (s) => s.result.certificate)).click();
    await expect.poll(() => frame.getByText(say('id', (s) => s.unavailable.print), { exact: true }).count()).toBe(1);
    await expectNothingBlocked(frame);
    await expectAccessible(page, 'certificate in Kolibri');
    expect(warnings.filter((w) => w.startsWith('SCORM'))).toEqual([]);
    expect(await frame.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    await expectClean(session);
  });
});
