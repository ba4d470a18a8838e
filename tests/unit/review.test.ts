import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, dueItems, REVIEW_DAYS, scheduleAnswer, type Review } from '../../src/quiz/review.ts';

const ids = ['a', 'b', 'c', 'd', 'e'];
/** One answer: which item, right or not, on which day, in Practice or elsewhere. */
const answer = fc.record({ id: fc.constantFrom(...ids), correct: fc.boolean(), practising: fc.boolean(), days: fc.integer({ min: 0, max: 20 }) });

describe('spaced review (Leitner boxes)', () => {
  it('moves a scenario up one box per right answer in Practice: due after 1, 3, 7, 14 days, then learned', () => {
    let review: Review = scheduleAnswer({}, 'a', false, 100, false);
    expect(review).toEqual({ a: [1, 101] });
    let today = 101;
    for (const [box, days] of [[2, 3], [3, 7], [4, 14]]) {
      review = scheduleAnswer(review, 'a', true, today, true);
      expect(review.a).toEqual([box, today + days]);
      today += days;
    }
    expect(scheduleAnswer(review, 'a', true, today, true)).toEqual({});
  });

  it('starts over from box 1 on any miss, in Practice or in a quiz', () => {
    expect(scheduleAnswer({ a: [3, 50] }, 'a', false, 50, true)).toEqual({ a: [1, 51] });
    expect(scheduleAnswer({ a: [3, 60] }, 'a', false, 50, false)).toEqual({ a: [1, 51] });
  });

  it('counts only the first answer to a due scenario in a Practice session ("Try again" does not move it)', () => {
    const afterMiss = scheduleAnswer({ a: [2, 50] }, 'a', false, 50, true);
    expect(scheduleAnswer(afterMiss, 'a', true, 50, true)).toBe(afterMiss);
    const afterRight = scheduleAnswer({ a: [2, 50] }, 'a', true, 50, true);
    expect(scheduleAnswer(afterRight, 'a', false, 50, true)).toBe(afterRight);
  });

  it('leaves the schedule alone when a quiz answer is right', () => {
    const review: Review = { a: [2, 60] };
    expect(scheduleAnswer(review, 'a', true, 50, false)).toBe(review);
    expect(scheduleAnswer({}, 'b', true, 50, false)).toEqual({});
  });

  it('never loses a scenario: a missed one stays scheduled until learned in box 4 (property)', () => {
    fc.assert(fc.property(fc.array(answer, { maxLength: 60 }), (answers) => {
      let review: Review = {};
      let today = 1000;
      const missed = new Set<string>();
      for (const a of answers) {
        today += a.days;
        const before = review[a.id];
        review = scheduleAnswer(review, a.id, a.correct, today, a.practising);
        if (!a.correct) missed.add(a.id);
        if (!a.correct && !(a.practising && before && before[1] > today)) expect(review[a.id]).toEqual([1, today + 1]);
        if (before && !review[a.id]) {
          // Leaving the schedule takes a right first answer in Practice, on the day due, in the last box.
          expect([a.correct, a.practising, before[0], before[1] <= today]).toEqual([true, true, REVIEW_DAYS.length, true]);
          missed.delete(a.id);
        }
        expect(Object.keys(review).sort()).toEqual([...missed].sort());
        for (const [box, due] of Object.values(review)) {
          expect(box).toBeGreaterThanOrEqual(1);
          expect(box).toBeLessThanOrEqual(REVIEW_DAYS.length);
          expect(due).toBeGreaterThan(1000);
        }
      }
    }));
  });

  it('lists what is due today, the longest-waiting first', () => {
    const review: Review = { a: [2, 12], b: [1, 10], c: [1, 13], d: [3, 10] };
    expect(dueItems(review, 12)).toEqual(['b', 'd', 'a']);
    expect(dueItems(review, 9)).toEqual([]);
  });

  it('counts days by the learner’s own calendar', () => {
    const evening = new Date(2026, 10, 28, 23, 59);
    const nextMorning = new Date(2026, 10, 29, 0, 1);
    expect(dayNumber(nextMorning) - dayNumber(evening)).toBe(1);
    expect(dayNumber(new Date(2026, 10, 28, 0, 0))).toBe(dayNumber(evening));
  });
});
