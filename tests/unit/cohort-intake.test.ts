import { manifest } from 'virtual:berdaya/course';
import { describe, expect, it, vi } from 'vitest';
import type { Intake, LearnerResults } from '../../src/results/learner-results.ts';
import { MAX_INTAKE_BYTES } from '../../src/results/learner-results.ts';
import { learnerKey, mergeLearners, readFiles, readPaste, type Readers, type SourceFile } from '../../src/trainer/cohort-intake.ts';
import { learnerResults } from '../fixtures/cohort-results.ts';

const [a, b, c] = manifest.modules[3].items;

/**
 * Small stand-in readers: "R:" + JSON is a results block, "BAD:<problem>" a bad one, a text starting
 * "MOODLE" a Moodle report (one learner per JSON line after it).
 */
const fakeReaders = (): Readers => ({
  decodeResults: (text, sourceName) => {
    const bad = /^BAD:(\w+)$/.exec(text.trim());
    if (bad) return { problem: bad[1] as 'damaged' };
    const m = /^R:(\{.*\})$/.exec(text.trim());
    return m ? { learner: { ...(JSON.parse(m[1]) as LearnerResults), source: { kind: 'file', name: sourceName } } } : { problem: 'notResults' };
  },
  findResultBlocks: (pasted) => pasted.match(/(R:\{.*\}|BAD:\w+)(?=\s*$)/gm)?.map((s) => s.trim()) ?? [],
  looksLikeMoodleReport: (text) => text.startsWith('MOODLE'),
  readMoodleReport: vi.fn((text: string, fileName: string): Intake => ({
    learners: text.split('\n').slice(1).map((line) => ({ ...(JSON.parse(line) as LearnerResults), source: { kind: 'moodle' as const, name: fileName } })),
    skipped: [],
  })),
});

const block = (r: LearnerResults) => `R:${JSON.stringify(r)}`;
const file = (name: string, text: string, extra: Partial<SourceFile> = {}): SourceFile => ({ name, size: text.length, lastModified: 1_700_000_000_000, text: async () => text, ...extra });
/** A file's bytes as a browser File streams them, chunk by chunk. */
const streamOf = (chunks: Uint8Array[]) => new ReadableStream<Uint8Array>({ pull: (c) => { const next = chunks.shift(); if (next) c.enqueue(next); else c.close(); } });
const ani = learnerResults(manifest, 'Ani', { [a.code]: { first: a.answer } });
const budi = learnerResults(manifest, 'Budi', { [b.code]: { first: b.answer } });

describe('bringing files in', () => {
  it('routes each file: results to the decoder, a Moodle report to its reader; bad ones are listed by name with the reason', async () => {
    const readers = fakeReaders();
    const intake = await readFiles(
      [file('ani.json', block(ani)), file('report.txt', `MOODLE\n${JSON.stringify(budi)}`), file('notes.txt', 'hello'), file('cut.txt', 'BAD:damaged'), file('blank.json', ' \n')],
      manifest,
      readers,
    );
    expect(intake.learners.map((l) => [l.learner, l.source])).toEqual([
      ['Ani', { kind: 'file', name: 'ani.json' }],
      ['Budi', { kind: 'moodle', name: 'report.txt' }],
    ]);
    expect(readers.readMoodleReport).toHaveBeenCalledWith(expect.stringMatching(/^MOODLE/), 'report.txt', manifest, 1_700_000_000_000);
    expect(intake.skipped).toEqual([
      { name: 'notes.txt', problem: 'notResults' },
      { name: 'cut.txt', problem: 'damaged' },
      { name: 'blank.json', problem: 'empty' },
    ]);
  });

  it('refuses a file over the size limit before reading it, where it cannot be streamed', async () => {
    const text = vi.fn(async () => block(ani));
    const intake = await readFiles([file('huge.json', '', { size: MAX_INTAKE_BYTES + 1, text }), file('ani.json', block(ani))], manifest, fakeReaders());
    expect(text).not.toHaveBeenCalled();
    expect(intake.skipped).toEqual([{ name: 'huge.json', problem: 'tooLarge' }]);
    expect(intake.learners).toHaveLength(1);
  });

  it('reads every block of a chat export saved as a file, naming each, and ignores the chat around them', async () => {
    const chat = `12/1/26, 09:00 - Trainer: send your results please\n12/1/26, 09:05 - Ani: ${block(ani)}\n12/1/26, 09:06 - Citra: BAD:damaged\n12/1/26, 09:07 - Budi: ${block(budi)}\n`;
    const intake = await readFiles([file('WhatsApp Chat.txt', chat)], manifest, fakeReaders());
    expect(intake.learners.map((l) => [l.learner, l.source.name])).toEqual([['Ani', 'WhatsApp Chat.txt (1)'], ['Budi', 'WhatsApp Chat.txt (3)']]);
    expect(intake.skipped).toEqual([{ name: 'WhatsApp Chat.txt (2)', problem: 'damaged' }]);
  });

  it('reads a file given as a stream (a browser File) as UTF-8, without asking its size or date', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${block(learnerResults(manifest, 'Ségolène Ñuñez', { [a.code]: { first: a.answer } }))}`);
    // Split inside the two-byte "é": the text is decoded across chunks.
    const at = bytes.indexOf(0xc3) + 1;
    const asked = vi.fn();
    const source = {
      name: 'segolene.json',
      get size() { asked('size'); return bytes.length; },
      get lastModified() { asked('lastModified'); return 0; },
      text: async () => { asked('text'); return ''; },
      stream: () => streamOf([bytes.slice(0, at), bytes.slice(at)]),
    };
    const intake = await readFiles([source], manifest, fakeReaders());
    expect(intake.learners.map((l) => l.learner)).toEqual(['Ségolène Ñuñez']);
    expect(asked).not.toHaveBeenCalled();
  });

  it('stops reading a streamed file once it passes the size limit, and lists it as too large', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let given = 0;
    const cancel = vi.fn();
    const huge: SourceFile = {
      name: 'huge.txt', size: 0, text: async () => '',
      stream: () => new ReadableStream<Uint8Array>({ pull: (c) => { given += chunk.length; c.enqueue(chunk); }, cancel }),
    };
    const intake = await readFiles([huge, file('ani.json', block(ani))], manifest, fakeReaders());
    expect(intake.skipped).toEqual([{ name: 'huge.txt', problem: 'tooLarge' }]);
    expect(intake.learners).toHaveLength(1);
    expect(cancel).toHaveBeenCalled();
    expect(given).toBeLessThanOrEqual(MAX_INTAKE_BYTES + 2 * chunk.length);
  });

  it('asks a Moodle report for its date (undated rows take it), and no other file', async () => {
    const dated = (name: string, text: string) => {
      const source = { ...file(name, text), lastModified: undefined as number | undefined, stream: () => streamOf([new TextEncoder().encode(text)]) };
      const asked = vi.fn(() => 1_700_000_000_000);
      Object.defineProperty(source, 'lastModified', { get: asked });
      return { source, asked };
    };
    const report = dated('report.txt', `MOODLE\n${JSON.stringify(budi)}`);
    const results = dated('ani.json', block(ani));
    const readers = fakeReaders();
    await readFiles([report.source, results.source], manifest, readers);
    expect(readers.readMoodleReport).toHaveBeenCalledWith(expect.stringMatching(/^MOODLE/), 'report.txt', manifest, 1_700_000_000_000);
    expect(report.asked).toHaveBeenCalled();
    expect(results.asked).not.toHaveBeenCalled();
  });

  it('a file that cannot be read is skipped as damaged', async () => {
    const intake = await readFiles([file('locked.json', '', { size: 10, text: () => Promise.reject(new Error('NotReadableError')) })], manifest, fakeReaders());
    expect(intake).toEqual({ learners: [], skipped: [{ name: 'locked.json', problem: 'damaged' }] });
  });
});

describe('pasting text', () => {
  it('finds every block in a pasted chat; the learners come from text', () => {
    const intake = readPaste(`Ani: ${block(ani)}\nok thanks\nBudi: ${block(budi)}`, 'Pasted text 1', manifest, fakeReaders());
    expect(intake.learners.map((l) => [l.learner, l.source.kind])).toEqual([['Ani', 'text'], ['Budi', 'text']]);
  });

  it('says what is wrong with a paste holding no block', () => {
    expect(readPaste('just chatting', 'Pasted text 2', manifest, fakeReaders()).skipped).toEqual([{ name: 'Pasted text 2', problem: 'notResults' }]);
  });
});

describe('merging a learner who appears twice', () => {
  it('matches names ignoring case and spacing', () => {
    expect(learnerKey('  Ani   Rahma ')).toBe(learnerKey('ANI rahma'));
    expect(learnerKey('Ani')).not.toBe(learnerKey('Ana'));
  });

  it('keeps the newest answers per item, the best module scores and final, and names every source', () => {
    const older = learnerResults(manifest, 'ani rahma', { [a.code]: { first: a.answer }, [b.code]: { first: 'x' } }, {
      date: '2026-11-01T08:00:00Z', modules: { m1: 90, m2: 40 }, final: { score: 85, passed: true }, unknownItems: ['OLD01'], unknownModules: ['m9'], source: { kind: 'moodle', name: 'moodle.txt' },
    });
    const newer = learnerResults(manifest, 'Ani  Rahma', { [b.code]: { first: b.answer }, [c.code]: { first: c.answer } }, {
      date: '2026-11-20T08:00:00Z', modules: { m1: 70, m2: 60 }, final: { score: 60, passed: false }, unknownItems: ['OLD02'], unknownModules: ['m9', 'x1y2z'], source: { kind: 'file', name: 'a.json' },
    });
    const other = learnerResults(manifest, 'Budi', {});
    const merged = mergeLearners([newer, other, older]);
    expect(merged).toHaveLength(2);
    const ani = merged[0];
    expect(ani.learner).toBe('Ani  Rahma');
    expect(ani.sources.map((s) => s.name)).toEqual(['moodle.txt', 'a.json']);
    expect(ani.responses).toEqual({ [a.code]: { first: a.answer, latest: a.answer }, [b.code]: { first: b.answer, latest: b.answer }, [c.code]: { first: c.answer, latest: c.answer } });
    expect(ani.modules).toEqual({ m1: 90, m2: 60 });
    expect(ani.final).toEqual({ score: 85, passed: true });
    expect(ani.date).toBe('2026-11-20T08:00:00Z');
    expect(ani.unknownItems).toEqual(['OLD01', 'OLD02']);
    expect(ani.unknownModules).toEqual(['m9', 'x1y2z']);
    expect(merged[1].sources).toEqual([{ kind: 'file', name: 'Budi.json' }]);
  });
});
