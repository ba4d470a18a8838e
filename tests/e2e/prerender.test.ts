import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { COMPILE_HINT } from '../../scripts/compile-hints-plugin.ts';
import { PAGE_OF } from '../../scripts/prerender/vite-plugin.ts';
import type { Lang } from '../../src/content/types.ts';
import idPage from '../../locales/id/page.json';
import enPage from '../../locales/en/page.json';
import { expectAccessible, expectClean, LAPTOP, openBrowser, PHONE, type Session } from './browser.ts';
import { course, htmlText, say, titles } from './course-content.ts';
import { button, heading, live, seedProgress } from './journeys.ts';

const pageStrings = { id: idPage, en: enPage };
const PAGES = [
  { lang: 'id' as const, path: '', locale: 'id-ID', screen: PHONE },
  { lang: 'en' as const, path: 'en/', locale: 'en-GB', screen: LAPTOP },
];
const moduleButton = (lang: Lang, m: (typeof course.manifest.modules)[number]) =>
  `${say(lang, (s) => s.welcome.moduleNumber, { number: m.number })}: ${titles[lang].modules[m.id]}`;

let session: Session;
afterEach(() => session?.close());

/** Layout shifts summed as CLS counts them, from the first paint on (buffered), and console warnings. */
async function watchPage(s: Session) {
  const warnings: string[] = [];
  s.context.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await s.context.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) w.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { warnings, shift: () => s.page.evaluate(() => (window as unknown as { __shift: number }).__shift) };
}

/** The app has the screen (the layer that held taps is gone, and it marks the moment for `npm run bench`), and the welcome screen's lazy part is in. */
async function takenOver(s: Session, lang: Lang) {
  await live(s.page);
  await expect.poll(() => s.page.evaluate(() => performance.getEntriesByName('berdaya:live').length)).toBe(1);
  await expect.poll(() => s.page.getByRole('heading', { name: say(lang, (x) => x.welcome.finalHeading) }).count()).toBe(1);
}

describe('the first screen is in the HTML', () => {
  it.each(PAGES)('$path index.html holds the $lang welcome heading and module list before any script runs', async ({ lang, path: at }) => {
    const pageUrl = new URL(`${at}index.html`, inject('baseURL'));
    const html = await (await fetch(pageUrl)).text();
    expect(html).toMatch(new RegExp(`<html lang="${lang}">`));
    const text = html.replace(/<!-- -->/g, '').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&');
    expect(text).toContain(`<h1 tabindex="-1">${titles[lang].title}</h1>`);
    for (const m of course.manifest.modules) expect(text).toContain(`>${moduleButton(lang, m)}</button>`);
    // Every file the page links to is served from where the page says.
    for (const [, ref] of html.matchAll(/ (?:src|href)="(\.{1,2}\/[^"]+)"/g)) {
      expect((await fetch(new URL(ref, pageUrl))).status, ref).toBe(200);
    }
  });

  it.each(PAGES)('with JavaScript off, $path index.html shows the $lang welcome screen and says in both languages how to start', async ({ lang, path: at, locale, screen }) => {
    session = await openBrowser({ locale, ...screen, javaScript: false });
    const { page } = session;
    await page.goto(new URL(at, inject('baseURL')).href);
    expect(await heading(page).textContent()).toBe(titles[lang].title);
    for (const m of course.manifest.modules) expect(await button(page, moduleButton(lang, m)).isVisible()).toBe(true);
    const notice = page.getByRole('region', { name: pageStrings[lang].noScript.heading });
    expect(await notice.isVisible()).toBe(true);
    for (const l of ['id', 'en'] as const) {
      expect(await page.getByRole('heading', { name: pageStrings[l].noScript.heading }).isVisible()).toBe(true);
      expect(await notice.textContent()).toContain(pageStrings[l].noScript.how);
      expect(await page.getByRole('heading', { name: pageStrings[l].cannotStart.heading }).count()).toBe(0);
    }
    // axe needs timers, which do not run with JavaScript off: audit the same page as this browser
    // shows it (its scripts removed, <noscript> shown) in a page where axe can run.
    const shown = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<\/?noscript>/g, '');
    await session.close();
    session = await openBrowser({ locale, ...screen });
    await session.page.route(new URL(at, inject('baseURL')).href, (route) => route.fulfill({ body: shown, contentType: 'text/html' }));
    await session.page.goto(new URL(at, inject('baseURL')).href);
    expect(await heading(session.page).textContent()).toBe(titles[lang].title);
    expect(await session.page.getByRole('region', { name: pageStrings[lang].noScript.heading }).isVisible()).toBe(true);
    await expectAccessible(session.page, `prerendered ${lang} page without JavaScript`);
  });

  it('the build: the stylesheet is only in the pages, and every chunk of code asks to be compiled as it downloads', () => {
    const assets = fs.readdirSync('dist/assets');
    for (const { lang } of PAGES) {
      const inline = /<style>([\s\S]*?)<\/style>/.exec(fs.readFileSync(path.join('dist', PAGE_OF[lang]), 'utf8'))![1];
      expect(inline).toContain('.option--right'); // the later screens' styles are in it too
      expect(assets.filter((file) => file.endsWith('.css') && fs.readFileSync(path.join('dist/assets', file), 'utf8') === inline)).toEqual([]);
    }
    const chunks = assets.filter((file) => file.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(20);
    for (const file of chunks) expect(fs.readFileSync(path.join('dist/assets', file), 'utf8').split('\n')[0], file).toBe(COMPILE_HINT);
  });

  it('opened from a folder (file://), says in both languages that it cannot start there and how to open it', async () => {
    session = await openBrowser({ locale: 'id-ID', ...PHONE });
    const { page } = session;
    await page.goto(`file://${path.resolve('dist/index.html')}`);
    expect(await heading(page).textContent()).toBe(titles.id.title);
    for (const l of ['id', 'en'] as const) {
      await expect.poll(() => page.getByRole('heading', { name: pageStrings[l].cannotStart.heading }).isVisible()).toBe(true);
      expect(await page.getByText(pageStrings[l].cannotStart.folder.split('{{command}}')[0].trim(), { exact: false }).isVisible()).toBe(true);
    }
    expect(await page.locator('code', { hasText: 'npx serve' }).count()).toBe(2);
    await expectAccessible(page, 'the prerendered page opened from a folder');
    expect(fs.existsSync(path.resolve('dist/en/index.html'))).toBe(true);
  });
});

// As in a real learner's browser, the service worker registers too (after the take-over): it must add no warning.
describe('the app takes the prerendered screen over', () => {
  it.each(PAGES)('a new learner on $path index.html: same screen, no console error or warning, no layout shift, and it works', async ({ lang, path: at, locale, screen }) => {
    session = await openBrowser({ locale, ...screen, serviceWorkers: 'allow' });
    const { page } = session;
    const watch = await watchPage(session);
    await page.goto(new URL(at, inject('baseURL')).href);
    await takenOver(session, lang);
    // The app's code is downloaded once the screen is painted, not before (scripts/prerender/start-check.ts).
    const entry = /<link[^>]*href="[./]*(assets\/[^"]+)"[^>]*data-entry>/.exec(fs.readFileSync(path.join('dist', PAGE_OF[lang]), 'utf8'))![1];
    const order = await page.evaluate((file) => ({
      painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      fetched: performance.getEntriesByType('resource').find((r) => r.name.endsWith(file))?.startTime,
    }), entry);
    expect(order.fetched).toBeGreaterThan(order.painted!);
    expect(await heading(page).textContent()).toBe(titles[lang].title);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('#cannot-start').isHidden()).toBe(true);
    expect(await watch.shift()).toBe(0);
    expect(watch.warnings).toEqual([]);
    await expectClean(session);
    await expectAccessible(page, `${lang} welcome screen after the takeover`);
    await button(page, say(lang, (s) => s.welcome.start)).click();
    await expect.poll(() => heading(page).textContent()).toBe(htmlText(course.texts[course.manifest.modules[0].id][lang].pages[0].title));
    await expectClean(session);
  });

  it('a tap on the prerendered screen before the app has it does nothing; once it has, Start works', async () => {
    session = await openBrowser({ locale: 'id-ID', ...PHONE });
    const { page } = session;
    // The app's code is held back on the way until the tap has been tried.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(inject('baseURL'));
    await page.evaluate(() => {
      const w = window as unknown as { __clicks: number };
      w.__clicks = 0;
      document.addEventListener('click', () => w.__clicks++);
    });
    // A finger on Start (straight at its place: Playwright's own click waits for what covers it), and a key.
    const start = button(page, say('id', (s) => s.welcome.start));
    const box = (await start.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await start.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(0);
    expect(await heading(page).textContent()).toBe(titles.id.title);
    // The page still scrolls.
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    release();
    await takenOver(session, 'id');
    expect(await page.locator('#tap-hold').count()).toBe(0);
    await start.click();
    await expect.poll(() => heading(page).textContent()).toBe(htmlText(course.texts[course.manifest.modules[0].id].id.pages[0].title));
    expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(1);
  });

  it('a learner whose saved progress is in English, opening the Indonesian page, ends on their own English screen with no layout shift', async () => {
    session = await openBrowser({ locale: 'id-ID', ...PHONE, serviceWorkers: 'allow' });
    const { page, context } = session;
    const first = course.manifest.modules[0];
    await seedProgress(context, { lang: 'en', atWelcome: true, place: { screen: 'lesson', module: first.id, page: 2 }, modules: { [first.id]: {} } });
    const watch = await watchPage(session);
    await page.goto(inject('baseURL'));
    await expect.poll(() => button(page, say('en', (s) => s.welcome.continue)).count()).toBe(1);
    await takenOver(session, 'en');
    expect(await heading(page).textContent()).toBe(titles.en.title);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await button(page, say('id', (s) => s.welcome.start)).count()).toBe(0);
    expect(await watch.shift()).toBe(0);
    expect(watch.warnings).toEqual([]);
    await expectClean(session);
    await button(page, say('en', (s) => s.welcome.continue)).click();
    await expect.poll(() => heading(page).textContent()).toBe(htmlText(course.texts[first.id].en.pages[2].title));
  });
});
