import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import type { CourseManifest, ItemSpec } from '../../src/content/types.ts';
import { courseModules, FINAL } from '../../src/course/final-assessment.ts';
import { createProgress, MAX_ATTEMPTS, type Progress } from '../../src/course/progress.ts';
import type { LearnerResults } from '../../src/results/learner-results.ts';
import {
  decodeResults, findResultBlocks, makeResults, MAX_BLOCK_CHARS, MAX_NAME_LENGTH, readResults, resultsBlock, resultsFileName, resultsFileText,
} from '../../src/results/results-format.ts';
import { shortId } from '../../src/course/short-id.ts';
import { createProgressFile } from '../../src/tracking/progress-file.ts';
import { fixtureCourse } from './fixture-course.ts';

const { manifest } = fixtureCourse();
const course = compileContent(path.resolve('lessons')).manifest;
const when = new Date('2026-12-07T14:03:27.500Z');

const learnerProgress: Progress = {
  ...createProgress(manifest),
  answers: { 'fx-home-visit': ['groupwork', 'systemic', 'casework'], 'fx-concept': ['b'] },
  modules: { alpha: { score: 50, best: 100, round: 2 }, [FINAL]: { best: 80 } },
  final: { score: 80, passed: true, at: 29_420_000 },
};

/** What the trainer should read from a learner's record: first and latest answers, best scores, the final. */
const expected = (progress: Progress, course: CourseManifest, learner: string, kind: 'file' | 'text', name: string): LearnerResults => ({
  learner,
  courseId: course.id,
  courseVersion: course.version,
  date: new Date(Math.floor(when.getTime() / 60_000) * 60_000).toISOString(),
  responses: Object.fromEntries(Object.entries(progress.answers).map(([id, a]) => [id, { first: a[0], latest: a.at(-1)! }])),
  modules: Object.fromEntries(course.modules.flatMap((m) => (progress.modules[m.id]?.best === undefined ? [] : [[m.id, progress.modules[m.id].best!]]))),
  final: progress.final && { score: progress.final.score, passed: progress.final.passed },
  unknownItems: [],
  unknownModules: [],
  source: { kind, name },
});

const block = (progress: Progress, learner = 'Siti Aminah', c: CourseManifest = manifest) => resultsBlock(makeResults(progress, c, learner, when), c);
const file = (progress: Progress, learner = 'Siti Aminah', c: CourseManifest = manifest) => resultsFileText(makeResults(progress, c, learner, when));

describe('results file and text block', () => {
  it('hold the first and latest answer per item, best module scores and the final, by id and number only', () => {
    const results = makeResults(learnerProgress, manifest, '  Siti   Aminah ', when);
    expect(results).toMatchObject({
      format: 'berdaya-results', v: 1, course: 'fixture', courseVersion: '1.0.0', learner: 'Siti Aminah', date: '2026-12-07T14:03:00.000Z',
      responses: { oqmk3: { first: 'groupwork', latest: 'casework' }, '3rzga': { first: 'b', latest: 'b' } },
      modules: { alpha: 100 },
      final: { score: 80, passed: true },
    });
    expect(resultsFileText(results)).not.toMatch(/home visit|Module|Modul/);
    expect(resultsFileName(results)).toBe('fixture-results-siti-aminah-2026-12-07.json');
  });

  it('round-trip through the file and through the text block', () => {
    expect(decodeResults(file(learnerProgress), 'siti.json', manifest)).toEqual({ learner: expected(learnerProgress, manifest, 'Siti Aminah', 'file', 'siti.json') });
    const text = block(learnerProgress);
    expect(text.split('\n')[0]).toBe('BERDAYA-HASIL v1 fixture 1.0.0');
    expect(text).toMatch(/\nBERDAYA-HASIL-SELESAI [0-9a-z]{7}$/);
    expect(decodeResults(text, 'chat', manifest)).toEqual({ learner: expected(learnerProgress, manifest, 'Siti Aminah', 'text', 'chat') });
  });

  it('round-trip any Progress record of the real course, sorts and cases included, and the block stays within one chat message (property)', () => {
    const items = course.modules.flatMap((m) => m.items);
    const response = (item: ItemSpec) =>
      item.parts
        ? fc.tuple(...item.parts.map((p) => fc.integer({ min: 0, max: p.options.length - 1 })))
          .chain((picked) => fc.integer({ min: item.type === 'case' ? 1 : picked.length, max: picked.length }).map((n) => picked.slice(0, n).map((i) => i.toString(36)).join('')))
        : fc.constantFrom(...item.options);
    const progress = fc.record({
      answers: fc.uniqueArray(fc.constantFrom(...items), { selector: (i) => i.id }).chain((picked) =>
        fc.record(Object.fromEntries(picked.map((i) => [i.id, fc.array(response(i), { minLength: 1, maxLength: MAX_ATTEMPTS })])))),
      modules: fc.record(Object.fromEntries(course.modules.map((m) => [m.id, fc.integer({ min: 0, max: 100 }).map((best) => ({ best }))])), { requiredKeys: [] }),
      final: fc.option(fc.record({ score: fc.integer({ min: 0, max: 100 }), passed: fc.boolean() }), { nil: null }),
    }).map((parts): Progress => ({ ...createProgress(course), ...parts, modules: parts.modules as Progress['modules'] }));
    const name = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: MAX_NAME_LENGTH }).filter((s) => /^\S(.*\S)?$/.test(s) && !/ {2}/.test(s));
    fc.assert(fc.property(progress, name, (p, learner) => {
      const text = block(p, learner, course);
      expect(text.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
      const hasAny = Object.keys(p.answers).length > 0 || Object.keys(p.modules).length > 0 || p.final !== null;
      const want = hasAny ? { learner: expected(p, course, learner, 'text', 'b') } : { problem: 'empty' };
      expect(decodeResults(text, 'b', course)).toEqual(want);
      expect(decodeResults(file(p, learner, course), 'f', course)).toEqual(hasAny ? { learner: expected(p, course, learner, 'file', 'f') } : want);
    }), { numRuns: 150 });
  });

  it('fit one chat message (1,500 characters) in the worst case: every item of the real course answered twice, differently, every module, the final, the longest name', () => {
    const items = courseModules(course).slice(0, course.modules.length).flatMap((m) => m.items);
    expect(items.length).toBeGreaterThanOrEqual(158);
    const answer = (item: ItemSpec, n: number) =>
      item.parts ? item.parts.map((p, k) => ((n + k) % p.options.length).toString(36)).join('') : item.options[n % item.options.length];
    const worst: Progress = {
      ...createProgress(course),
      answers: Object.fromEntries(items.map((i) => [i.id, [answer(i, 0), answer(i, 1)]])),
      modules: Object.fromEntries(course.modules.map((m) => [m.id, { best: 100 }])),
      final: { score: 100, passed: true },
    };
    // Every character of this name is written as %XX: the longest a name can make the block.
    const name = '#'.repeat(MAX_NAME_LENGTH);
    const text = block(worst, name, course);
    console.info(`worst-case results block: ${text.length} characters for ${items.length} items`);
    expect(text.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
    expect(decodeResults(text, 'worst', course)).toEqual({ learner: expected(worst, course, name, 'text', 'worst') });
  });

  it('keep a name in any script, accents and emoji included', () => {
    const name = 'Ni Luh Putu Ayu Wédari 😊 王秀英 (Kelas 2B)';
    expect(decodeResults(block(learnerProgress, name), 'chat', manifest)).toMatchObject({ learner: { learner: name } });
    expect(decodeResults(file(learnerProgress, name), 'f', manifest)).toMatchObject({ learner: { learner: name } });
  });

  it('use no characters chat apps turn into formatting, whatever the name', () => {
    const text = block(learnerProgress, '*Siti* _Aminah_ ~x~ `code`');
    expect(text).not.toMatch(/[*_~`]/);
    expect(decodeResults(text, 'chat', manifest)).toMatchObject({ learner: { learner: '*Siti* _Aminah_ ~x~ `code`' } });
  });
});

describe('the checksum', () => {
  it('catches any one changed character of the body', () => {
    const text = block(learnerProgress, 'Budi 7');
    const lines = text.split('\n');
    const bodyStart = lines[0].length + 1;
    const bodyEnd = text.length - lines.at(-1)!.length - 1;
    let changed = 0;
    for (let i = bodyStart; i < bodyEnd; i++) {
      if (/\s/.test(text[i])) continue;
      for (const other of ['0', 'a', 'z', '9', ';', ',', '.', '%', '+']) {
        if (other === text[i]) continue;
        changed++;
        expect(decodeResults(text.slice(0, i) + other + text.slice(i + 1), 'edited', manifest), `${i}: ${other}`).toEqual({ problem: 'damaged' });
      }
    }
    expect(changed).toBeGreaterThan(100);
  });

  it('covers the course version and the checksum line itself', () => {
    const text = block(learnerProgress);
    expect(decodeResults(text.replace('fixture 1.0.0', 'fixture 1.0.1'), 'x', manifest)).toEqual({ problem: 'damaged' });
    const check = text.slice(-7);
    const other = (check[0] === 'a' ? 'b' : 'a') + check.slice(1);
    expect(decodeResults(text.slice(0, -7) + other, 'x', manifest)).toEqual({ problem: 'damaged' });
  });

  it('makes a cut-short block damaged', () => {
    const text = block(learnerProgress);
    expect(decodeResults(text.slice(0, text.lastIndexOf('\n')), 'x', manifest)).toEqual({ problem: 'damaged' });
    expect(decodeResults(text.slice(0, 40), 'x', manifest)).toEqual({ problem: 'damaged' });
  });

  it('finds a hand-edited or cut-short results file damaged', () => {
    const text = file(learnerProgress);
    expect(decodeResults(text.replace('"score": 80', '"score": 100'), 'x.json', manifest)).toEqual({ problem: 'damaged' });
    expect(decodeResults(text.slice(0, text.length / 2), 'x.json', manifest)).toEqual({ problem: 'damaged' });
    expect(decodeResults(text.replace('"casework"', '42'), 'x.json', manifest)).toEqual({ problem: 'damaged' });
  });
});

describe('results files sent before', () => {
  // Written by the course as it was at 0209a05: the checksum is part of the format, so a file a
  // learner sent then must still read. Item codes of one length (any real file), and codes of
  // several lengths with commas (a file the course no longer knows the items of).
  const sent = [
    '{"format":"berdaya-results","v":1,"course":"berdaya","courseVersion":"0.1.0","learner":"Rina","date":"2026-11-01T10:00:00.000Z","final":null,"responses":{"zz9q1":{"first":"b","latest":"a"},"0a1b2":{"first":"a","latest":"a"},"k00x7":{"first":"c","latest":"c"}},"modules":{"m9-gone":40,"m1-old":80},"check":"0pixtw9"}',
    '{"format":"berdaya-results","v":1,"course":"berdaya","courseVersion":"0.1.0","learner":"Rina","date":"2026-11-01T10:00:00.000Z","final":null,"responses":{"ab,c":{"first":"d","latest":"e"},"ab":{"first":"c,d","latest":"e"},"zz9q1":{"first":"b","latest":"a"},"a":{"first":"","latest":""}},"modules":{"m-1":50,"m":20,"m,1":30},"check":"1g9tjhq"}',
  ];

  it('still read, with every item and module the course no longer has named', () => {
    const read = sent.map((text) => decodeResults(text, 'rina.json', course));
    expect(read.map((r) => ('learner' in r ? [r.learner.unknownItems, r.learner.unknownModules] : r))).toEqual([
      [['zz9q1', '0a1b2', 'k00x7'], ['m9-gone', 'm1-old']],
      [['ab,c', 'ab', 'zz9q1', 'a'], ['m-1', 'm', 'm,1']],
    ]);
  });

  it('are damaged when an answer was changed by hand', () => {
    expect(sent.map((text) => decodeResults(text.replace('"first":"b"', '"first":"c"'), 'rina.json', course))).toEqual([{ problem: 'damaged' }, { problem: 'damaged' }]);
  });
});

describe('chat text', () => {
  it('survives re-wrapping, joined lines and chat prefixes', () => {
    const text = block(learnerProgress);
    const body = text.split('\n').slice(1, -1).join('');
    const rewrapped = [text.split('\n')[0], ...(body.match(/.{1,17}/g) ?? []), text.split('\n').at(-1)].join('\n');
    const joined = text.replaceAll('\n', ' ');
    const quoted = text.split('\n').map((line) => `> ${line}`).join('\n');
    for (const variant of [rewrapped, joined, quoted, text.replaceAll('\n', '\r\n')]) {
      expect(decodeResults(variant, 'chat', manifest)).toEqual({ learner: expected(learnerProgress, manifest, 'Siti Aminah', 'text', 'chat') });
    }
  });

  it('finds every block in a pasted chat export and ignores the rest', () => {
    const siti = block(learnerProgress, 'Siti Aminah');
    const budi = block({ ...learnerProgress, final: null }, 'Budi');
    const wati = block({ ...createProgress(manifest), answers: { 'fx-beta-group': ['systemic'] } }, 'Wati 2B');
    const [first, ...rest] = budi.split('\n');
    const exported = [
      '[07/12/26 13.58] Pak Joko: Silakan kirim hasil kalian di sini ya',
      `\u200e[07/12/26 14.03] Siti: ${siti}`, // iOS: a multi-line message continues without a prefix
      '07/12/26, 14:05 - Budi: Ini punya saya',
      `07/12/26, 14:06 - Budi: ${first}`,
      ...rest.map((line) => line.match(/.{1,25}/g)!.join('\n')), // wrapped narrower by the phone
      '[07.12.26 14:09] Wati: ' + wati.split('\n').join('\n[07.12.26 14:09] Wati: '), // Telegram: a prefix on every line
      '07/12/26, 14:10 - Pak Joko: Terima kasih 👍 *semua* sudah kirim',
      'BERDAYA tidak ada hasil di sini',
    ].join('\n');
    const blocks = findResultBlocks(exported);
    expect(blocks).toHaveLength(3);
    const intake = readResults(exported, 'chat.txt', manifest);
    expect(intake.skipped).toEqual([]);
    expect(intake.learners.map((l) => [l.learner, l.source.name, l.final])).toEqual([
      ['Siti Aminah', 'chat.txt (1)', { score: 80, passed: true }],
      ['Budi', 'chat.txt (2)', null],
      ['Wati 2B', 'chat.txt (3)', null],
    ]);
    expect(intake.learners[2].responses).toEqual({ 'fx-beta-group': { first: 'systemic', latest: 'systemic' } });
  });

  it('names a cut-short block among good ones as damaged, and loads the rest', () => {
    const good = block(learnerProgress, 'Siti');
    const cut = block(learnerProgress, 'Budi').slice(0, 60);
    const intake = readResults(`${cut}\nhalo\n${good}`, 'paste', manifest);
    expect(intake.learners.map((l) => l.learner)).toEqual(['Siti']);
    expect(intake.skipped).toEqual([{ name: 'paste (1)', problem: 'damaged' }]);
  });
});

describe('what is not a results file of this course', () => {
  it('says which problem each source has', () => {
    const other = { ...manifest, id: 'another-course' };
    expect(decodeResults(block(learnerProgress, 'x', other), 'a', manifest)).toEqual({ problem: 'otherCourse' });
    expect(decodeResults(file(learnerProgress, 'x', other), 'a', manifest)).toEqual({ problem: 'otherCourse' });
    expect(decodeResults(block(learnerProgress).replace(' v1 ', ' v2 '), 'a', manifest)).toEqual({ problem: 'newerVersion' });
    expect(decodeResults(file(learnerProgress).replace('"v": 1', '"v": 2'), 'a', manifest)).toEqual({ problem: 'newerVersion' });
    expect(decodeResults('', 'a', manifest)).toEqual({ problem: 'empty' });
    expect(decodeResults(' \n\uFEFF', 'a', manifest)).toEqual({ problem: 'empty' });
    expect(decodeResults(block(createProgress(manifest)), 'a', manifest)).toEqual({ problem: 'empty' });
    for (const text of ['hello', '{"name": "x"}', '[1,2]', '{broken', 'Tab\tseparated\tcolumns']) {
      expect(decodeResults(text, 'a', manifest), text).toEqual({ problem: 'notResults' });
    }
    expect(readResults('just a chat, no results', 'chat.txt', manifest)).toEqual({ learners: [], skipped: [{ name: 'chat.txt', problem: 'notResults' }] });
  });

  it('keeps a name with HTML in it as plain text, on one line, cut to length', () => {
    const hostile = '<img src=x onerror=alert(1)>\n<b>Budi</b>';
    for (const text of [block(learnerProgress, hostile), file(learnerProgress, hostile)]) {
      const decoded = decodeResults(text, 'a', manifest);
      expect(decoded).toMatchObject({ learner: { learner: '<img src=x onerror=alert(1)> <b>Budi</b>' } });
    }
    const long = 'Nama'.repeat(100);
    expect(decodeResults(block(learnerProgress, long), 'a', manifest)).toMatchObject({ learner: { learner: long.slice(0, MAX_NAME_LENGTH) } });
  });

  it('names the items the current course no longer has, and keeps the rest', () => {
    const next: CourseManifest = { ...manifest, version: '2.0.0', modules: manifest.modules.map((m) => ({ ...m, items: m.items.filter((i) => i.id !== 'fx-concept') })) };
    for (const text of [block(learnerProgress), file(learnerProgress)]) {
      const decoded = decodeResults(text, 'a', next);
      expect(decoded).toMatchObject({ learner: { courseVersion: '1.0.0', unknownItems: ['3rzga'], responses: { 'fx-home-visit': { first: 'groupwork', latest: 'casework' } } } });
      expect('learner' in decoded && Object.keys(decoded.learner.responses)).toEqual(['fx-home-visit']);
    }
  });

  it('names the modules the current course no longer has, without counting their best scores', () => {
    const progress: Progress = { ...learnerProgress, modules: { ...learnerProgress.modules, beta: { best: 70 } } };
    const next: CourseManifest = { ...manifest, version: '2.0.0', modules: manifest.modules.filter((m) => m.id !== 'alpha') };
    expect(next.modules.map((m) => m.id)).toContain('beta');
    // A file names the module by its id; a text block carries only its code.
    for (const [text, named] of [[file(progress), 'alpha'], [block(progress), shortId('alpha')]] as const) {
      const decoded = decodeResults(text, 'a', next);
      expect(decoded).toMatchObject({ learner: { unknownModules: [named], modules: { beta: 70 } } });
      expect('learner' in decoded && Object.keys(decoded.learner.modules)).toEqual(['beta']);
    }
    // The current course reads both as before.
    expect(decodeResults(block(progress), 'a', manifest)).toMatchObject({ learner: { unknownModules: [], modules: { alpha: 100, beta: 70 } } });
  });

  it('reads a learner progress file too, named by its file name', () => {
    const decoded = decodeResults(createProgressFile(learnerProgress, manifest, when), 'budi-progress.json', manifest);
    expect(decoded).toEqual({ learner: expected(learnerProgress, manifest, 'budi-progress', 'file', 'budi-progress.json') });
    const tampered = createProgressFile(learnerProgress, manifest, when).replace('"check": "', '"check": "x');
    expect(decodeResults(tampered, 'p.json', manifest)).toEqual({ problem: 'damaged' });
  });
});

describe('the README', () => {
  it('shows a results file and a text block that the course reads, holding the same results', () => {
    const readme = fs.readFileSync(path.resolve('README.md'), 'utf8');
    const json = /```json\n(\{\n  "format": "berdaya-results"[\s\S]*?)```/.exec(readme)![1];
    const text = /```text\n(BERDAYA-HASIL v1[\s\S]*?)```/.exec(readme)![1];
    const fromFile = decodeResults(json, 'f', course);
    const fromText = decodeResults(text, 't', course);
    expect(fromFile).toMatchObject({ learner: { learner: 'Siti Aminah', date: '2026-12-07T14:03:00.000Z' } });
    // Five questions, read or (should the course drop one) named.
    expect('learner' in fromFile && Object.keys(fromFile.learner.responses).length + fromFile.learner.unknownItems.length).toBe(5);
    expect('learner' in fromText && { ...fromText.learner, source: null }).toEqual('learner' in fromFile && { ...fromFile.learner, source: null });
  });
});
