import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { compileHints } from './scripts/compile-hints-plugin.ts';
import { berdayaContent } from './scripts/content/vite-plugin.ts';
import { contentSecurityPolicy } from './scripts/csp-plugin.ts';
import { prerenderWelcome } from './scripts/prerender/vite-plugin.ts';

/**
 * Code that only screens after the welcome screen need. Everything else goes into one entry chunk:
 * rolldown otherwise splits shared code into several small chunks whose overhead pushes the first
 * view over its budget (110 KB gzip, see `npm run bench`).
 */
const LAZY = /\/src\/(screens\/(module-screen|lesson-screen|quiz-screen|summary-screen|module-frame|progress-panel|reference-screen|glossary-screen|facilitator-screen|chunk-status-for|result-screen|certificate-view|practice-summary|notice-screen|welcome-extras|answer-review|final-access|left-course-screen|send-results|send-results-panel)|components\/(notice|feedback|option-group|html-text|term-card|chunk-status|confusion-table|allowed)|content\/(whole-words|compact-text)|course\/certificate-code|quiz\/(feedback|question-form|single-question|sort-question|case-question|option-label)|tracking\/(progress-file|lms|scorm\/find-api|scorm\/scorm-tracker|scorm\/scorm-format)|results\/results-format|platform\/service-worker|trainer\/[\w-]+)\.tsx?$|\/src\/trainer\/(class|cohort)\.css$|\/locales\/(en\/|id\/(course|trainer))|\0virtual:berdaya\/(text\/|facts|item-ids)/;

/**
 * The libraries start-up evaluates one at a time, each in a task of its own (src/main.tsx): a chunk
 * is evaluated in one go, and one chunk with all of them was the longest task of start-up on a slow
 * phone. The rest of the first screen's code is the `app` chunk; src/main.tsx itself (the entry)
 * only sequences them.
 */
const STARTUP_PARTS = [
  { name: 'react', test: /\/node_modules\/(react|react-dom|scheduler)\// },
  { name: 'i18n', test: /\/node_modules\/(i18next|react-i18next|html-parse-stringify|void-elements)\// },
  { name: 'xstate', test: /\/node_modules\/(xstate|@xstate\/react|use-sync-external-store)\// },
  // Made when evaluated: the course machine (createMachine), the manifest (its items expanded).
  { name: 'machine', test: /\/src\/course\/course-machine\.ts$/ },
  { name: 'manifest', test: /^\0virtual:berdaya\/course$/ },
];
// What src/main.tsx needs before the parts: a small chunk of its own (in the `app` group it would
// bring the whole app chunk into the entry's first task).
const BEFORE_PARTS = /\/src\/platform\/next-task\.ts$|^\0vite\//;
// The entry itself and the page (whose group would capture everything it imports).
const ENTRY = /\/src\/(main\.tsx|styles\.css|screens\/screens\.css)$|\.html$/;

const target = process.env.BERDAYA_TARGET === 'kolibri' ? 'kolibri' : 'web';
const define = { __BERDAYA_TARGET__: JSON.stringify(target) };
// BERDAYA_LESSONS builds another lessons folder (the browser tests build a hostile fixture).
const content = berdayaContent(process.env.BERDAYA_LESSONS);

/**
 * Offline and installable (web builds only): a Workbox service worker precaches every file of the
 * build — both languages, every module, glossary, notes, class mode — and a web app manifest makes
 * it installable. Kolibri's sandbox gets neither. src/platform/service-worker.ts registers it
 * (never inside an LMS) and asks the learner before a new version takes over ('prompt': the new
 * worker waits until they choose Reload; only the very first one claims the page at once).
 */
const offline = VitePWA({
  disable: target === 'kolibri',
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Berdaya: Pekerjaan Sosial, Pemberdayaan, dan Aras Intervensi',
    short_name: 'Berdaya',
    description: 'Kursus dwibahasa (Indonesia/Inggris) tentang pekerjaan sosial, pemberdayaan, dan aras intervensi. Bisa dipelajari tanpa sinyal setelah dibuka sekali.',
    lang: 'id',
    // Relative: the course works from whatever folder it is served from.
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: '#0b5d4b',
    background_color: '#ffffff',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // Every file the course can ask for (html: the prerendered pages too), but the code that only
    // runs inside an LMS, where no service worker is registered.
    globPatterns: ['**/*.{html,js,css,json,svg}'],
    globIgnores: ['**/lms-*.js'],
    clientsClaim: true,
    skipWaiting: false,
    // The course's pages take parameters (?lang=, ?view=class): each is still the same page.
    ignoreURLParametersMatching: [/./],
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  // Relative asset paths let the same build run from any folder (a static host, an LMS package).
  base: './',
  // The welcome screen is prerendered into index.html and en/index.html (scripts/prerender/); not in
  // Kolibri, which shows its own loading screen and hands the app the learner's progress.
  plugins: [react(), content, contentSecurityPolicy(target), ...(target === 'web' ? [prerenderWelcome({ content, define })] : []), compileHints(), offline],
  // What the platform allows (src/platform/capabilities.ts): BERDAYA_TARGET=kolibri for Kolibri's sandbox.
  define,
  resolve: {
    // React 19 has useSyncExternalStore: the fallback shims for old React (imported by @xstate/react
    // and react-i18next) need not ship.
    alias: [
      { find: /^use-sync-external-store\/shim$/, replacement: fileURLToPath(new URL('src/vendor/use-sync-external-store-shim.ts', import.meta.url)) },
      { find: /^use-sync-external-store\/shim\/with-selector$/, replacement: 'use-sync-external-store/with-selector' },
    ],
  },
  build: {
    target: 'es2020',
    reportCompressedSize: false,
    // A lazy part's own imports are fetched by the browser as it reads the part (a module graph),
    // not listed as modulepreloads beforehand: each element a script adds to the page costs the
    // main thread about a millisecond, all of a part's in one task, and parts are loaded ahead of
    // need (src/screens/lazy-screen.tsx), so the extra round trip is not waited for.
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
    outDir: process.env.BERDAYA_OUT_DIR ?? 'dist',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'start', test: BEFORE_PARTS, priority: 3 },
            ...STARTUP_PARTS.map((part) => ({ ...part, priority: 2 })),
            { name: 'app', test: (id: string) => !LAZY.test(id) && !ENTRY.test(id) && !BEFORE_PARTS.test(id), priority: 1 },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000, // whole learner journeys through the real course, on 2 shared cores
  },
});
