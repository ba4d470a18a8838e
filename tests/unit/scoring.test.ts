import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemSpec } from '../../src/content/types.ts';
import { credit, isCorrect, isValidResponse, scoreItems } from '../../src/quiz/scoring.ts';

const LEVELS = ['casework', 'groupwork', 'systemic'];
/** A sort of 3–6 cases with any right placement. */
const sortItem = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 6 }).map((answers): ItemSpec => ({
  id: 's', code: 's', type: 'sort', options: [], answer: answers.join(''),
  parts: answers.map((a) => ({ type: 'classify-level', options: LEVELS, answer: LEVELS[a] })),
}));

describe('scoring with partial credit', () => {
  it('gives a sort the share of cases placed right, and full credit only when all are (property)', () => {
    fc.assert(fc.property(sortItem.chain((item) => fc.tuple(fc.constant(item), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: item.parts!.length, maxLength: item.parts!.length }))), ([item, placed]) => {
      const response = placed.join('');
      const right = placed.filter((p, i) => LEVELS[p] === item.parts![i].answer).length;
      expect(isValidResponse(item, response)).toBe(true);
      expect(credit(item, response)).toBeCloseTo(right / placed.length);
      expect(isCorrect(item, response)).toBe(right === placed.length);
    }));
  });

  it('refuses a sort response that misses a case, has one too many, or names no level', () => {
    const item: ItemSpec = { id: 's', code: 's', type: 'sort', options: [], answer: '012', parts: [0, 1, 2].map((a) => ({ type: 'classify-level', options: LEVELS, answer: LEVELS[a] })) };
    for (const bad of ['01', '0120', '01z', '013', '', 'casework']) expect(isValidResponse(item, bad), bad).toBe(false);
    expect(isValidResponse(item, '210')).toBe(true);
  });

  it('takes a case step by step: unfinished responses are valid and earn what their steps earn', () => {
    const item: ItemSpec = {
      id: 'k', code: 'k', type: 'case', options: [], answer: '12',
      parts: [{ type: 'classify-level', options: LEVELS, answer: 'groupwork' }, { type: 'choice', options: ['a', 'b', 'c'], answer: 'c' }],
    };
    expect(isValidResponse(item, '1')).toBe(true);
    expect(isValidResponse(item, '3')).toBe(false); // no fourth level
    expect(credit(item, '1')).toBe(0.5);
    expect(scoreItems([item], { k: ['10'] })).toEqual({ correct: 0.5, total: 1, percent: 50 });
  });

  it('scores a round on the latest answers, with partial credit to one decimal', () => {
    const single: ItemSpec = { id: 'a', code: 'a', type: 'classify-level', options: LEVELS, answer: 'casework' };
    const sort: ItemSpec = { id: 's', code: 's', type: 'sort', options: [], answer: '012', parts: [0, 1, 2].map((a) => ({ type: 'classify-level', options: LEVELS, answer: LEVELS[a] })) };
    expect(scoreItems([single, sort], { a: ['groupwork', 'casework'], s: ['011'] })).toEqual({ correct: 1.7, total: 2, percent: 83 });
  });
});
