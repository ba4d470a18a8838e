// Bundle-size, Lighthouse and slow-phone bench for the production build.
// Usage: npm run bench (-- --json prints the results as JSON too). Writes bench/results.json;
// exits 1 if the build fails or the first view is over its gzip budget (timings are reported,
// never gated: they wobble on a 2-core machine).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { precacheSize, warmOfflineReload } from './bench-offline.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BERDAYA_OUT_DIR builds and measures elsewhere (as vite.config.ts builds there), leaving dist/ alone.
const dist = path.resolve(root, process.env.BERDAYA_OUT_DIR ?? 'dist');
const CHROMIUM = '/usr/bin/chromium';
// BERDAYA_BENCH_PORT lets two benches run side by side (each uses this port and the one below it).
const PORT = Number(process.env.BERDAYA_BENCH_PORT ?? 4199);
const URL_ = `http://127.0.0.1:${PORT}/`;
const BUDGET_GZIP = 110 * 1024;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);

// 1. Build
const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) { console.error('vite build failed'); process.exit(1); }

// 2. Sizes of every emitted JS/CSS/HTML file (sourcemaps never ship to users)
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
const sizeOf = (file) => {
  const buf = fs.readFileSync(path.join(dist, file));
  return {
    file,
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
};
const chunks = walk(dist)
  .map((f) => path.relative(dist, f).split(path.sep).join('/'))
  .filter((f) => /\.(js|css|html)$/.test(f))
  .sort()
  .map(sizeOf);
const byFile = Object.fromEntries(chunks.map((c) => [c.file, c]));
const sum = (list, key) => list.reduce((n, c) => n + c[key], 0);
const table = (rows) => {
  console.log(`${'file'.padEnd(52)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'br KB'.padStart(8)}`);
  for (const r of rows) console.log(`${r.file.padEnd(52)}${kb(r.raw)} ${kb(r.gzip)}${kb(r.brotli)}`);
};
console.log('\n== Emitted files ==');
table(chunks);

// 3. First view. The welcome screen is prerendered into index.html and en/index.html
// (scripts/prerender/), so what the browser fetches before the welcome heading is in the DOM and
// painted is the page and its render-blocking stylesheet. Until the app has taken the screen over
// (interactive) it also runs the entry chunk, and anything that loads before the take-over.
const refsOf = (page) => {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const refs = { stylesheet: [], script: [] };
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    // Attribute order and quoting vary, so read each attribute on its own.
    const attr = (name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
      ?.slice(1).find((v) => v !== undefined);
    const isLink = /^<link/i.test(tag);
    const rel = (attr('rel') ?? '').toLowerCase();
    // A prerendered page names its entry by <link data-entry> (fetched by its start check).
    const url = isLink ? (rel === 'stylesheet' || rel === 'modulepreload' || /\bdata-entry\b/i.test(tag)) && attr('href') : attr('src');
    // relative to the page; skip anything external
    if (url && !/^(https?:)?\/\//.test(url)) refs[rel === 'stylesheet' ? 'stylesheet' : 'script'].push(path.posix.join(path.posix.dirname(page), url));
  }
  return refs;
};
const total = (files, extra = {}) => {
  const rows = files.filter((f) => byFile[f]).map((f) => byFile[f]);
  return { files: rows.map((r) => r.file), raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli'), ...extra };
};
const PAGES = { id: 'index.html', en: 'en/index.html' };
const pageRefs = Object.fromEntries(Object.entries(PAGES).filter(([, page]) => byFile[page]).map(([lang, page]) => [lang, { page, ...refsOf(page) }]));
const idRefs = pageRefs.id ?? { page: 'index.html', ...refsOf('index.html') };
const firstView = total([idRefs.page, ...idRefs.stylesheet], { budgetGzip: BUDGET_GZIP, definition: 'index.html and its stylesheet: the welcome heading is in the HTML' });
firstView.withinBudget = firstView.gzip <= BUDGET_GZIP;
const entryChunk = total(idRefs.script);
// Static: the page, its stylesheet and scripts. The slow-phone run below lists what was really fetched.
const firstViewUntilInteractive = total([idRefs.page, ...idRefs.stylesheet, ...idRefs.script], { budgetGzip: BUDGET_GZIP });
firstViewUntilInteractive.withinBudget = firstViewUntilInteractive.gzip <= BUDGET_GZIP;
console.log('\n== First view: before the welcome heading is painted (Indonesian page) ==');
table([...firstView.files.map((f) => byFile[f]), { file: 'TOTAL', ...firstView }]);
console.log(`Budget ${kb(BUDGET_GZIP).trim()} KB gzip: ${firstView.withinBudget ? 'PASS' : 'FAIL'}`);
console.log('\n== Until interactive: the page, its stylesheet and the entry chunk ==');
table([...firstViewUntilInteractive.files.map((f) => byFile[f]), { file: 'TOTAL', ...firstViewUntilInteractive }]);
console.log(`Entry chunk alone: ${kb(entryChunk.gzip).trim()} KB gzip; until interactive ${kb(firstViewUntilInteractive.gzip).trim()} KB gzip (${firstViewUntilInteractive.withinBudget ? 'within' : 'OVER'} ${kb(BUDGET_GZIP).trim()} KB)`);

// Lazy lesson chunks: assets/<module id>.<lang>-<hash>.js
const modules = {};
for (const c of chunks) {
  const m = c.file.match(/^assets\/([^/.]+)\.([a-z]{2,3})-[\w-]+\.js$/);
  if (m) (modules[m[1]] ??= {})[m[2]] = c;
}
console.log('\n== Module chunks (lazy) ==');
for (const [id, langs] of Object.entries(modules)) {
  for (const [lang, c] of Object.entries(langs)) {
    console.log(`${id.padEnd(30)}${lang.padEnd(4)}${kb(c.raw)} raw ${kb(c.gzip)} gzip ${kb(c.brotli)} br`);
  }
}

// 4. Class mode (?view=class, src/trainer/): its own lazy code chunk, within its budget, and the
// small chunks only it loads (styles, the scenario facts it plans by, its strings per language).
const CLASS_BUDGET_GZIP = 15 * 1024;
const classCode = chunks.find((c) => /^assets\/class-view-[\w-]+\.js$/.test(c.file));
const classMode = classCode && {
  code: classCode,
  alsoLoads: chunks.filter((c) => /^assets\/(class-view-[\w-]+\.css|facts-[\w-]+\.js|trainer-[\w-]+\.js)$/.test(c.file)),
  budgetGzip: CLASS_BUDGET_GZIP,
  withinBudget: classCode.gzip <= CLASS_BUDGET_GZIP,
};
console.log('\n== Class mode (lazy, ?view=class) ==');
if (classMode) {
  table([classMode.code, ...classMode.alsoLoads]);
  console.log(`Class chunk ${kb(classCode.gzip).trim()} KB gzip, budget ${kb(CLASS_BUDGET_GZIP).trim()} KB: ${classMode.withinBudget ? 'PASS' : 'FAIL'}`);
} else console.log('No class-view chunk found');

// 5. In a browser, against vite preview: each measure below is one entry of MEASURES, run in turn
// with the same server. The service worker's figures (offline reload with a warm worker, precache
// size) belong there as entries of their own.
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const CHROME_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

async function startServer() {
  // Run vite's bin with node directly (not npx) so the PID we kill is the server itself.
  const server = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'),
    'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', dist],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  server.on('exit', () => { exited = true; });
  for (const t0 = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
    if (exited) throw new Error(`vite preview exited (is port ${PORT} in use?)`);
    if (Date.now() - t0 > 30_000) { server.kill(); throw new Error('vite preview did not answer within 30 s'); }
    if (await fetch(URL_).then((r) => r.ok, () => false)) break;
  }
  return { stop: () => { if (!exited) server.kill(); } };
}

// Lighthouse (mobile, simulated throttling: its defaults), three fresh runs per page. The browser's
// language is the page's, as its learners' would be (the default page follows the browser's language):
// on Linux Chromium takes navigator.languages from --accept-lang, not --lang (without it `/` was
// measured with an en-US browser, for which the app replaces the Indonesian screen with English).
async function runLighthouse() {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const out = {};
  for (const [lang, pagePath, locale] of [['id', '', 'id-ID'], ['en', 'en/', 'en-GB']]) {
    const runs = [];
    for (let i = 1; i <= 3; i++) {
      // A fresh browser per run, like the CLI does, so runs don't share caches.
      const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless', `--lang=${locale}`, `--accept-lang=${locale}`, ...CHROME_FLAGS] });
      try {
        const { lhr } = await lighthouse(URL_ + pagePath, { port: chrome.port, output: 'json',
          onlyCategories: ['performance'], logLevel: 'error' });
        const a = lhr.audits;
        const run = { performance: Math.round(lhr.categories.performance.score * 100),
          lcp: Math.round(a['largest-contentful-paint'].numericValue),
          tbt: Math.round(a['total-blocking-time'].numericValue),
          cls: a['cumulative-layout-shift'].numericValue,
          // Why a figure is what it is: Lighthouse simulates from what this browser saw. Its LCP
          // counts every request that ended before the paint it observed, so a paint that came
          // late here (observedFcp) puts the app's code into the first screen's figures.
          fcp: Math.round(a['first-contentful-paint'].numericValue),
          observedFcp: Math.round(a.metrics.details.items[0].observedFirstContentfulPaint),
          lcpElement: a['largest-contentful-paint-element'].details?.items?.[0]?.items?.[0]?.node?.selector ?? null };
        console.log(`Lighthouse /${pagePath} (${locale}) run ${i}: perf ${run.performance}, LCP ${run.lcp} ms, TBT ${run.tbt} ms, CLS ${run.cls} (FCP ${run.fcp} ms; painted here at ${run.observedFcp} ms; LCP element ${run.lcpElement})`);
        runs.push(run);
      } finally {
        await chrome.kill();
      }
    }
    const med = Object.fromEntries(['performance', 'lcp', 'tbt', 'cls'].map((k) => [k, median(runs.map((r) => r[k]))]));
    console.log(`  median: perf ${med.performance} (budget 100: ${med.performance >= 100 ? 'PASS' : 'FAIL'}), LCP ${med.lcp} ms (≤ 1200: ${med.lcp <= 1200 ? 'PASS' : 'FAIL'}), TBT ${med.tbt} ms (≤ 50: ${med.tbt <= 50 ? 'PASS' : 'FAIL'}), CLS ${med.cls} (0: ${med.cls === 0 ? 'PASS' : 'FAIL'})`);
    out[lang] = { url: `/${pagePath}`, locale, runs, median: med };
  }
  // The fields earlier benches wrote: the default page's runs and median.
  return { ...out.id, pages: out };
}

// What a page records about itself from its first moment (performance.now() counts from navigation):
// its first contentful paint (the prerendered heading is in the HTML, so that paint shows it), each
// heading it shows (text, first frame with it), and when the app takes the screen over.
const RECORDER = () => {
  const seen = (window.__bench = { paint: null, takeover: null, headings: [] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') seen.paint = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const tick = () => {
    const h1 = document.querySelector('h1');
    if (h1 && h1.getBoundingClientRect().height > 0 && seen.headings.at(-1)?.text !== h1.textContent) seen.headings.push({ text: h1.textContent, at: performance.now() });
    // The app marks when the screen became its own (src/take-over.tsx). Not "not inert": until the page's
    // last script has run, the streamed-in prerendered screen is not inert yet either.
    const live = performance.getEntriesByName('berdaya:live')[0];
    if (seen.takeover === null && live && seen.headings.length) seen.takeover = live.startTime;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};
// The welcome heading is visible at the first paint after it is in the DOM.
const headingVisible = (b) => Math.max(b.paint, b.headings[0].at);

// A cheap phone on a patchy connection: Chromium's CPU 4× slower, 150 ms latency, 1.6 Mbps down.
const SLOW = { cpu: 4, latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8 };
async function slowPage(browser, { locale, seed } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 });
  if (seed) await context.addInitScript(([key, value]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(key, value); sessionStorage.setItem('seeded', '1'); } }, seed);
  await context.addInitScript(RECORDER);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: SLOW.latency, downloadThroughput: SLOW.down, uploadThroughput: SLOW.up });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpu });
  const fetched = [];
  page.on('requestfinished', (request) => fetched.push({ url: request.url(), at: Date.now() }));
  return { context, page, fetched };
}
const bench = (page) => page.evaluate(() => window.__bench);
const waitFor = async (page, test, timeout = 30_000) => {
  for (const t0 = Date.now(); Date.now() - t0 < timeout; await new Promise((r) => setTimeout(r, 50))) if (test(await bench(page))) return bench(page);
  throw new Error('timed out');
};
const distFile = (url) => decodeURIComponent(new URL(url).pathname.slice(1)) || 'index.html';

async function runSlowPhone() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_FLAGS });
  const runs = [];
  const languageShown = [];
  let seed;
  try {
    for (let i = 1; i <= 3; i++) {
      // A new learner on the Indonesian page: heading, take-over, then Start at once.
      const { context, page, fetched } = await slowPage(browser, { locale: 'id-ID' });
      try {
        await page.goto(URL_, { waitUntil: 'commit' });
        const seen = await waitFor(page, (b) => b && b.takeover !== null && b.paint !== null);
        const takeoverWall = Date.now();
        const beforeInteractive = fetched.filter((f) => f.at <= takeoverWall).map((f) => distFile(f.url)).filter((f) => byFile[f]);
        const lesson = await page.evaluate(() => new Promise((resolve, reject) => {
          setTimeout(() => reject(new Error('no lesson page within 30 s of Start')), 30_000);
          const title = document.querySelector('h1').textContent;
          const t0 = performance.now();
          document.querySelector('.home-next button').click();
          const tick = () => {
            const h1 = document.querySelector('h1');
            if (h1 && h1.textContent !== title && document.querySelector('main h1 ~ *')) resolve(performance.now() - t0);
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }));
        const run = { heading: Math.round(headingVisible(seen)), takeover: Math.round(seen.takeover), startToLesson: Math.round(lesson), untilInteractive: total([...new Set(beforeInteractive)]) };
        console.log(`Slow phone run ${i}: welcome heading ${run.heading} ms, app took over ${run.takeover} ms (${kb(run.untilInteractive.gzip).trim()} KB gzip fetched by then), Start → first lesson page ${run.startToLesson} ms`);
        runs.push(run);
        // The record of a learner who chose English (the course saves it), for the next measure.
        if (!seed) {
          await page.getByRole('button', { name: 'English', exact: true }).click();
          await waitFor(page, (b) => b.headings.length >= 2);
          seed = await page.evaluate(() => { const key = Object.keys(localStorage).find((k) => k.endsWith(':progress')); return [key, localStorage.getItem(key)]; });
        }
      } catch (err) {
        console.log(`Slow phone run ${i} failed: ${err.message.split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
    // A learner whose saved language (English) is not the page's (Indonesian): how long the
    // Indonesian screen shows before theirs.
    for (let i = 1; i <= 3 && seed?.[1]; i++) {
      const { context, page } = await slowPage(browser, { locale: 'id-ID', seed });
      try {
        await page.goto(URL_, { waitUntil: 'commit' });
        const seen = await waitFor(page, (b) => b && b.paint !== null && b.headings.length >= 2);
        const shown = Math.round(seen.headings[1].at - headingVisible(seen));
        console.log(`Saved English, Indonesian page, run ${i}: Indonesian heading painted at ${Math.round(headingVisible(seen))} ms, English at ${Math.round(seen.headings[1].at)} ms: the prerendered language showed ${shown} ms`);
        languageShown.push(shown);
      } catch (err) {
        console.log(`Saved English run ${i} failed: ${err.message.split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  if (!runs.length) throw new Error('no run finished');
  const med = {
    heading: median(runs.map((r) => r.heading)),
    takeover: median(runs.map((r) => r.takeover)),
    startToLesson: median(runs.map((r) => r.startToLesson)),
    otherLanguageShown: languageShown.length ? median(languageShown) : null,
  };
  console.log(`  median: welcome heading ${med.heading} ms (budget ≤ 1500: ${med.heading <= 1500 ? 'PASS' : 'FAIL'}), took over ${med.takeover} ms, Start → lesson ${med.startToLesson} ms (budget ≤ 1000: ${med.startToLesson <= 1000 ? 'PASS' : 'FAIL'}), other language shown ${med.otherLanguageShown} ms`);
  return { conditions: { cpuSlowdown: SLOW.cpu, latencyMs: SLOW.latency, downMbps: 1.6 }, runs, languageShownRuns: languageShown, median: med };
}

// The cohort view (?view=cohort): a class's results brought in and shown, in Chromium, with its own
// synthetic class (scripts/cohort-bench-data.ts). Timed in the page from the file input's change
// event (Playwright's file transfer is not counted) until the whole class picture is in the page and
// painted: every learner row, the confusion tables, and the scenario table in words (not item codes
// waiting for the module texts). 5 runs each, interleaved.
const COHORT_RUNS = 5;
async function runCohort() {
  const data = path.join(root, 'bench/cohort-data');
  const made = spawnSync('npx', ['tsx', 'scripts/cohort-bench-data.ts', data], { cwd: root, stdio: 'inherit' });
  if (made.status !== 0) throw new Error('could not write the synthetic class');
  const files = fs.readdirSync(path.join(data, 'files')).map((f) => path.join(data, 'files', f));
  const moodle = [path.join(data, 'moodle-interactions.txt')];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_FLAGS });
  const measure = async (paths, learners) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${URL_}?view=cohort&lang=en`);
      const input = page.locator('input[type=file]');
      await input.waitFor({ state: 'attached' });
      // The watcher is in place before the files are given; its promise is awaited after.
      await page.evaluate((expected) => { window.__cohortDone = new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error('the class picture was not complete within 60 s')), 60_000);
        document.addEventListener('change', () => {
          const start = performance.now();
          const complete = () => {
            const tables = document.querySelectorAll('main table');
            const rows = tables[0]?.tBodies[0]?.rows.length ?? 0;
            const scenarios = [...document.querySelectorAll('main table.cohort-items tbody th')];
            // Until the module texts are in, a scenario's cell shows its five-character code.
            const worded = scenarios.length > 0 && scenarios.every((th) => !/^[0-9a-z]{5}$/.test(th.textContent.trim()));
            return rows === expected && worded;
          };
          const tick = () => {
            if (!complete()) return requestAnimationFrame(tick);
            // This animation frame holds the tables; a task queued now runs once it is painted.
            setTimeout(() => {
              const read = performance.getEntriesByName('cohort:read-end').at(-1)?.startTime;
              resolve({ ms: performance.now() - start, readMs: read - start, elements: document.querySelectorAll('main *').length });
            });
          };
          requestAnimationFrame(tick);
        }, { capture: true, once: true });
      }); }, learners);
      await input.setInputFiles(paths);
      const r = await page.evaluate(() => window.__cohortDone);
      return { ms: Math.round(r.ms), readMs: Math.round(r.readMs), elements: r.elements };
    } finally {
      await page.close();
    }
  };
  const runs = { files: [], moodle: [] };
  try {
    for (let i = 1; i <= COHORT_RUNS; i++) {
      runs.files.push(await measure(files, files.length));
      runs.moodle.push(await measure(moodle, files.length));
      console.log(`Run ${i}: 300 files ${runs.files.at(-1).ms} ms (read ${runs.files.at(-1).readMs} ms), Moodle 300 × 60 ${runs.moodle.at(-1).ms} ms (read ${runs.moodle.at(-1).readMs} ms)`);
    }
  } finally {
    await browser.close();
  }
  const med = (list) => ({ ms: median(list.map((r) => r.ms)), readMs: median(list.map((r) => r.readMs)), elements: list[0].elements, withinBudget: median(list.map((r) => r.ms)) < 1000 });
  const result = { budgetMs: 1000, files300: med(runs.files), moodle300x60: med(runs.moodle), runs, loadAverage: (await import('node:os')).loadavg() };
  const line = (r) => `${r.ms} ms (reading ${r.readMs} ms; ${r.elements} elements in the page; budget < 1000 ms: ${r.withinBudget ? 'PASS' : 'FAIL'})`;
  console.log(`  median: 300 files ${line(result.files300)}`);
  console.log(`  median: Moodle 300 × 60 ${line(result.moodle300x60)}`);
  console.log(`  (load average now: ${result.loadAverage.map((n) => n.toFixed(1)).join(' ')})`);
  return result;
}

const MEASURES = [
  { name: 'lighthouse', title: 'Lighthouse (median of 3, mobile, simulated throttling)', run: runLighthouse },
  { name: 'slowPhone', title: 'Slow phone (CPU 4×, 150 ms, 1.6 Mbps; median of 3)', run: runSlowPhone },
  { name: 'cohort', title: `Cohort view (?view=cohort): 300 results files / a 300 × 60 Moodle report, from the files given to the shown class picture (median of ${COHORT_RUNS})`, run: runCohort },
];

// `-- --only=slowPhone` (names from MEASURES, comma-separated) runs some of the browser measures.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const chosen = MEASURES.filter((m) => !only || only.includes(m.name));
const measured = {};
if (!fs.existsSync(CHROMIUM)) {
  for (const m of chosen) measured[m.name] = { skipped: `${CHROMIUM} not found; install it with: sudo apt-get install -y chromium` };
} else {
  let server;
  try {
    server = await startServer();
    for (const m of chosen) {
      console.log(`\n== ${m.title} ==`);
      try {
        measured[m.name] = await m.run();
      } catch (err) {
        measured[m.name] = { skipped: `${m.name} failed: ${err.message}` };
        console.log(`Skipped: ${measured[m.name].skipped}`);
      }
    }
  } catch (err) {
    for (const m of chosen) measured[m.name] ??= { skipped: err.message };
    console.log(`Skipped: ${err.message}`);
  } finally {
    server?.stop();
  }
}

// Offline (scripts/bench-offline.mjs): the whole course as the service worker precaches it, and an
// offline reload from it on a slow phone (reported, not gated: timings wobble on 2 shared cores).
console.log('\n== Offline (service worker) ==');
const precache = precacheSize(dist);
console.log(`Whole course precache: ${precache.files} files, ${kb(precache.gzip).trim()} KB gzip (budget < ${kb(precache.budgetGzip).trim()} KB: ${precache.withinBudget ? 'PASS' : 'FAIL'}); the worker itself ${kb(precache.workerGzip).trim()} KB gzip`);
for (const k of precache.kinds) console.log(`${kb(k.gzip)} KB  ${String(k.files).padStart(3)} files  ${k.kind}`);
const offlineReload = fs.existsSync(CHROMIUM) ? await warmOfflineReload({ root, dist, port: PORT - 1, chromium: CHROMIUM }) : { skipped: `${CHROMIUM} not found` };
if (offlineReload.skipped) console.log(`Offline reload skipped: ${offlineReload.skipped}`);
else console.log(`Offline reload with a warm service worker, CPU 4× slower: welcome heading at ${offlineReload.runs.join(', ')} ms; median ${offlineReload.medianMs} ms (budget ${offlineReload.budgetMs} ms: ${offlineReload.withinBudget ? 'PASS' : 'FAIL'})`);

// 6. Results
const out = path.join(root, 'bench/results.json');
const results = { date: new Date().toISOString(), chunks, firstView, firstViewUntilInteractive, entryChunk, pages: pageRefs, modules, classMode, precache, offlineReload, ...measured };
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`\nResults written to ${path.relative(process.cwd(), out) || out}`);
if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
if (classMode && !classMode.withinBudget) {
  console.error(`Class mode chunk ${kb(classMode.code.gzip).trim()} KB gzip is over the ${kb(CLASS_BUDGET_GZIP).trim()} KB budget`);
  process.exit(1);
}
if (!precache.withinBudget) {
  console.error(`The whole course precache ${kb(precache.gzip).trim()} KB gzip is over the ${kb(precache.budgetGzip).trim()} KB budget`);
  process.exit(1);
}
if (!firstView.withinBudget) {
  console.error(`First view ${kb(firstView.gzip).trim()} KB gzip is over the ${kb(BUDGET_GZIP).trim()} KB budget`);
  process.exit(1);
}
