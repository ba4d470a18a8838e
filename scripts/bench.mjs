// Bundle-size and Lighthouse bench for the production build.
// Usage: npm run bench. Writes bench/results.json; exits 1 if the build fails
// or the first view is over its gzip budget (Lighthouse is reported, never gated:
// the score wobbles on a 2-core machine).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { precacheSize, warmOfflineReload } from './bench-offline.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const CHROMIUM = '/usr/bin/chromium';
const PORT = 4199;
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

// 3. First view: index.html plus what it loads directly (everything else is lazy)
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const refs = new Set();
for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
  // Attribute order and quoting vary, so read each attribute on its own.
  const attr = (name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
    ?.slice(1).find((v) => v !== undefined);
  const isLink = /^<link/i.test(tag);
  const rel = (attr('rel') ?? '').toLowerCase();
  const url = isLink ? (rel === 'stylesheet' || rel === 'modulepreload') && attr('href') : attr('src');
  // base is './' so URLs are relative to dist/; skip anything external
  if (url && !/^(https?:)?\/\//.test(url)) refs.add(path.posix.normalize(url.replace(/^\.?\//, '')));
}
const fvFiles = ['index.html', ...refs].filter((f) => byFile[f]);
const fvRows = fvFiles.map((f) => byFile[f]);
const firstView = {
  files: fvFiles, raw: sum(fvRows, 'raw'), gzip: sum(fvRows, 'gzip'), brotli: sum(fvRows, 'brotli'),
  budgetGzip: BUDGET_GZIP,
};
firstView.withinBudget = firstView.gzip <= BUDGET_GZIP;
console.log('\n== First view (welcome screen) ==');
table([...fvRows, { file: 'TOTAL', ...firstView }]);
console.log(`Budget ${kb(BUDGET_GZIP).trim()} KB gzip: ${firstView.withinBudget ? 'PASS' : 'FAIL'}`);

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

// 5. Lighthouse (mobile, simulated throttling: its defaults) against vite preview
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function runLighthouse() {
  if (!fs.existsSync(CHROMIUM)) {
    return { skipped: `${CHROMIUM} not found; install it with: sudo apt-get install -y chromium` };
  }
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  // Run vite's bin with node directly (not npx) so the PID we kill is the server itself.
  const server = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'),
    'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  server.on('exit', () => { exited = true; });
  try {
    for (const t0 = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
      if (exited) throw new Error(`vite preview exited (is port ${PORT} in use?)`);
      if (Date.now() - t0 > 30_000) throw new Error('vite preview did not answer within 30 s');
      if (await fetch(URL_).then((r) => r.ok, () => false)) break;
    }
    const runs = [];
    for (let i = 1; i <= 3; i++) {
      // A fresh browser per run, like the CLI does, so runs don't share caches.
      const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless',
        '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'] });
      try {
        const { lhr } = await lighthouse(URL_, { port: chrome.port, output: 'json',
          onlyCategories: ['performance'], logLevel: 'error' });
        const a = lhr.audits;
        const run = { performance: Math.round(lhr.categories.performance.score * 100),
          lcp: Math.round(a['largest-contentful-paint'].numericValue),
          tbt: Math.round(a['total-blocking-time'].numericValue),
          cls: a['cumulative-layout-shift'].numericValue };
        console.log(`Lighthouse run ${i}: perf ${run.performance}, LCP ${run.lcp} ms, TBT ${run.tbt} ms, CLS ${run.cls}`);
        runs.push(run);
      } finally {
        await chrome.kill();
      }
    }
    const med = Object.fromEntries(['performance', 'lcp', 'tbt', 'cls'].map((k) => [k, median(runs.map((r) => r[k]))]));
    return { runs, median: med };
  } catch (err) {
    return { skipped: `Lighthouse failed: ${err.message}` };
  } finally {
    if (!exited) server.kill();
  }
}
console.log('\n== Lighthouse (median of 3, mobile, simulated throttling) ==');
const lh = await runLighthouse();
if (lh.skipped) console.log(`Skipped: ${lh.skipped}`);
else {
  const m = lh.median;
  console.log(`Performance ${m.performance} (budget >= 98: ${m.performance >= 98 ? 'PASS' : 'FAIL'})`);
  console.log(`LCP ${m.lcp} ms, TBT ${m.tbt} ms`);
  console.log(`CLS ${m.cls} (budget = 0: ${m.cls === 0 ? 'PASS' : 'FAIL'})`);
}

// Offline (scripts/bench-offline.mjs): the whole course as the service worker precaches it, and an
// offline reload from it on a slow phone (reported, not gated: timings wobble on 2 shared cores).
console.log('\n== Offline (service worker) ==');
const precache = precacheSize(dist);
console.log(`Whole course precache: ${precache.files} files, ${kb(precache.gzip).trim()} KB gzip (budget < ${kb(precache.budgetGzip).trim()} KB: ${precache.withinBudget ? 'PASS' : 'FAIL'}); the worker itself ${kb(precache.workerGzip).trim()} KB gzip`);
const offlineReload = fs.existsSync(CHROMIUM) ? await warmOfflineReload({ root, dist, port: PORT - 1, chromium: CHROMIUM }) : { skipped: `${CHROMIUM} not found` };
if (offlineReload.skipped) console.log(`Offline reload skipped: ${offlineReload.skipped}`);
else console.log(`Offline reload with a warm service worker, CPU 4× slower: welcome heading at ${offlineReload.runs.join(', ')} ms; median ${offlineReload.medianMs} ms (budget ${offlineReload.budgetMs} ms: ${offlineReload.withinBudget ? 'PASS' : 'FAIL'})`);

// 6. Results
const out = path.join(root, 'bench/results.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), chunks, firstView, modules, classMode, lighthouse: lh, precache, offlineReload }, null, 2) + '\n');
console.log(`\nResults written to ${path.relative(process.cwd(), out) || out}`);
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
