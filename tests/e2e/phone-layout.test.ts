import type { FrameLocator, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { scoreItems } from '../../src/quiz/scoring.ts';
import { tFor } from '../ui-strings.ts';
import { FINAL, PRACTICE } from '../../src/course/final-assessment.ts';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress } from '../../src/course/progress.ts';
import { expectAccessible, expectClean, LAPTOP, openBrowser, PHONE, type Session } from './browser.ts';
import { course, say, titles } from './course-content.ts';
import { button, heading } from './journeys.ts';
import { openLms } from './lms-host-page.ts';
import { atQuiz, atSummary, loadProgress, overflow, seasoned, wrong } from './phone-screens.ts';

const { manifest } = course;
let session: Session;
afterEach(() => session?.close());

const WIDTHS = [320, 360, 412];
const LANGS = [
  { lang: 'id' as const, locale: 'id-ID' },
  { lang: 'en' as const, locale: 'en-GB' },
];

/** Every width: the page is no wider than the screen. */
async function fitsEveryWidth(page: Page, screen: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 740 });
    expect(await overflow(page), `${screen} at ${width} px`).toBeNull();
  }
}

/**
 * The header's controls (by name) sit on one row, wholly inside the header and the screen, each
 * tall enough to tap; the header takes at most 15% of the screen's height.
 */
async function expectOneRowHeader(root: Page | FrameLocator, names: string[], screen: { x: number; y: number; width: number; height: number }) {
  const header = (await root.locator('.site-header').boundingBox())!;
  const boxes = await Promise.all(names.map(async (name) => (await button(root, name).boundingBox())!));
  for (const [n, box] of boxes.entries()) {
    expect(box.y, names[n]).toBeGreaterThanOrEqual(header.y);
    expect(box.y + box.height, names[n]).toBeLessThanOrEqual(header.y + header.height);
    expect(box.x + box.width, names[n]).toBeLessThanOrEqual(screen.x + screen.width);
    expect(box.height, names[n]).toBeGreaterThanOrEqual(40);
    expect(Math.abs(box.y - boxes[0].y), `${names[n]} on the row of ${names[0]}`).toBeLessThan(1);
  }
  expect(header.height).toBeLessThanOrEqual(screen.height * 0.15);
}

const settled = (page: Page) => expect.poll(() => page.getByRole('status').filter({ hasText: /…|\.\.\./ }).count()).toBe(0);

describe.each(LANGS)('every screen fits a phone ($lang)', ({ lang, locale }) => {
  it('no screen scrolls sideways at 320, 360 or 412 px', async () => {
    session = await openBrowser({ locale, ...PHONE });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=${lang}`);
    await expect.poll(() => heading(page).textContent()).toBe(titles[lang].title);
    await fitsEveryWidth(page, 'welcome, first visit');

    await loadProgress(page, seasoned({ lang, atWelcome: true, place: { screen: 'lesson', module: manifest.modules[3].id, page: 2 } }));
    await expect.poll(() => page.getByText(tFor(lang)('welcome.reviewDue', { count: 1 })).count()).toBe(1);
    await fitsEveryWidth(page, 'welcome, returning');

    // Every lesson page of every module, opened by its address.
    for (const module of manifest.modules) {
      for (let p = 1; p <= module.pages; p++) {
        await page.evaluate((hash) => (location.hash = hash), `#/m/${String(module.number).padStart(2, '0')}/p/${p}`);
        await expect.poll(() => page.getByText(say(lang, (s) => s.lesson.pageOf, { page: p, total: module.pages }), { exact: true }).count()).toBe(1);
        await fitsEveryWidth(page, `${module.id} page ${p}`);
      }
    }

    // Each kind of question, asked and answered wrongly (the longest feedback).
    const questions = [
      ['04-intervention-levels', 0], ['01-welfare-mandate', 0], ['04-intervention-levels', 12], ['05-change-strategies', 8],
    ] as const;
    for (const [moduleId, item] of questions) {
      for (const answered of [false, true]) {
        await loadProgress(page, seasoned({ lang, ...atQuiz(moduleId, item, answered) }));
        await expect.poll(() => heading(page).textContent()).toMatch(new RegExp(`${item + 1}`));
        await settled(page);
        await fitsEveryWidth(page, `${moduleId} question ${item + 1}${answered ? ' feedback' : ''}`);
      }
    }

    for (const moduleId of ['04-intervention-levels', '05-change-strategies', '01-welfare-mandate', PRACTICE, FINAL]) {
      await loadProgress(page, seasoned({ lang, ...atSummary(moduleId) }));
      await expect.poll(() => page.locator('h1').count()).toBe(1);
      await settled(page);
      if (moduleId.startsWith('0')) await expect.poll(() => heading(page).textContent()).toBe(say(lang, (s) => s.summary.heading));
      await fitsEveryWidth(page, `${moduleId} summary`);
    }
    await button(page, say(lang, (s) => s.result.certificate)).click();
    await expect.poll(() => heading(page).textContent()).toBe(say(lang, (s) => s.certificate.heading));
    await page.getByRole('textbox').fill('Siti Rahmawati Nur Hasanah Wulandari Kusumaningrum');
    await fitsEveryWidth(page, 'certificate');

    for (const hash of ['#/glossary', '#/notes/04']) {
      await page.evaluate((h) => (location.hash = h), hash);
      await expect.poll(() => page.locator('dl, section').count()).toBeGreaterThan(0);
      await fitsEveryWidth(page, hash);
    }
    await expectClean(session);
  });
});

/** Contrast ratio of two CSS colours (rgb/rgba strings), as WCAG defines it. */
function contrast(a: number[], b: number[]): number {
  const lum = ([r, g, b]: number[]) => {
    const [R, G, B] = [r, g, b].map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The ring of the focused element: its outline and inner (box-shadow) colours, and the colour
 * behind it (the first ancestor with a solid background).
 */
const ring = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const style = getComputedStyle(el);
    let behind: number[] = [255, 255, 255];
    for (let node = el.parentElement; node; node = node.parentElement) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) {
        behind = c.slice(0, 3);
        break;
      }
    }
    const shadow = style.boxShadow === 'none' ? [] : rgb(style.boxShadow).slice(0, 3);
    const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    return { name, width: parseFloat(style.outlineWidth), outline: rgb(style.outlineColor).slice(0, 3), shadow, behind, visible: style.outlineStyle !== 'none' };
  });

describe.each([
  { lang: 'id' as const, locale: 'id-ID', screen: PHONE, size: '360×740' },
  { lang: 'en' as const, locale: 'en-GB', screen: LAPTOP, size: '1280×800' },
])('keyboard focus is visible everywhere ($lang, $size)', ({ lang, locale, screen }) => {
  it('every control of the header, a lesson, a question and a summary has a ring of at least 3:1 against what is behind it', async () => {
    session = await openBrowser({ locale, ...screen });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=${lang}`);
    await expect.poll(() => heading(page).textContent()).toBe(titles[lang].title);
    const screens = [
      seasoned({ lang, place: { screen: 'lesson', module: manifest.modules[3].id, page: 1 } }),
      seasoned({ lang, ...atQuiz('04-intervention-levels', 0, false) }),
      seasoned({ lang, ...atSummary('04-intervention-levels') }),
    ];
    for (const progress of screens) {
      await loadProgress(page, progress);
      await expect.poll(() => page.locator('main button').count()).toBeGreaterThan(0);
      await settled(page);
      await page.locator('body').focus();
      const seen = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const r = await ring(page);
        if (r.name.startsWith('body') || seen.has(r.name)) break;
        seen.add(r.name);
        expect(r.visible && r.width >= 2, `${r.name} has an outline`).toBe(true);
        const best = Math.max(contrast(r.outline, r.behind), r.shadow.length ? contrast(r.shadow, r.behind) : 0);
        expect(best, `focus ring of ${r.name} against rgb(${r.behind})`).toBeGreaterThanOrEqual(3);
      }
      expect(seen.size, 'controls reached by Tab').toBeGreaterThan(3);
      // The header's controls were among them (the green header was where the ring vanished).
      expect([...seen].some((n) => n.includes('English'))).toBe(true);
    }
    await expectClean(session);
  });
});

describe.each(LANGS)('home leads and the header stays small ($lang)', ({ lang, locale }) => {
  const inView = (page: Page, name: string) =>
    page.getByRole('button', { name, exact: true }).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });

  it('a first-time learner sees Start in the first screenful at 360×740; a returning one sees Continue, where it leads, and the review due', async () => {
    session = await openBrowser({ locale, ...PHONE });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=${lang}`);
    await expect.poll(() => heading(page).textContent()).toBe(titles[lang].title);
    expect(await inView(page, say(lang, (s) => s.welcome.start))).toBe(true);
    await expectAccessible(page, `welcome, first visit (${lang})`);

    const moduleFour = manifest.modules[3];
    await loadProgress(page, seasoned({ lang, atWelcome: true, place: { screen: 'lesson', module: moduleFour.id, page: 2 }, modules: { [manifest.modules[0].id]: { best: 90, score: 90, round: 0 }, [moduleFour.id]: {} } }));
    const practice = say(lang, (s) => s.welcome.practiceStart);
    await expect.poll(() => page.getByRole('button', { name: practice, exact: true }).count()).toBe(1);
    expect(await inView(page, say(lang, (s) => s.welcome.continue))).toBe(true);
    expect(await inView(page, practice)).toBe(true);
    const resume = page.getByText(say(lang, (s) => s.welcome.resumeLesson, { number: 4, title: titles[lang].modules[moduleFour.id], page: 3, total: moduleFour.pages }), { exact: true });
    expect(await resume.isVisible()).toBe(true);
    // Module cards: mastered, in progress (with a bar), not started; the words for screen readers.
    const card = (n: number) => page.locator('.module-list > li').nth(n);
    expect(await card(0).getAttribute('class')).toBe('module--mastered');
    expect(await card(0).textContent()).toContain(say(lang, (s) => s.welcome.statusMastered, { score: 90 }));
    expect(await card(3).getAttribute('class')).toBe('module--progress');
    expect(await card(3).locator('.module-bar').count()).toBe(1);
    expect(await card(4).getAttribute('class')).toBe('module--notStarted');
    expect(await page.getByRole('button', { name: new RegExp(`${titles[lang].modules[moduleFour.id]}`) }).getAttribute('aria-describedby')).toBe(`status-${moduleFour.id}`);
    // The outcomes come after the modules.
    const below = await page.evaluate(() => {
      const h2s = [...document.querySelectorAll('h2')];
      return h2s.findIndex((h) => h.closest('main') && h.nextElementSibling?.tagName === 'UL') > h2s.findIndex((h) => h.nextElementSibling?.classList.contains('module-list'));
    });
    expect(below).toBe(true);
    await expectAccessible(page, `welcome, returning (${lang})`);

    // The language in use is pressed; the other is the one to press.
    expect(await button(page, lang === 'id' ? 'Bahasa Indonesia' : 'English').getAttribute('aria-pressed')).toBe('true');
    expect(await button(page, lang === 'id' ? 'English' : 'Bahasa Indonesia').getAttribute('aria-pressed')).toBe('false');
    await expectClean(session);
  });

  it('the header leaves at least 85% of a 320×568 screen to the content and stays at the top mid-page', async () => {
    session = await openBrowser({ locale, viewport: { width: 320, height: 568 }, touch: true });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=${lang}#/m/04/p/2`);
    await expect.poll(() => page.locator('.prose').count()).toBe(1);
    const header = page.locator('.site-header');
    await expectOneRowHeader(page, [say(lang, (s) => s.app.home), 'Bahasa Indonesia', 'English'], { x: 0, y: 0, width: 320, height: 568 });
    await page.mouse.wheel(0, 1500);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(500);
    expect((await header.boundingBox())!.y).toBe(0);
    expect(await button(page, say(lang, (s) => s.app.home)).isVisible()).toBe(true);
  });

  it('inside an LMS at 320×568 the header is one row (Home, Save and exit, the languages) and leaves at least 85% of the frame to the content', async () => {
    const place = { screen: 'lesson' as const, module: manifest.modules[0].id, page: 1 };
    const opened = await openLms('2004', { 'cmi.suspend_data': encodeProgress({ ...createProgress(manifest), lang, atWelcome: false, place }, manifest) }, {}, { locale, viewport: { width: 320, height: 568 }, touch: true });
    session = opened.session;
    const { page, frame } = opened;
    await expect.poll(() => frame.locator('.prose').count()).toBe(1);
    const frameBox = (await page.locator('#course').boundingBox())!;
    await expectOneRowHeader(frame, [say(lang, (s) => s.app.home), say(lang, (s) => s.app.exit), 'Bahasa Indonesia', 'English'], frameBox);
    await expectAccessible(page, `header inside an LMS at 320 px (${lang})`);
    await expectClean(session);
  });
});

describe.each([
  { lang: 'id' as const, locale: 'id-ID', screen: PHONE },
  { lang: 'en' as const, locale: 'en-GB', screen: LAPTOP },
])('questions and numbers ($lang)', ({ lang, locale, screen }) => {
  it('shows the chosen option as selected (border and background), stems in normal weight, scores in the learner’s number format', async () => {
    session = await openBrowser({ locale, ...screen });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=${lang}`);
    await loadProgress(page, { ...createProgress(manifest), ...seasoned({ lang, ...atQuiz('01-welfare-mandate', 0, false) }) });
    const options = page.locator('.option');
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    const look = (n: number) => options.nth(n).evaluate((el) => ({ border: getComputedStyle(el).borderColor, background: getComputedStyle(el).backgroundColor, ring: getComputedStyle(el).boxShadow }));
    const before = await look(1);
    await options.nth(1).locator('input').check();
    const after = await look(1);
    expect(after.border).not.toBe(before.border);
    expect(after.background).not.toBe(before.background);
    expect(after.ring).not.toBe('none'); // a thicker border, not colour alone
    expect(await page.locator('.options legend').evaluate((el) => getComputedStyle(el).fontWeight)).toBe('400');
    await expectAccessible(page, `an option chosen (${lang})`);

    // A sort with one case placed right scores a share of an item: "7.3" in English, "7,3" in Indonesian.
    const sixth = manifest.modules[5];
    const items = drawModuleQuiz(sixth, 0);
    const answers = Object.fromEntries(items.map((item) => [item.id, [item.type === 'sort' ? item.answer[0] + wrong(item).slice(1) : item.answer]]));
    await loadProgress(page, seasoned({ lang, place: { screen: 'summary', module: sixth.id }, answers }));
    await expect.poll(() => page.locator('.score').count()).toBe(1);
    const { correct } = scoreItems(items, answers);
    expect(Number.isInteger(correct)).toBe(false);
    const written = String(correct).replace('.', lang === 'id' ? ',' : '.');
    expect(await page.locator('.score').textContent()).toContain(` ${written} `);
    await expectClean(session);
  });
});
