import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Lang } from '../../src/content/types.ts';
import { MAX_INTAKE_BYTES } from '../../src/results/learner-results.ts';
import { sampleMoodleReport } from '../moodle/moodle-report-sample.ts';
import { learnerResults, resultsBlockText, resultsFileText, syntheticLearner } from '../fixtures/cohort-results.ts';
import { trainerStrings } from '../ui-strings.ts';
import { expectAccessible, expectClean, LAPTOP, openBrowser, PHONE, type Session } from './browser.ts';
import { course } from './course-content.ts';
import { button, heading } from './journeys.ts';
import { overflow } from './phone-screens.ts';

let session: Session;
afterEach(() => session?.close());

const { manifest } = course;
const fill = (template: string, values: Record<string, string | number> = {}) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
const say = (lang: Lang, pick: (s: typeof trainerStrings.en.cohort) => string, values?: Record<string, string | number>) =>
  fill(pick(trainerStrings[lang].cohort as typeof trainerStrings.en.cohort), values);
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
const HOSTILE = '<img src=x onerror=alert(1)>';

// The class's files on disk, as a trainer's downloads folder holds them.
let dir: string;
let files: string[];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-'));
  const write = (name: string, text: string | Buffer) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
  files = [
    ...Array.from({ length: 25 }, (_, n) => write(`peserta-${n + 1}.json`, resultsFileText(manifest, syntheticLearner(manifest, n)))),
    write('broken.json', resultsFileText(manifest, syntheticLearner(manifest, 30)).slice(0, 200)),
    write('hostile.json', resultsFileText(manifest, learnerResults(manifest, HOSTILE, { [manifest.modules[0].items[0].code]: { first: manifest.modules[0].items[0].answer } }))),
    write('huge.json', Buffer.alloc(MAX_INTAKE_BYTES + 1, 32)),
  ];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the cohort view', () => {
  it('a trainer brings in 28 files and a chat export, reads the tables, downloads CSV and prints, in both languages', async () => {
    session = await openBrowser({ locale: 'en-GB', ...LAPTOP });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?lang=en`);
    await page.getByRole('contentinfo').getByRole('link', { name: trainerStrings.en.cohort.title }).click();
    await expect.poll(() => heading(page).textContent()).toBe(say('en', (s) => s.heading));
    await expectAccessible(page, 'cohort, empty');

    await page.getByLabel(say('en', (s) => s.drop)).setInputFiles(files);
    await expect.poll(() => page.getByRole('status').textContent()).toBe(say('en', (s) => s.loaded_other, { count: 26 }));
    const skipped = page.getByRole('alert').getByRole('listitem');
    expect(await skipped.allTextContents()).toEqual([
      say('en', (s) => s.skipped, { name: 'broken.json', reason: say('en', (s) => s.problems.damaged) }),
      say('en', (s) => s.skipped, { name: 'huge.json', reason: say('en', (s) => s.problems.tooLarge) }),
    ]);
    await expect.poll(() => page.getByRole('rowheader', { name: HOSTILE, exact: true }).count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);

    // A whole chat export pasted: two blocks among the messages.
    const chat = [
      '05/12/26 08.00 - Pelatih: Tolong kirim hasil kalian',
      `05/12/26 08.10 - Dewi: ${resultsBlockText(manifest, syntheticLearner(manifest, 40, 'Dewi'))}`,
      `05/12/26 08.12 - Eko: ${resultsBlockText(manifest, syntheticLearner(manifest, 41, 'Eko'))}`,
    ].join('\n');
    await page.getByLabel(say('en', (s) => s.paste)).fill(chat);
    await button(page, say('en', (s) => s.readPaste)).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(say('en', (s) => s.loaded_other, { count: 28 }));

    const learners = page.getByRole('table', { name: say('en', (s) => s.learners) });
    expect(await learners.getByRole('row').count()).toBe(1 + 28);
    const levels = page.getByRole('table', { name: say('en', (s) => s.levels) });
    expect(await levels.getByRole('row').count()).toBe(4);
    expect(await levels.getByRole('cell').first().textContent()).toMatch(/^\d+ \(\d+%\)$/);
    const items = page.getByRole('table', { name: say('en', (s) => s.items) });
    const itemCount = manifest.modules.reduce((n, m) => n + m.items.length, 0);
    expect(await items.getByRole('row').count()).toBe(1 + itemCount);
    await expectAccessible(page, 'cohort, loaded');

    // A click on a scenario opens it with its rationale.
    await items.getByRole('row').nth(1).getByRole('button').click();
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toMatch(/-heading$/);
    await expectAccessible(page, 'cohort, scenario open');

    // CSV: UTF-8 with a byte-order mark.
    const [download] = await Promise.all([page.waitForEvent('download'), items.locator('xpath=ancestor::section[1]').getByRole('button', { name: say('en', (s) => s.csv) }).click()]);
    expect(download.suggestedFilename()).toBe('class-scenarios.csv');
    const csv = fs.readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').split('\r\n')).toHaveLength(1 + itemCount + 1);

    for (const lang of ['en', 'id'] as const) {
      if (lang === 'id') {
        await button(page, 'Bahasa Indonesia').click();
        await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.heading));
        expect(await page.getByRole('table', { name: say('id', (s) => s.learners) }).getByRole('row').count()).toBe(1 + 28);
        await expectAccessible(page, 'cohort in Indonesian');
      }
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByLabel(say(lang, (s) => s.paste)).isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
      await page.emulateMedia({ media: 'screen' });
    }
    await expectClean(session);
  });

  it('reads Moodle interactions reports, and says what to do in Moodle for a 2004 report or one without question ids', async () => {
    const ids = Object.fromEntries(manifest.modules.flatMap((m) => m.items).map((item) => [item.code, item.id]));
    const report = path.join(dir, 'berdaya-interactions.txt');
    fs.writeFileSync(report, sampleMoodleReport(manifest, ids, { attempts: 6, interactions: 10, lang: 'id' }).text);
    const fixtures = ['scorm2004.txt', 'no-question-column.txt'].map((name) => path.resolve('tests/fixtures/moodle', name));
    for (const lang of ['id', 'en'] as const) {
      session = await openBrowser({ locale: lang === 'id' ? 'id-ID' : 'en-GB', ...LAPTOP });
      const { page } = session;
      await page.goto(`${inject('baseURL')}?view=cohort&lang=${lang}`);
      await page.getByLabel(say(lang, (s) => s.drop)).setInputFiles([report, ...fixtures]);
      // Six attempts of four learners (every third learner came back for a second attempt).
      await expect.poll(() => page.getByRole('status').textContent()).toBe(say(lang, (s) => s.loaded_other, { count: 4 }));
      const moodle = trainerStrings[lang].cohort.moodle;
      const howToTick = fill(moodle.howToTick, { report: moodle.report, question: moodle.optionQuestion, response: moodle.optionResponse, right: moodle.optionRightAnswer, result: moodle.optionResult });
      expect(await page.getByRole('alert').getByRole('listitem').allTextContents()).toEqual([
        `${say(lang, (s) => s.skipped, { name: 'scorm2004.txt', reason: say(lang, (s) => s.problems.moodleScorm2004) })} ${moodle.use12}`,
        `${say(lang, (s) => s.skipped, { name: 'no-question-column.txt', reason: say(lang, (s) => s.problems.moodleNoResponses) })} ${howToTick}`,
      ]);
      const learners = page.getByRole('table', { name: say(lang, (s) => s.learners) });
      expect(await learners.getByRole('rowheader').allTextContents()).toEqual(['Peserta 001', 'Peserta 002', 'Peserta 004', 'Peserta 005']);
      expect(await page.getByRole('table', { name: say(lang, (s) => s.items) }).getByRole('row').count()).toBeGreaterThan(1);
      await expectAccessible(page, `cohort from Moodle (${lang})`);
      await expectClean(session);
      await session.close();
    }
  });

  it('fits a 360 px phone: no sideways page scroll, the wide tables scroll in their own labelled region', async () => {
    session = await openBrowser({ locale: 'id-ID', ...PHONE });
    const { page } = session;
    await page.goto(`${inject('baseURL')}?view=cohort&lang=id`);
    await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.heading));
    await page.getByLabel(say('id', (s) => s.drop)).setInputFiles(files.slice(0, 10));
    await expect.poll(() => page.getByRole('status').textContent()).toBe(say('id', (s) => s.loaded_other, { count: 10 }));
    expect(await overflow(page)).toBeNull();
    const region = page.getByRole('region', { name: say('id', (s) => s.scrollRegion, { table: say('id', (t) => t.learners) }) });
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await region.getAttribute('tabindex')).toBe('0');
    await expectAccessible(page, 'cohort on a phone');
    await expectClean(session);
  });
});
