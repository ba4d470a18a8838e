// The offline part of `npm run bench` (scripts/bench.mjs): what the service worker precaches, and
// how fast the course opens from it with no network.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

export const PRECACHE_BUDGET_GZIP = 350 * 1024;
export const WARM_RELOAD_BUDGET_MS = 500;

/** What kind of file a precached one is (by its name), for a contributor to see where the bytes go. */
const KINDS = [
  ['pages (html)', /\.html$/],
  ['entry chunk', /^assets\/index-[\w-]+\.js$/],
  ['lesson text (modules, both languages)', /^assets\/\d\d-[\w-]+\.(id|en)-[\w-]+\.js$/],
  ['glossary, notes, welcome', /^assets\/(glossary|facilitator|welcome)\.(id|en)-[\w-]+\.js$/],
  // A locale file's chunk is named after it (locales/<lang>/course.json); trainer-strings is code.
  ['interface strings (lazy)', /^assets\/(ui|course|trainer)-[\w-]{8}\.js$/],
  ['other code (lazy chunks)', /\.js$/],
  ['styles', /\.css$/],
  ['icons, manifest', /./],
];
const kindOf = (file) => KINDS.find(([, test]) => test.test(file))[0];

/**
 * Every file the service worker (dist/sw.js, made by Workbox) precaches — the whole course, both
 * languages, every chunk — each gzip -9, by kind of file, and the worker itself (sw.js + Workbox's
 * runtime).
 */
export function precacheSize(dist) {
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1]);
  if (!urls.length) throw new Error('dist/sw.js lists no precached files');
  const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  const files = urls.map((file) => ({ file, raw: fs.statSync(path.join(dist, file)).size, gzip: gzip(file) }));
  const worker = ['sw.js', ...fs.readdirSync(dist).filter((f) => /^workbox-[\w-]+\.js$/.test(f))];
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  return {
    files: files.length,
    raw: sum(files, 'raw'),
    gzip: sum(files, 'gzip'),
    budgetGzip: PRECACHE_BUDGET_GZIP,
    withinBudget: sum(files, 'gzip') < PRECACHE_BUDGET_GZIP,
    workerGzip: worker.reduce((n, f) => n + gzip(f), 0),
    kinds: KINDS.map(([kind]) => {
      const ofKind = files.filter((f) => kindOf(f.file) === kind);
      return { kind, files: ofKind.length, gzip: sum(ofKind, 'gzip') };
    }).filter((k) => k.files),
  };
}

/**
 * Offline reload with a warm service worker, on a slow phone (CPU throttled 4×): one visit online
 * until the worker controls the page, then the server stops, the network goes off, and the page
 * is reloaded `runs` times. Each time: ms from navigation start until the welcome heading (the
 * page's <h1>) is in the DOM with text, read from the page's own clock.
 */
export async function warmOfflineReload({ root, dist, port, runs = 3, chromium = '/usr/bin/chromium' }) {
  const { chromium: browserType } = await import('playwright-core');
  const server = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], { cwd: root, stdio: 'ignore' });
  let exited = false;
  server.on('exit', () => { exited = true; });
  const url = `http://127.0.0.1:${port}/`;
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'chromium-profile-'));
  let context;
  try {
    for (const t0 = Date.now(); !(await fetch(url).then((r) => r.ok, () => false)); await new Promise((r) => setTimeout(r, 250))) {
      if (exited || Date.now() - t0 > 30_000) throw new Error(`vite preview did not answer on ${url}`);
    }
    context = await browserType.launchPersistentContext(profile, {
      executablePath: chromium, headless: true, serviceWorkers: 'allow', locale: 'id-ID', viewport: { width: 412, height: 860 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('h1')?.textContent) {
          window.__welcomeAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready, !!navigator.serviceWorker.controller), null, { timeout: 60_000 });
    server.kill();
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const times = [];
    for (let i = 0; i < runs; i++) {
      await page.reload();
      await page.waitForFunction(() => window.__welcomeAt !== undefined, null, { timeout: 30_000 });
      times.push(Math.round(await page.evaluate(() => window.__welcomeAt)));
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
    return { cpuThrottle: 4, runs: times, medianMs: median, budgetMs: WARM_RELOAD_BUDGET_MS, withinBudget: median <= WARM_RELOAD_BUDGET_MS };
  } catch (err) {
    return { skipped: `offline reload failed: ${err.message}` };
  } finally {
    await context?.close();
    if (!exited) server.kill();
    await fsp.rm(profile, { recursive: true, force: true });
  }
}
