import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import type { ItemSpec, ModuleSpec } from '../../src/content/types.ts';
import { drawModuleQuiz, seededRandom, shuffle } from '../../src/quiz/selection.ts';

const course = compileContent(path.resolve('lessons')).manifest;
const levels = course.modules.find((m) => m.items.some((i) => i.type === 'classify-level'))!;

const sortItem = (i: number): ItemSpec => ({
  id: `sort-${i}`, code: `s${i}`, type: 'sort', options: [], answer: '012',
  parts: [0, 1, 2].map((n) => ({ type: 'classify-level', options: ['casework', 'groupwork', 'systemic'], answer: ['casework', 'groupwork', 'systemic'][n] })),
});

/** Any module: 1–40 single questions with 2–4 answer classes, maybe some sorts, any quiz size. */
const arbitraryModule = fc
  .record({
    answers: fc.array(fc.constantFrom('casework', 'groupwork', 'systemic', 'x'), { minLength: 1, maxLength: 40 }),
    sorts: fc.nat(4),
    extended: fc.option(fc.nat(3), { nil: undefined }),
    quizSize: fc.integer({ min: 1, max: 45 }),
    id: fc.string({ minLength: 1, maxLength: 12 }),
  })
  .map(({ answers, sorts, extended, quizSize, id }): ModuleSpec => ({
    id, number: 1, minutes: 1, pages: 1, quizSize, extended,
    items: [
      ...answers.map((answer, i): ItemSpec => ({ id: `item-${i}`, code: `i${i}`, type: 'classify-level', options: [answer], answer, difficulty: 1, tricky: false })),
      ...Array.from({ length: sorts }, (_, i) => sortItem(i)),
    ],
  }));

const countBy = (items: ItemSpec[]) =>
  items.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.parts ? i.type : i.answer]: (acc[i.parts ? i.type : i.answer] ?? 0) + 1 }), {});
const singles = (items: ItemSpec[]) => items.filter((i) => !i.parts);

describe('drawing a quiz round', () => {
  it('is deterministic for a module and round, never repeats an item, and has the set size (property)', () => {
    fc.assert(fc.property(arbitraryModule, fc.nat(50), (module, round) => {
      const draw = drawModuleQuiz(module, round);
      expect(drawModuleQuiz(module, round)).toEqual(draw);
      expect(new Set(draw.map((i) => i.id)).size).toBe(draw.length);
      // `extended` sorts or cases (default 1) where there are some, the rest single questions.
      const extended = Math.min(module.extended ?? 1, module.items.length - singles(module.items).length, module.quizSize);
      expect(draw.length - singles(draw).length).toBe(extended);
      expect(singles(draw).length).toBe(Math.min(module.quizSize - extended, singles(module.items).length));
    }));
  });

  it('is balanced across answers wherever the bank allows (property)', () => {
    fc.assert(fc.property(arbitraryModule, fc.nat(50), (module, round) => {
      const available = countBy(singles(module.items));
      const drawn = countBy(singles(drawModuleQuiz(module, round)));
      const notExhausted = Object.keys(available).filter((a) => (drawn[a] ?? 0) < available[a]);
      const counts = notExhausted.map((a) => drawn[a] ?? 0);
      // Classes with items left over differ by at most one question, and get at least as many as any exhausted class.
      if (counts.length) expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      for (const a of notExhausted) for (const b of Object.keys(available)) expect(drawn[a] ?? 0).toBeGreaterThanOrEqual((drawn[b] ?? 0) - 1);
    }));
  });

  it('asks the levels module 4 of each level and a sort, and new questions on a retry', () => {
    const first = drawModuleQuiz(levels, 0);
    const second = drawModuleQuiz(levels, 1);
    expect(countBy(first)).toEqual({ casework: 4, groupwork: 4, systemic: 4, sort: 1 });
    expect(second.filter((item) => first.some((f) => f.id === item.id))).toEqual([]);
  });

  it('shuffles with a seed: same seed same order, and every item kept', () => {
    const list = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(list, seededRandom('a'))).toEqual(shuffle(list, seededRandom('a')));
    expect(shuffle(list, seededRandom('a'))).not.toEqual(shuffle(list, seededRandom('b')));
    expect([...shuffle(list, seededRandom('c'))].sort((x, y) => x - y)).toEqual(list);
  });
});
