import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import type { ItemSpec, ModuleSpec } from '../../src/content/types.ts';
import { drawFinal, drawModuleQuiz, seededRandom, shuffle } from '../../src/quiz/selection.ts';

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

/** What a draw balances: a classification's answer, or the type of any other item. */
const groupOf = (i: ItemSpec) => (i.type.startsWith('classify-') ? i.answer : i.type);
const countBy = (items: ItemSpec[]) => items.reduce<Record<string, number>>((acc, i) => ({ ...acc, [groupOf(i)]: (acc[groupOf(i)] ?? 0) + 1 }), {});
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

  it('prefers questions not asked in an earlier round: within an answer, a repeat only once every unasked one is drawn (property)', () => {
    fc.assert(fc.property(arbitraryModule, fc.integer({ min: 1, max: 8 }), (module, round) => {
      const asked = new Set(Array.from({ length: round }, (_, r) => drawModuleQuiz(module, r)).flat().map((i) => i.id));
      const draw = drawModuleQuiz(module, round);
      const drawn = new Set(draw.map((i) => i.id));
      for (const repeat of draw.filter((i) => asked.has(i.id))) {
        const skipped = module.items.filter((i) => groupOf(i) === groupOf(repeat) && !asked.has(i.id) && !drawn.has(i.id));
        expect(skipped, `${repeat.id} asked again while unasked questions of its answer were left`).toEqual([]);
      }
    }));
  });

  it('asks none of the round before on a retry when every answer has at least twice its share (property)', () => {
    fc.assert(fc.property(arbitraryModule, fc.nat(8), (module, round) => {
      const before = drawModuleQuiz(module, round);
      const share = countBy(before);
      fc.pre(Object.entries(countBy(module.items)).every(([group, n]) => n >= 2 * (share[group] ?? 0)));
      const after = drawModuleQuiz(module, round + 1);
      expect(after.filter((i) => before.some((b) => b.id === i.id)).map(groupOf)).toEqual([]);
      expect(after).toHaveLength(before.length);
    }));
  });

  it('asks other questions on a retry of a module whose bank is twice its round (the levels module, and one like Modules 1–3)', () => {
    const concepts = (n: number): ModuleSpec => ({
      id: '01-concepts', number: 1, minutes: 1, pages: 1, quizSize: 6,
      items: Array.from({ length: n }, (_, i): ItemSpec => ({ id: `c-${i}`, code: `c${i}`, type: 'choice', options: ['a', 'b', 'c', 'd'], answer: 'abcd'[i % 4] })),
    });
    for (const module of [levels, concepts(12)]) {
      const first = drawModuleQuiz(module, 0).map((i) => i.id);
      const second = drawModuleQuiz(module, 1).map((i) => i.id);
      expect(second.filter((id) => first.includes(id)), module.id).toEqual([]);
    }
    // Today's 6-item banks asked 6 at a time can only repeat: the same set, in another order.
    const six = concepts(6);
    expect(drawModuleQuiz(six, 1).map((i) => i.id).sort()).toEqual(drawModuleQuiz(six, 0).map((i) => i.id).sort());
  });

  it('draws the final from every outcome: concept questions per module, levels balanced, strategies balanced; a retake asks others', () => {
    const mix = { perLevel: 4, strategies: 3, concepts: { '01-welfare-mandate': 2, '02-understanding-empowerment': 2, '03-welfare-and-social-worker': 2, '06-wellbeing-together': 2 } };
    const first = drawFinal(course.modules, mix, 0);
    const home = (item: ItemSpec) => course.modules.find((m) => m.items.includes(item))!.id;
    const concepts = first.filter((i) => i.type === 'choice');
    expect(concepts.map(home).sort()).toEqual(Object.entries(mix.concepts).flatMap(([id, n]) => Array<string>(n).fill(id)));
    expect(countBy(first.filter((i) => i.type !== 'choice'))).toEqual({ casework: 4, groupwork: 4, systemic: 4, locality: 1, planning: 1, action: 1 });
    const second = drawFinal(course.modules, mix, 1);
    const levelsAndStrategies = (items: ItemSpec[]) => items.filter((i) => i.type !== 'choice').map((i) => i.id);
    expect(levelsAndStrategies(second).filter((id) => levelsAndStrategies(first).includes(id))).toEqual([]);
    expect(drawFinal(course.modules, mix, 1)).toEqual(second);
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
