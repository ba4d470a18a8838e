import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import type { CourseManifest } from '../../src/content/types.ts';
import { decodeProgress, encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress, fitProgress, MAX_ATTEMPTS, mergeProgress, type Place, type Progress } from '../../src/course/progress.ts';
import { fixtureCourse } from './fixture-course.ts';

const { manifest } = fixtureCourse();

const midQuiz: Progress = {
  ...createProgress(manifest),
  lang: 'en',
  atWelcome: false,
  place: { screen: 'quiz', module: 'alpha', item: 1, answered: true },
  answers: { 'fx-home-visit': ['groupwork', 'casework'], 'fx-concept': ['b'] },
  modules: { alpha: { score: 50, best: 50 } },
  review: { 'fx-home-visit': [1, 20480] },
};

/** The stored text of midQuiz with its final field written as given. */
const withFinalField = (field: string) => {
  const fields = encodeProgress(midQuiz, manifest).split('~');
  fields[8] = field;
  return fields.join('~');
};

const roundTrip = (progress: Progress, course: CourseManifest = manifest) => decodeProgress(encodeProgress(progress, course), course);

/** Any valid record for a course: places, answers, scores, review boxes, final result. */
const arbitraryProgress = (course: CourseManifest) => {
  const items = course.modules.flatMap((m) => m.items);
  const place: fc.Arbitrary<Place | null> = fc.oneof(
    fc.constant(null),
    fc.constantFrom(...course.modules).chain((m) => fc.oneof(
      fc.integer({ min: 0, max: m.pages - 1 }).map((page): Place => ({ screen: 'lesson', module: m.id, page })),
      fc.constant<Place>({ screen: 'summary', module: m.id }),
    )),
  );
  return fc.record({
    lang: fc.constantFrom('id' as const, 'en' as const, null),
    atWelcome: fc.boolean(),
    place,
    answers: fc.dictionary(fc.constantFrom(...items.map((i) => i.id)), fc.constant(0)).chain((picked) =>
      fc.record(Object.fromEntries(Object.keys(picked).map((id) => {
        const item = items.find((i) => i.id === id)!;
        return [id, fc.array(fc.constantFrom(...item.options), { minLength: 1, maxLength: MAX_ATTEMPTS })];
      })))),
    modules: fc.record(Object.fromEntries(course.modules.map((m) => [m.id,
      fc.record({ score: fc.integer({ min: 0, max: 100 }) }).map(({ score }) => ({ score, best: score }))])), { requiredKeys: [] })
      .map((modules) => modules as Progress["modules"]),
    review: fc.dictionary(fc.constantFrom(...items.map((i) => i.id)), fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 99999 }))),
    final: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean(), fc.option(fc.integer({ min: 0, max: 60_000_000 })), fc.integer({ min: 0, max: 10_000_000 }))
        .map(([score, passed, at, sincePass]) => ({ score, passed, ...(at !== null && { at }), ...(passed && at !== null && sincePass <= at && { passedAt: at - sincePass }) })),
      { nil: null },
    ),
    practice: fc.uniqueArray(fc.constantFrom(...items.map((i) => i.id)), { maxLength: 10 }),
  }).map((parts): Progress => ({ ...createProgress(course), ...parts, atWelcome: parts.place === null || parts.atWelcome }));
};

describe('Progress record encoding', () => {
  it('survives a round trip unchanged', () => {
    expect(roundTrip(midQuiz)).toEqual({ ok: true, progress: midQuiz });
  });

  it('survives a round trip for any record (property)', () => {
    fc.assert(fc.property(arbitraryProgress(manifest), (progress) => {
      expect(roundTrip(progress)).toEqual({ ok: true, progress });
    }));
  });

  it('is printable ASCII holding codes and numbers, never translated text', () => {
    const encoded = encodeProgress(midQuiz, manifest);
    expect(encoded).toMatch(/^[\x20-\x7e]+$/);
    expect(encoded).not.toMatch(/Module|Modul|home visit|casework/);
  });

  it('fits SCORM 1.2 suspend data (4,096 characters) in the worst case for the real course', () => {
    const course = compileContent(path.resolve('lessons')).manifest;
    const items = course.modules.flatMap((m) => m.items);
    const lastModule = course.modules.at(-1)!;
    const worst: Progress = {
      ...createProgress(course),
      lang: 'en',
      atWelcome: false,
      place: { screen: 'quiz', module: lastModule.id, item: Math.min(lastModule.quizSize, lastModule.items.length) - 1, answered: true },
      answers: Object.fromEntries(items.map((i) => [i.id, Array.from({ length: MAX_ATTEMPTS }, (_, n) =>
        i.parts ? i.parts.map((p, k) => ((n + k) % p.options.length).toString(36)).join('') : i.options[n % i.options.length])])),
      modules: Object.fromEntries(course.modules.map((m) => [m.id, { score: 100, best: 100 }])),
      review: Object.fromEntries(items.map((i) => [i.id, [9, 99999] as [number, number]])),
      practice: items.slice(0, 10).map((i) => i.id),
      // Passed 19 years before the latest attempt: the longest pass time to keep.
      final: { score: 100, passed: true, at: Math.floor(Date.UTC(2099, 0, 1) / 60_000), passedAt: Math.floor(Date.UTC(2080, 0, 1) / 60_000) },
    };
    worst.modules.final = { score: 100, best: 100, round: 999 };
    const encoded = encodeProgress(worst, course);
    expect(encoded.length).toBeLessThanOrEqual(4096);
    expect(decodeProgress(encoded, course)).toEqual({ ok: true, progress: worst });
  });

  it('reads records written before Practice existed (no practice field)', () => {
    const before = encodeProgress(midQuiz, manifest).replace(/~$/, '');
    expect(before.split('~')).toHaveLength(9);
    expect(decodeProgress(before, manifest)).toEqual({ ok: true, progress: midQuiz });
  });

  it('reads a final result saved before retake rules existed as one with no wait, and keeps the attempt time from then on', () => {
    const before = encodeProgress({ ...midQuiz, final: { score: 80, passed: true } }, manifest);
    expect(before.split('~')[8]).toBe('80.1'); // the format of earlier builds
    expect(decodeProgress(before, manifest)).toEqual({ ok: true, progress: { ...midQuiz, final: { score: 80, passed: true } } });
    const withTime = { ...midQuiz, final: { score: 80, passed: true, at: 29_420_000 } };
    expect(decodeProgress(encodeProgress(withTime, manifest), manifest)).toEqual({ ok: true, progress: withTime });
    expect(decodeProgress(JSON.stringify(withTime), manifest)).toEqual({ ok: true, progress: withTime });
  });

  it('keeps the date of the first pass, in a few characters, and reads records written before it was kept', () => {
    const at = 29_420_000;
    const passedSame = { ...midQuiz, final: { score: 80, passed: true, at, passedAt: at } };
    expect(encodeProgress(passedSame, manifest).split('~')[8]).toBe(`80.1.${at.toString(36)}.0`);
    expect(roundTrip(passedSame)).toEqual({ ok: true, progress: passedSame });
    const passedEarlier = { ...midQuiz, final: { score: 90, passed: true, at, passedAt: at - 3 * 24 * 60 } };
    expect(roundTrip(passedEarlier)).toEqual({ ok: true, progress: passedEarlier });
    expect(decodeProgress(JSON.stringify(passedEarlier), manifest)).toEqual({ ok: true, progress: passedEarlier });
    // Written before: no pass time (the certificate then falls back to the latest attempt).
    const decoded = decodeProgress(withFinalField(`80.1.${at.toString(36)}`), manifest);
    expect(decoded).toEqual({ ok: true, progress: { ...midQuiz, final: { score: 80, passed: true, at } } });
  });

  it('drops a pass time that cannot be: without a pass, without an attempt, after the latest attempt, or no whole number', () => {
    const at = 29_420_000;
    const fitted = (final: Record<string, unknown>) => fitProgress({ ...midQuiz, final }, manifest).final;
    expect(fitted({ score: 40, passed: false, at, passedAt: at })).toEqual({ score: 40, passed: false, at });
    expect(fitted({ score: 80, passed: true, passedAt: at })).toEqual({ score: 80, passed: true });
    expect(fitted({ score: 80, passed: true, at, passedAt: at + 1 })).toEqual({ score: 80, passed: true, at });
    expect(fitted({ score: 80, passed: true, at, passedAt: -5 })).toEqual({ score: 80, passed: true, at });
    expect(fitted({ score: 80, passed: true, at, passedAt: '29419000' })).toEqual({ score: 80, passed: true, at });
    expect(fitted({ score: 80, passed: true, at, passedAt: at - 1000 })).toEqual({ score: 80, passed: true, at, passedAt: at - 1000 });
    // In the stored text, a pass "later" than the attempt (a negative distance) is no number: dropped.
    expect(decodeProgress(withFinalField(`80.1.${at.toString(36)}.-5`), manifest)).toMatchObject({ ok: true, progress: { final: null } });
  });

  it('reads the JSON records of earlier builds (migration)', () => {
    const legacy = JSON.stringify({ ...midQuiz, modules: { alpha: { score: 50 } } });
    expect(decodeProgress(legacy, manifest)).toEqual({ ok: true, progress: midQuiz });
  });

  it('drops answers to items and options that no longer exist and keeps the rest', () => {
    const legacy = JSON.stringify({ ...midQuiz, answers: { ...midQuiz.answers, 'removed-item': ['a'], 'fx-concept': ['z', 'b'] } });
    const decoded = decodeProgress(legacy, manifest);
    expect(decoded.ok && decoded.progress.answers).toEqual(midQuiz.answers);
  });

  it('keeps a pass and a best score when the content changes', () => {
    const next: CourseManifest = { ...manifest, version: '2.0.0', modules: manifest.modules.map((m) => ({ ...m, items: m.items.slice(0, 1) })) };
    const passed = { ...midQuiz, final: { score: 90, passed: true } };
    const decoded = decodeProgress(encodeProgress(passed, manifest), next);
    expect(decoded.ok && decoded.progress).toMatchObject({ courseVersion: '2.0.0', final: { score: 90, passed: true }, modules: { alpha: { best: 50 } } });
    expect(decoded.ok && decoded.progress.answers).toEqual({ 'fx-home-visit': ['groupwork', 'casework'] });
  });

  it('falls back to the start of the module when a saved page no longer exists', () => {
    const decoded = decodeProgress(JSON.stringify({ ...midQuiz, place: { screen: 'lesson', module: 'alpha', page: 9 } }), manifest);
    expect(decoded.ok && decoded.progress.place).toEqual({ screen: 'lesson', module: 'alpha', page: 0 });
  });

  it('does not show feedback for an answer it no longer has', () => {
    const decoded = decodeProgress(JSON.stringify({ ...midQuiz, answers: {} }), manifest);
    expect(decoded.ok && decoded.progress.place).toEqual({ screen: 'quiz', module: 'alpha', item: 1, answered: false });
  });

  it('refuses unreadable and future-format data', () => {
    for (const raw of ['{not json', '[1,2]', 'hello', 'B1~1.0.0~i', '']) expect(decodeProgress(raw, manifest)).toEqual({ ok: false, reason: 'unreadable' });
    expect(decodeProgress(JSON.stringify({ ...midQuiz, v: 99 }), manifest)).toEqual({ ok: false, reason: 'future' });
    expect(decodeProgress('B7~1.0.0~i~1~~~~~', manifest)).toEqual({ ok: false, reason: 'future' });
  });

  it('drops a stored quiz round beyond any real one (10^30): the round is drawn afresh, with distinct questions', async () => {
    const { quizItems } = await import('../../src/course/quiz-round.ts');
    const fields = encodeProgress({ ...midQuiz, modules: { alpha: { score: 50, best: 50, round: 3 } } }, manifest).split('~');
    fields[5] = fields[5].replace(/\.3$/, `.1${'0'.repeat(30)}`);
    const decoded = decodeProgress(fields.join('~'), manifest);
    expect(decoded.ok && decoded.progress.modules.alpha).toEqual({ score: 50, best: 50 });
    const json = decodeProgress(JSON.stringify({ ...midQuiz, modules: { alpha: { score: 50, round: 1e30 } } }), manifest);
    expect(json.ok && json.progress.modules.alpha).toEqual({ score: 50, best: 50 });
    const items = quizItems(decoded.ok ? decoded.progress : midQuiz, manifest.modules[0]).map((i) => i.id);
    expect(new Set(items).size).toBe(items.length);
  });

  it('keeps a Practice list of distinct items, at most a session long (5,000 copies of one item become one)', () => {
    const [first, ...rest] = manifest.modules.flatMap((m) => m.items).map((i) => i.id);
    const copies = decodeProgress(JSON.stringify({ ...midQuiz, practice: Array(5000).fill(first) }), manifest);
    expect(copies.ok && copies.progress.practice).toEqual([first]);
    const many = decodeProgress(JSON.stringify({ ...midQuiz, practice: [first, ...rest, ...rest] }), manifest);
    expect(many.ok && many.progress.practice).toEqual([first, ...rest].slice(0, 10));
  });

  it('reads a format version written as text ("1"); one that is no number is unreadable, not "newer"', () => {
    expect(decodeProgress(JSON.stringify({ ...midQuiz, v: '1' }), manifest)).toEqual({ ok: true, progress: midQuiz });
    expect(decodeProgress(JSON.stringify({ ...midQuiz, v: 'x' }), manifest)).toEqual({ ok: false, reason: 'unreadable' });
    expect(decodeProgress(JSON.stringify({ ...midQuiz, v: '2' }), manifest)).toEqual({ ok: false, reason: 'future' });
  });

  it('never throws on any text, and only returns valid records (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (raw) => {
      const decoded = decodeProgress(raw, manifest);
      if (decoded.ok) expect(decodeProgress(encodeProgress(decoded.progress, manifest), manifest)).toEqual(decoded);
    }));
  });
});

describe('merging two tabs', () => {
  it('keeps every answer from both, the best scores and a pass, and our own place (property)', () => {
    fc.assert(fc.property(arbitraryProgress(manifest), arbitraryProgress(manifest), (ours, theirs) => {
      const merged = mergeProgress(ours, theirs);
      for (const id of new Set([...Object.keys(ours.answers), ...Object.keys(theirs.answers)])) {
        expect(merged.answers[id].length).toBe(Math.max(ours.answers[id]?.length ?? 0, theirs.answers[id]?.length ?? 0));
      }
      for (const id of Object.keys({ ...ours.modules, ...theirs.modules })) {
        expect(merged.modules[id].best).toBe(Math.max(ours.modules[id]?.best ?? -1, theirs.modules[id]?.best ?? -1));
      }
      expect(merged.final?.passed ?? false).toBe((ours.final?.passed ?? false) || (theirs.final?.passed ?? false));
      expect(merged.place).toEqual(ours.place);
    }));
  });

  it('keeps the earliest pass date of the two and the latest attempt, whichever tab passed first', () => {
    const early = { ...midQuiz, final: { score: 80, passed: true, at: 1000, passedAt: 900 } };
    const late = { ...midQuiz, final: { score: 95, passed: true, at: 5000, passedAt: 4000 } };
    const failed = { ...midQuiz, final: { score: 30, passed: false, at: 7000 } };
    expect(mergeProgress(late, early).final).toEqual({ score: 95, passed: true, at: 5000, passedAt: 900 });
    expect(mergeProgress(early, late).final).toEqual({ score: 80, passed: true, at: 5000, passedAt: 900 });
    expect(mergeProgress(failed, late).final).toEqual({ score: 95, passed: true, at: 7000, passedAt: 4000 });
    expect(mergeProgress(late, failed).final).toEqual({ score: 95, passed: true, at: 7000, passedAt: 4000 });
  });
});
