import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifest } from 'virtual:berdaya/course';
import itemIds from 'virtual:berdaya/item-ids';
import type { ItemSpec } from '../../src/content/types.ts';
import { createProgress } from '../../src/course/progress.ts';
import { MAX_INTAKE_BYTES, type LearnerResults } from '../../src/results/learner-results.ts';
import type { FoundApi } from '../../src/tracking/scorm/find-api.ts';
import { startScormTracker } from '../../src/tracking/scorm/scorm-tracker.ts';
import { detectDelimiter, readDelimited } from '../../src/trainer/delimited-text.ts';
import { cellText, parseMoodleDate } from '../../src/trainer/moodle-columns.ts';
import { looksLikeMoodleReport, MOODLE_HELP, readMoodleReport, responseFrom12 } from '../../src/trainer/moodle-report.ts';
import { trainerStrings } from '../ui-strings.ts';
import { sampleMoodleReport, storedInteractions, writeMoodleReport, response12, type MoodleLang } from '../moodle/moodle-report-sample.ts';
import { StrictLms } from '../scorm/strict-lms.ts';

const FIXTURES = path.resolve(__dirname, '../fixtures/moodle');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const FILE_DATE = new Date(Date.UTC(2025, 1, 1, 12));
const read = (name: string, text = fixture(name)) => readMoodleReport(text, name, manifest, FILE_DATE);

/** The browser's manifest knows items by code; the report names them by their authors' ids. */
const items = manifest.modules.flatMap((m) => m.items);
const codeOf = Object.fromEntries(Object.entries(itemIds).map(([code, id]) => [id, code]));
const item = (authorId: string) => items.find((i) => i.code === codeOf[authorId])!;
const code = (authorId: string) => item(authorId).code;
const same = (response: string) => ({ first: response, latest: response });
const byName = (learners: LearnerResults[], name: string) => learners.filter((l) => l.learner === name);

/** What Siti answered in the English, Indonesian and "missing optional columns" fixtures. */
const SITI = {
  [code('m1-preamble-goals')]: same('b'),
  [code('lvl-p2k2-family-finance')]: same('groupwork'),
  [code('str-posyandu-revival-residents-meeting')]: same('action'),
  [code('sort-m4-fishing-village-monsoon')]: same('0121'),
  [code('case-m5-hamlet-school-path')]: same('001'),
};

describe('Moodle Interactions report: SCORM 1.2 package', () => {
  it.each(['en-scorm12.txt', 'id-scorm12.txt'])('%s: one learner per user, answers mapped to the course by their ids', (name) => {
    const { learners, skipped } = read(name);
    expect(skipped).toEqual([]);
    expect(learners.map((l) => l.learner)).toEqual(['Siti Rahma', 'Dewi Lestari', 'Budi Santoso']);
    const [siti, dewi, budi] = learners;
    expect(siti).toEqual({
      learner: 'Siti Rahma', courseId: manifest.id, courseVersion: manifest.version,
      date: new Date(2025, 0, 14, 9, 48).toISOString(),
      responses: SITI, modules: {}, final: { score: 80, passed: true }, unknownItems: [], unknownModules: [], source: { kind: 'moodle', name },
    });
    // Not attempted: listed, with nothing answered and the file's date.
    expect(dewi).toMatchObject({ responses: {}, final: null, date: FILE_DATE.toISOString(), unknownItems: [] });
    // Packages made before readable ids named answers q_<item code>: both import.
    expect(budi.responses).toEqual({ [code('lvl-p2k2-family-finance')]: same('casework'), [code('m1-preamble-goals')]: same('c') });
    expect(budi.final).toBeNull();
    expect(budi.date).toBe(new Date(2025, 0, 15, 14, 2).toISOString());
  });

  it('reads the English and Indonesian interfaces alike', () => {
    const strip = (l: LearnerResults) => ({ ...l, source: null });
    expect(read('id-scorm12.txt').learners.map(strip)).toEqual(read('en-scorm12.txt').learners.map(strip));
  });

  it('a report saved again as CSV by a spreadsheet: byte order mark, commas, CRLF, trailing empty columns', () => {
    const { learners, skipped } = read('bom-crlf.csv');
    expect(skipped).toEqual([]);
    expect(learners).toHaveLength(1);
    expect(learners[0].learner).toBe('Siti Rahma');
    expect(learners[0].responses).toEqual({ [code('m1-preamble-goals')]: same('b'), [code('lvl-p2k2-family-finance')]: same('groupwork') });
    expect(learners[0].final).toEqual({ score: 80, passed: true });
  });

  it('quoted fields with commas, quotes, tabs and line breaks keep every later column in place', () => {
    const { learners } = read('quoted.txt');
    expect(learners.map((l) => l.learner)).toEqual(['Rahma, Siti "Iti"', '<img src=x onerror=alert(1)>', '@joko']);
    const [rahma, hostile, joko] = learners;
    // The free-text answer of an interaction that is not this course's is named, not dropped silently.
    expect(rahma.unknownItems).toEqual(['feedback_free_text']);
    expect(rahma.responses).toEqual({ [code('m1-preamble-goals')]: same('b'), [code('lvl-p2k2-family-finance')]: same('systemic') });
    // A name holding HTML stays text; newer Moodle's "'" before a leading @ is taken off.
    expect(hostile.responses).toEqual({ [code('m1-preamble-goals')]: same('c') });
    expect(joko.responses).toEqual({ [code('m1-preamble-goals')]: same('a') });
  });

  it('without the optional columns (identity, right answer, result) the answers are the same', () => {
    const { learners, skipped } = read('missing-optional.txt');
    expect(skipped).toEqual([]);
    expect(learners).toHaveLength(1);
    expect(learners[0].responses).toEqual(SITI);
  });

  it('several attempts: first from the earliest attempt, latest from the latest, wherever the answer sits in the row', () => {
    const { learners } = read('attempts.txt');
    // Two users share a name but not an email address: Moodle's two people stay two here.
    const [siti, other] = byName(learners, 'Siti Rahma');
    expect(learners).toHaveLength(2);
    expect(siti.responses).toEqual({
      [code('m1-preamble-goals')]: { first: 'a', latest: 'c' },
      [code('lvl-p2k2-family-finance')]: { first: 'casework', latest: 'groupwork' },
      [code('str-posyandu-revival-residents-meeting')]: same('locality'),
    });
    expect(siti.final).toEqual({ score: 90, passed: true });
    expect(siti.date).toBe(new Date(2025, 0, 16, 20, 41).toISOString());
    expect(other.responses).toEqual({ [code('m1-preamble-goals')]: same('d') });
    expect(other.final).toBeNull();
  });

  it('orders attempts by their number, not by the row order', () => {
    const [header, ...rows] = fixture('attempts.txt').trimEnd().split('\n');
    const shuffled = [header, rows[1], rows[2], rows[0]].join('\n');
    const [siti] = byName(read('attempts.txt', shuffled).learners, 'Siti Rahma');
    expect(siti.responses[code('m1-preamble-goals')]).toEqual({ first: 'a', latest: 'c' });
  });

  it('names ids the course no longer has, and items whose answer the course can no longer read (as a results file does)', () => {
    const text = writeMoodleReport([{
      name: 'Siti Rahma', email: 'siti@example.org',
      attempt: { number: 1, started: new Date(2025, 0, 14, 9), last: new Date(2025, 0, 14, 10), score: '0', sco: 'Incomplete' },
      interactions: [
        { id: 'm9_removed_scenario', response: 'a', right: ['a'], result: 'correct' },
        { id: 'm1_preamble_goals', response: 'z', right: ['c'], result: 'wrong' },
        { id: 'lvl_p2k2_family_finance', response: 'b', right: ['b'], result: 'correct' },
      ],
    }]);
    const [siti] = read('removed.txt', text).learners;
    expect(siti.unknownItems).toEqual(['m9_removed_scenario', 'm1_preamble_goals']);
    expect(siti.responses).toEqual({ [code('lvl-p2k2-family-finance')]: same('groupwork') });
  });
});

describe('Moodle Interactions report: files that cannot give the class picture', () => {
  it.each([
    ['scorm2004.txt', 'moodleScorm2004'],
    ['no-question-column.txt', 'moodleNoResponses'],
    ['other-package.txt', 'moodleOtherPackage'],
    ['unknown-columns.csv', 'unknownColumns'],
  ] as const)('%s is skipped: %s', (name, problem) => {
    expect(read(name)).toEqual({ learners: [], skipped: [{ name, problem }] });
  });

  it('a report with only the question ids (responses unticked) asks for the boxes too', () => {
    const text = writeMoodleReport([{ name: 'Siti Rahma', attempt: { number: 1, started: new Date(), last: new Date(), score: '0', sco: 'Incomplete' }, interactions: [{ id: 'm1_preamble_goals', response: 'b', right: ['c'], result: 'wrong' }] }], { ticked: { response: false, right: false, result: false } });
    expect(read('questions-only.txt', text).skipped).toEqual([{ name: 'questions-only.txt', problem: 'moodleNoResponses' }]);
  });

  it('a 2004 report with only the default column ticked is still told to use the 1.2 package', () => {
    const text = writeMoodleReport([{ name: 'Siti Rahma', attempt: { number: 1, started: new Date(), last: new Date(), score: '80', sco: 'Passed' }, interactions: [] }], { groups: 1, ticked: { question: false, right: false, result: false } });
    expect(read('2004-default.txt', text).skipped[0].problem).toBe('moodleScorm2004');
  });

  it('a class where nobody has started yet is empty', () => {
    // Moodle writes interaction columns only once someone has answered.
    const text = writeMoodleReport([{ name: 'Dewi Lestari', attempt: null, interactions: [] }]);
    expect(read('nobody.txt', text).skipped[0].problem).toBe('empty');
    const withGroups = writeMoodleReport([{ name: 'Dewi Lestari', attempt: null, interactions: [] }], { groups: 2 });
    expect(read('nobody.txt', withGroups).skipped[0].problem).toBe('empty');
  });

  it.each([
    ['an empty file', 'empty.txt', '', 'empty'],
    ['only a byte order mark and blank lines', 'blank.txt', '\ufeff\n\r\n  \n', 'empty'],
    ["Moodle's Excel download (a zip)", 'report.xlsx', 'PK\u0003\u0004\u0014\u0000\u0006\u0000', 'notResults'],
    ['an old binary Excel file read as text', 'report.bin', '\ufffd\ufffd\u0011\ufffd\u0000\u0000\u0000\u0000', 'notResults'],
    ["Moodle's ODS download, by its name", 'report.ods', 'PK\u0003\u0004mimetypeapplication/vnd.oasis.opendocument.spreadsheet', 'notResults'],
    ['one line of prose', 'note.txt', 'Terima kasih untuk kelasnya hari ini', 'notResults'],
  ] as const)('%s', (_, name, text, problem) => {
    expect(readMoodleReport(text, name, manifest)).toEqual({ learners: [], skipped: [{ name, problem }] });
  });

  it('refuses text over the intake limit before reading it', () => {
    const text = fixture('en-scorm12.txt').padEnd(MAX_INTAKE_BYTES + 1, '\n');
    expect(read('huge.txt', text).skipped).toEqual([{ name: 'huge.txt', problem: 'tooLarge' }]);
  });
});

describe('Moodle Interactions report: headers', () => {
  it('match whatever the case and spacing', () => {
    const text = fixture('en-scorm12.txt').replace(/^[^\n]*/, (header) => header.replace(/Question (\d+)/g, '  QUESTION   $1 ').replace(/Name/, 'NAME'));
    expect(read('caps.txt', text).learners[0].responses).toEqual(SITI);
  });

  it('columns in a wording not known yet are placed by their number and values', () => {
    // Another interface language: ids of this course make a question column, correct/wrong a result column.
    const text = fixture('en-scorm12.txt').replace(/^[^\n]*/, (header) =>
      header.replace(/Question (\d+)/g, 'Frage $1').replace(/Response (\d+)/g, 'Antwort $1').replace(/Result (\d+)/g, 'Ergebnis $1'));
    expect(read('de.txt', text).learners[0].responses).toEqual(SITI);
  });

  it('a SCO titled with a number does not pass for an interaction column', () => {
    const text = writeMoodleReport([{ name: 'Siti Rahma', attempt: { number: 1, started: new Date(), last: new Date(), score: '50', sco: '50/100' }, interactions: [{ id: 'm1_preamble_goals', response: 'b', right: ['c'], result: 'wrong' }] }], { scos: ['Berdaya 0'] });
    expect(read('sco.txt', text).learners[0]).toMatchObject({ responses: { [code('m1-preamble-goals')]: same('b') }, final: { score: 50, passed: false } });
  });
});

describe('routing a file', () => {
  it.each(fs.readdirSync(FIXTURES).filter((f) => /\.(txt|csv)$/.test(f)))('%s goes to the Moodle reader', (name) => {
    expect(looksLikeMoodleReport(fixture(name))).toBe(true);
  });

  it.each([
    ['JSON', '{"course":"berdaya","learner":"Siti","a":1,"b":2}\n'],
    ['prose with commas on one line', 'Halo, Bu, ini hasil saya'],
    ['a chat line', '07/12/26 09.15 - Siti: Halo bu\n07/12/26 09.16 - Budi: ok'],
    ['nothing', ''],
  ])('%s does not', (_, text) => {
    expect(looksLikeMoodleReport(text)).toBe(false);
  });
});

describe('round trip through the SCORM 1.2 tracker', () => {
  /** First and latest answers to one item of each kind (a case also answered part-way). */
  const pick = (type: ItemSpec['type']) => items.find((i) => i.type === type)!;
  const ANSWERS: [ItemSpec, string[]][] = [
    [pick('choice'), ['a', pick('choice').answer]],
    [pick('classify-level'), ['systemic', 'casework']],
    [pick('classify-strategy'), ['planning']],
    [pick('sort'), ['0'.repeat(pick('sort').parts!.length), pick('sort').answer]],
    [pick('case'), ['2', pick('case').answer]],
  ];

  function track(answers: [ItemSpec, string][]) {
    const lms = new StrictLms('1.2', { data: { 'cmi.core.student_id': 'learner-7', 'cmi.core.lesson_status': 'not attempted', 'cmi.core.entry': 'ab-initio' } });
    const tracker = startScormTracker({ version: lms.version, api: lms.api } as unknown as FoundApi, manifest);
    for (const [i, response] of answers) tracker.answered({ item: i, response, correct: response === i.answer, name: itemIds[i.code] });
    tracker.record({ ...createProgress(manifest), atWelcome: false });
    expect(tracker.finish().ok).toBe(true);
    return storedInteractions(lms.committed);
  }

  it.each(['en', 'id'] as MoodleLang[])('what the tracker wrote, downloaded from a %s Moodle, reads back as the same responses', (lang) => {
    // Two attempts: the first answers of each item, then (in a new attempt) the latest.
    const first = track(ANSWERS.map(([i, [r]]) => [i, r]));
    const latest = track(ANSWERS.map(([i, r]) => [i, r.at(-1)!]).reverse() as [ItemSpec, string][]);
    const attempt = (number: number) => ({ number, started: new Date(2025, 0, number, 9), last: new Date(2025, 0, number, 10), score: '0', sco: 'Incomplete' });
    const text = writeMoodleReport([
      { name: 'Siti Rahma', email: 'siti@example.org', attempt: attempt(1), interactions: first },
      { name: 'Siti Rahma', email: 'siti@example.org', attempt: attempt(2), interactions: latest },
    ], { lang });
    const { learners, skipped } = readMoodleReport(text, 'report.txt', manifest);
    expect(skipped).toEqual([]);
    expect(learners).toHaveLength(1);
    expect(learners[0].responses).toEqual(Object.fromEntries(ANSWERS.map(([i, r]) => [i.id, { first: r[0], latest: r.at(-1) }])));
    expect(learners[0].unknownItems).toEqual([]);
  });

  it('the sample writer encodes responses exactly as the tracker does', () => {
    const written = track(ANSWERS.flatMap(([i, rs]) => rs.map((r) => [i, r] as [ItemSpec, string])));
    expect(written.map((w) => w.response)).toEqual(ANSWERS.flatMap(([i, rs]) => rs.map((r) => response12(i, r))));
    expect(written.map((w) => w.id)).toEqual(ANSWERS.flatMap(([i, rs]) => rs.map(() => itemIds[i.code].replace(/-/g, '_'))));
  });

  it('every response any item can have survives the 1.2 encoding', () => {
    for (const i of items) {
      const responses = i.parts ? [i.answer, '0'.repeat(i.parts.length), i.answer.replace(/./g, (c) => String((Number(c) + 1) % 3))] : i.options;
      for (const r of responses) expect(responseFrom12(i, response12(i, r)), `${i.code} ${r}`).toBe(r);
    }
  });
});

describe('a class-sized sample report', () => {
  it.each([
    ['authors’ ids', false],
    ['q_<code> ids', true],
  ] as const)('300 attempts × 60 interactions with %s read back as the answers put in', (_, codeIds) => {
    const { text, put } = sampleMoodleReport(manifest, itemIds, { attempts: 300, interactions: 60, codeIds });
    const { learners, skipped } = readMoodleReport(text, 'class.txt', manifest);
    expect(skipped).toEqual([]);
    expect(learners).toHaveLength(Object.keys(put).length);
    for (const l of learners) {
      expect(l.responses).toEqual(Object.fromEntries(Object.entries(put[l.learner]).map(([id, r]) => [id, { first: r[0], latest: r.at(-1) }])));
    }
  });
});

describe('delimited text and cells', () => {
  it('reads quoted fields, doubled quotes, CRLF and CR line ends, and a field left open at the end', () => {
    const text = '\ufeffa\t"b\tc"\t"say ""hi"""\r\n1\t"two\r\nlines"\t3\r4\t5\t"open';
    expect(detectDelimiter(text)).toBe('\t');
    expect(readDelimited(text, '\t')).toEqual([['a', 'b\tc', 'say "hi"'], ['1', 'two\r\nlines', '3'], ['4', '5', 'open']]);
  });

  it('picks the separator of the header line, ignoring those inside quotes', () => {
    expect(detectDelimiter('"a,b,c";d;e\n')).toBe(';');
    expect(detectDelimiter('Name,Score\n')).toBe(',');
    expect(detectDelimiter('just words')).toBeNull();
  });

  it("decodes Moodle's HTML escaping once and never more", () => {
    expect(cellText('Tom &amp; Jerry &lt;b&gt; &quot;x&quot; o&#039;brien &#x41;')).toBe('Tom & Jerry <b> "x" o\'brien A');
    expect(cellText('&amp;lt;')).toBe('&lt;');
    expect(cellText("'=1+1")).toBe('=1+1');
    expect(cellText("'-")).toBe('-');
    expect(cellText('-')).toBe('-');
  });

  it.each([
    ['Tuesday, 14 January 2025, 9:05 AM', new Date(2025, 0, 14, 9, 5)],
    ['Tuesday, 14 January 2025, 12:30 PM', new Date(2025, 0, 14, 12, 30)],
    ['Tuesday, 14 January 2025, 12:10 AM', new Date(2025, 0, 14, 0, 10)],
    ['Selasa, 14 Januari 2025, 09:05', new Date(2025, 0, 14, 9, 5)],
    ['Kamis, 16 Agustus 2025, 21.40', new Date(2025, 7, 16, 21, 40)],
    ['2025-01-14 09:05', new Date(2025, 0, 14, 9, 5)],
  ])('reads the date %s', (text, date) => {
    expect(parseMoodleDate(text)).toEqual(date);
  });

  it.each(['-', '', 'Not attempted', '31 February 2025, 10:00', 'Selasa, 14 Brumaire 2025, 09:05'])('%s is no date', (text) => {
    expect(parseMoodleDate(text)).toBeNull();
  });
});

describe("what the trainer is told to do, in Moodle's words", () => {
  it.each(['id', 'en'] as const)('%s: the options to tick, as Moodle names them, in one sentence', (lang) => {
    const strings = trainerStrings[lang] as unknown as Record<string, unknown>;
    const at = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], strings) as string;
    const values = Object.fromEntries(Object.entries(MOODLE_HELP.howToTickValues).map(([k, key]) => [k, at(key)]));
    const names = lang === 'id' ? ['Ringkasan soal', 'Ringkasan jawaban'] : ['Summary of question', 'Summary of responses'];
    expect([values.question, values.response]).toEqual(names);
    const sentence = at(MOODLE_HELP.moodleNoResponses).replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k]);
    for (const name of names) expect(sentence).toContain(`“${name}”`);
    expect(at(MOODLE_HELP.moodleScorm2004)).toContain('berdaya-scorm12.zip');
  });
});
