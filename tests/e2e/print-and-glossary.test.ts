import { afterEach, describe, expect, inject, it } from 'vitest';
import { certificateCode } from '../../src/course/certificate-code.ts';
import { FINAL } from '../../src/course/final-assessment.ts';
import { expectAccessible, expectClean, LAPTOP, openBrowser, PHONE, type Session } from './browser.ts';
import { course, htmlText, say, titles } from './course-content.ts';
import { button, heading } from './journeys.ts';
import { atSummary, loadProgress, seasoned } from './phone-screens.ts';

const { manifest } = course;
let session: Session;
afterEach(() => session?.close());

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
const setups = [
  { lang: 'id' as const, locale: 'id-ID', screen: PHONE },
  { lang: 'en' as const, locale: 'en-GB', screen: LAPTOP },
];

describe.each(setups)('certificate and notes on paper ($lang)', ({ lang, locale, screen }) => {
  it('prints the certificate alone on one page, A4 and Letter, portrait and landscape, with everything it must say', async () => {
    session = await openBrowser({ locale, ...screen });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=${lang}`);
    const progress = seasoned({ lang, ...atSummary(FINAL) });
    await loadProgress(page, progress);
    await button(page, say(lang, (s) => s.result.certificate)).click();
    await expect.poll(() => heading(page).textContent()).toBe(say(lang, (s) => s.certificate.heading));
    await page.getByRole('textbox').fill('Maria Goreti Ndapa Lawa Woda Kusumaningrum');
    const certificate = page.getByRole('region', { name: say(lang, (s) => s.certificate.title) });
    const text = (await certificate.textContent())!;
    const hours = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(manifest.modules.reduce((n, m) => n + m.minutes, 0) / 60);
    for (const part of [
      'Maria Goreti Ndapa Lawa Woda Kusumaningrum', titles[lang].title, course.welcome[lang].issuer,
      say(lang, (s) => s.certificate.hoursValue, { hours }), say(lang, (s) => s.certificate.scoreValue, { score: 80 }),
      certificateCode(manifest, { ...progress, lang }),
      lang === 'id' ? '14 Maret 2026' : 'March 14, 2026', // the day it was passed, not the day it is printed
    ]) expect(text).toContain(part);
    await expectAccessible(page, `certificate (${lang})`);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('textbox').isVisible()).toBe(false); // no form on the paper
    expect((await heading(page).boundingBox())!.height).toBeLessThanOrEqual(1); // off the paper, still the page's heading
    expect(await certificate.isVisible()).toBe(true);
    for (const format of ['A4', 'Letter']) {
      for (const landscape of [false, true]) {
        const pdf = await page.pdf({ format, landscape, printBackground: true });
        expect(pageCount(pdf), `${format}${landscape ? ' landscape' : ''}`).toBe(1);
      }
    }
    await expectClean(session);
  });

  it('opens the facilitator notes at the learner’s module, with contents, and prints one module alone', async () => {
    session = await openBrowser({ locale, ...screen });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=${lang}`);
    await loadProgress(page, seasoned({ lang, place: { screen: 'lesson', module: manifest.modules[3].id, page: 1 } }));
    await button(page, say(lang, (s) => s.reference.facilitator)).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/notes/04');
    const moduleFour = page.getByRole('heading', { level: 2, name: `${say(lang, (s) => s.welcome.moduleNumber, { number: 4 })}: ${titles[lang].modules[manifest.modules[3].id]}` });
    await expect.poll(() => moduleFour.evaluate((el) => el.getBoundingClientRect().top < innerHeight && el.getBoundingClientRect().bottom > 0)).toBe(true);
    expect(await page.getByRole('navigation', { name: say(lang, (s) => s.facilitator.contents) }).getByRole('link').count()).toBe(manifest.modules.length);
    await expectAccessible(page, `facilitator notes (${lang})`);

    // Printing all: no nearly empty first page (module 1 starts on it), one module a page or two.
    await page.emulateMedia({ media: 'print' });
    const all = await page.pdf({ format: 'A4' });
    expect(pageCount(all)).toBeLessThanOrEqual(manifest.modules.length * 2);
    const firstPageHasModuleOne = await page.locator('section.facilitator-notes').first().evaluate((el) => el.getBoundingClientRect().top < 1000);
    expect(firstPageHasModuleOne).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await page.evaluate(() => (window.print = () => undefined)); // the print dialog itself is the browser's
    await button(page, say(lang, (s) => s.facilitator.printModule, { number: 4 })).click();
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('section.facilitator-notes').filter({ visible: true }).count()).toBe(1);
    expect(await moduleFour.isVisible()).toBe(true);
    expect(await heading(page).isVisible()).toBe(false);
    await expectClean(session);
  });
});

describe.each(setups)('glossary ($lang)', ({ lang, locale, screen }) => {
  it('lists terms by their visible words in the language’s order, with no Markdown, an A–Z jump and a search', async () => {
    session = await openBrowser({ locale, ...screen });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=${lang}#/glossary`);
    await expect.poll(() => page.getByRole('term').count()).toBe(course.glossary[lang].length);
    const terms = await page.getByRole('term').allTextContents();
    expect(terms.join(' ')).not.toMatch(/[*_]/);
    expect(terms).toEqual([...terms].sort(new Intl.Collator(lang, { sensitivity: 'base' }).compare));
    expect(terms).toEqual(course.glossary[lang].map((e) => htmlText(e.term)));
    const jump = page.getByRole('navigation', { name: say(lang, (s) => s.glossary.jump) });
    expect(await jump.getByRole('link').allTextContents()).toEqual([...new Set(terms.map((t) => t[0].toLocaleUpperCase(lang)))]);
    await expectAccessible(page, `glossary (${lang})`);

    await page.getByRole('searchbox', { name: say(lang, (s) => s.glossary.search) }).fill('casework');
    await expect.poll(() => page.getByRole('term').count()).toBeLessThan(terms.length);
    for (const term of await page.getByRole('term').all()) {
      expect((await term.locator('xpath=..').textContent())!.toLowerCase()).toContain('casework');
    }
    await expectClean(session);
  });

  it('opens a word’s card right next to the word', async () => {
    session = await openBrowser({ locale, ...screen });
    const { page } = session;
    // The first lesson page with a glossary link.
    const found = manifest.modules.flatMap((m) => course.texts[m.id][lang].pages.map((p, i) => ({ m, i, html: p.html }))).find((p) => p.html.includes('class="term"'))!;
    await page.goto(`${inject('baseURL')}?lang=${lang}#/m/${String(found.m.number).padStart(2, '0')}/p/${found.i + 1}`);
    const link = page.locator('a.term').first();
    await expect.poll(() => link.count()).toBe(1);
    await link.click();
    const card = page.getByRole('dialog');
    await expect.poll(() => card.count()).toBe(1);
    const [linkBox, cardBox] = [(await link.boundingBox())!, (await card.boundingBox())!];
    expect(cardBox.y).toBeGreaterThan(linkBox.y);
    // Right after the paragraph (or list) holding the word, before the rest of the page.
    expect(await card.evaluate((el) => el.parentElement!.previousElementSibling!.contains(document.querySelector('a.term')))).toBe(true);
    const blockBottom = await link.evaluate((el) => el.closest('.prose > *')!.getBoundingClientRect().bottom);
    expect(cardBox.y - blockBottom).toBeLessThan(40);
    await expectAccessible(page, `term card (${lang})`);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    await expectClean(session);
  });
});
