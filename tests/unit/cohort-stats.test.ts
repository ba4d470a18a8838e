import { manifest } from 'virtual:berdaya/course';
import { describe, expect, it } from 'vitest';
import { csvText } from '../../src/trainer/class-csv.ts';
import { mergeLearners } from '../../src/trainer/cohort-intake.ts';
import { classInsight, cohortStats, learnerRows, rowPercents, sortRows } from '../../src/trainer/cohort-stats.ts';
import { learnerResults, syntheticLearner, wrongAnswer } from '../fixtures/cohort-results.ts';

const items = manifest.modules.flatMap((m) => m.items);
const levels = items.filter((i) => i.type === 'classify-level');
const ofLevel = (answer: string) => levels.filter((i) => i.answer === answer);
const [sys1, sys2] = ofLevel('systemic');
const [case1] = ofLevel('casework');
const sort = items.find((i) => i.type === 'sort')!;
const choices = items.filter((i) => i.type === 'choice');

describe('the class picture from first answers', () => {
  // Four learners: systemic situations called groupwork by two of four on sys1, one on sys2.
  const learners = mergeLearners([
    learnerResults(manifest, 'A', { [sys1.code]: { first: 'groupwork', latest: 'systemic' }, [sys2.code]: { first: 'systemic' }, [case1.code]: { first: 'casework' } }),
    learnerResults(manifest, 'B', { [sys1.code]: { first: 'groupwork' }, [sys2.code]: { first: 'groupwork' }, [case1.code]: { first: 'casework' } }),
    learnerResults(manifest, 'C', { [sys1.code]: { first: 'systemic' }, [sys2.code]: { first: 'systemic' }, OLD99: { first: 'x' } }),
    learnerResults(manifest, 'D', { [sys1.code]: { first: 'casework' }, [sys2.code]: { first: 'systemic' }, [sort.code]: { first: wrongAnswer(sort) } }, { unknownItems: ['GONE1'], unknownModules: ['m9-gone'] }),
  ]);
  const stats = cohortStats(learners, manifest);

  it('counts levels in a 3×3 table with row percentages, and names the main confusion', () => {
    const row = (answer: string) => stats.levels!.counts[stats.levels!.classes.indexOf(answer)];
    const sortParts = sort.parts!.filter((p) => p.type === 'classify-level');
    // The sort's cases are counted too, each placed one level off.
    const fromSort = (actual: string, chosen: string) => sortParts.filter((p) => p.answer === actual && p.options[(p.options.indexOf(p.answer) + 1) % 3] === chosen).length;
    expect(row('systemic')).toEqual([1 + fromSort('systemic', 'casework'), 3 + fromSort('systemic', 'groupwork'), 4 + fromSort('systemic', 'systemic')]);
    expect(row('casework')[0]).toBe(2 + fromSort('casework', 'casework'));
    expect(rowPercents([[1, 3, 4], [0, 0, 0]])).toEqual([[13, 38, 50], [0, 0, 0]]);
    expect(classInsight({ classes: ['casework', 'groupwork', 'systemic'], counts: [[5, 0, 0], [0, 4, 1], [1, 3, 4]] })).toEqual({ actual: 'systemic', chosen: 'groupwork', percent: 38 });
    expect(classInsight({ classes: ['casework', 'groupwork', 'systemic'], counts: [[5, 0, 0], [0, 4, 0], [0, 0, 4]] })).toBeNull();
  });

  it('has no strategy table when nobody answered a strategy question', () => {
    expect(stats.strategies).toBeNull();
  });

  it('lists every item answered, most wrong first, with the most chosen wrong answer', () => {
    expect(stats.items.map((s) => [s.item.code, s.answered, s.percentRight, s.topWrong])).toEqual([
      [sort.code, 1, 0, wrongAnswer(sort)],
      [sys1.code, 4, 25, 'groupwork'],
      [sys2.code, 4, 75, 'groupwork'],
      [case1.code, 2, 100, null],
    ]);
  });

  it('offers the single questions with the most wrong first answers to discuss', () => {
    expect(stats.discuss.map((s) => [s.item.code, s.wrong])).toEqual([[sys1.code, 3], [sys2.code, 1]]);
  });

  it('counts and names items and modules the course no longer has', () => {
    expect(stats.unknown).toEqual(['GONE1', 'OLD99']);
    expect(stats.unknownModules).toEqual(['m9-gone']);
  });

  it('offers at most five to discuss', () => {
    const many = mergeLearners([learnerResults(manifest, 'E', Object.fromEntries(choices.slice(0, 8).map((i) => [i.code, { first: wrongAnswer(i) }])))]);
    expect(cohortStats(many, manifest).discuss).toHaveLength(5);
  });

  it('grows linearly: 300 learners answering every item give each item 300 answers', () => {
    const big = cohortStats(mergeLearners(Array.from({ length: 300 }, (_, n) => syntheticLearner(manifest, n))), manifest);
    expect(big.items).toHaveLength(items.length);
    expect(big.items.every((s) => s.answered === 300 && s.wrong === 75)).toBe(true);
  });
});

describe('the learner table', () => {
  const rows = learnerRows(mergeLearners([
    learnerResults(manifest, 'budi', {}, { modules: { [manifest.modules[0].id]: 90, [manifest.modules[1].id]: 50 }, date: '2026-11-02T00:00:00Z' }),
    learnerResults(manifest, 'Ani', {}, { modules: { [manifest.modules[0].id]: 80 }, final: { score: 90, passed: true }, date: '2026-11-05T00:00:00Z' }),
    learnerResults(manifest, 'Citra', {}, { date: 'not a date' }),
  ]), manifest);
  const names = (key: Parameters<typeof sortRows>[1], direction: 'ascending' | 'descending') => sortRows(rows, key, direction, 'id').map((r) => r.learner.learner);

  it('counts modules done at the mastery mark', () => {
    expect(rows.map((r) => r.modulesDone)).toEqual([1, 1, 0]);
  });

  it('sorts by name ignoring case, by numbers, and puts missing values last when descending', () => {
    expect(names('name', 'ascending')).toEqual(['Ani', 'budi', 'Citra']);
    expect(names('name', 'descending')).toEqual(['Citra', 'budi', 'Ani']);
    expect(names(`module:${manifest.modules[0].id}`, 'descending')).toEqual(['budi', 'Ani', 'Citra']);
    expect(names('final', 'descending')).toEqual(['Ani', 'budi', 'Citra']);
    expect(names('last', 'descending')).toEqual(['Ani', 'budi', 'Citra']);
  });
});

describe('CSV', () => {
  it('starts with a byte-order mark, quotes what needs it, ends lines with CRLF, and defuses formulas', () => {
    expect(csvText([['Nama', 'Catatan'], ['Ani "Rahma"', '=HYPERLINK("x")'], ['Budi, S.', 'kelas']])).toBe('\uFEFFNama,Catatan\r\n"Ani ""Rahma""","\'=HYPERLINK(""x"")"\r\n"Budi, S.",kelas\r\n');
  });
});
