import { describe, expect, it } from 'vitest';
import { summaryCsv, type CsvWords } from '../../src/trainer/class-csv.ts';
import type { ClassItem } from '../../src/trainer/class-plan.ts';
import { classConfusion, mostWrong, percentOf, scenarioResult } from '../../src/trainer/class-summary.ts';
import { presenterAction } from '../../src/trainer/presenter-keys.ts';

const LEVELS = ['casework', 'groupwork', 'systemic'];
const level = (code: string, answer: string): ClassItem => ({ id: code, code, type: 'classify-level', options: LEVELS, answer, module: 'm4' });
const strategy = (code: string, answer: string): ClassItem => ({ id: code, code, type: 'classify-strategy', options: ['locality', 'planning', 'action'], answer, module: 'm5' });
const choice = (code: string): ClassItem => ({ id: code, code, type: 'choice', options: ['a', 'b', 'c', 'd'], answer: 'c', module: 'm1' });

describe('a scenario’s votes', () => {
  it('gives the total, the % right and the most chosen wrong option', () => {
    expect(scenarioResult(level('x', 'groupwork'), [5, 12, 3])).toMatchObject({ votes: [5, 12, 3], total: 20, right: 12, percentRight: 60, topWrong: 'casework' });
    expect(scenarioResult(choice('y'), [1, 4, 2, 4])).toMatchObject({ total: 11, right: 2, percentRight: 18, topWrong: 'b' }); // a tie: the first
  });

  it('has no % right when nobody voted, and no wrong option when all were right', () => {
    expect(scenarioResult(level('x', 'systemic'), undefined)).toMatchObject({ votes: [0, 0, 0], total: 0, percentRight: null, topWrong: null });
    expect(scenarioResult(level('x', 'systemic'), [0, 0, 9])).toMatchObject({ percentRight: 100, topWrong: null });
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(4, 0)).toBe(0);
  });
});

describe('the class summary', () => {
  const results = [
    scenarioResult(level('a', 'casework'), [10, 5, 0]),
    scenarioResult(level('b', 'systemic'), [1, 8, 6]),
    scenarioResult(strategy('c', 'action'), [0, 3, 9]),
    scenarioResult(choice('d'), [2, 2, 2, 0]),
    scenarioResult(level('e', 'casework'), [2, 0, 0]),
  ];

  it('builds the class’s 3×3 table from the votes: rows what it was, columns what the class chose', () => {
    expect(classConfusion(results, 'classify-level')).toEqual({ classes: LEVELS, counts: [[12, 5, 0], [0, 0, 0], [1, 8, 6]] });
    expect(classConfusion(results, 'classify-strategy')).toEqual({ classes: ['locality', 'planning', 'action'], counts: [[0, 0, 0], [0, 0, 0], [0, 3, 9]] });
    expect(classConfusion([scenarioResult(level('a', 'casework'), [0, 0, 0])], 'classify-level')).toBeNull();
  });

  it('names the scenarios with the most wrong votes, most first, at most three', () => {
    expect(mostWrong(results).map((r) => [r.index, r.wrong])).toEqual([[1, 9], [0, 5], [3, 4]]);
    expect(mostWrong([results[4]])).toEqual([]);
  });

  it('writes a CSV a spreadsheet opens: BOM, one row per scenario and option, quoted text, no formulas', () => {
    const words: CsvWords = {
      header: ['Scenario', 'Code', 'Module', 'Option', 'Answer text', 'Right', 'Votes', '%'],
      yes: 'yes',
      no: 'no',
      module: (id) => `Module "${id}"`,
      option: (item, key) => (item.type === 'choice' ? (key === 'a' ? '=HYPERLINK("x")' : `Text, ${key}`) : key),
    };
    const csv = summaryCsv(results.slice(2, 4) as never, words);
    expect(csv.startsWith('\uFEFFScenario,Code,Module,Option,Answer text,Right,Votes,%\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(1 + 3 + 4);
    expect(rows[3]).toBe('1,c,"Module ""m5""",C,action,yes,9,75');
    expect(rows[4]).toBe('2,d,"Module ""m1""",A,"\'=HYPERLINK(""x"")",no,2,33');
    expect(rows[5]).toBe('2,d,"Module ""m1""",B,"Text, b",no,2,33');
  });
});

describe('presenter keys', () => {
  const press = (key: string, more: Partial<Parameters<typeof presenterAction>[0]> = {}) =>
    presenterAction({ key, code: '', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, target: document.body, ...more });

  it('map a presenter remote and a keyboard to steps, blank, full screen and help', () => {
    for (const key of ['ArrowRight', 'PageDown', ' ']) expect(press(key)).toEqual({ type: 'step.next' });
    for (const key of ['ArrowLeft', 'PageUp']) expect(press(key)).toEqual({ type: 'step.back' });
    for (const key of ['b', 'B', '.']) expect(press(key)).toEqual({ type: 'screen.blank' });
    expect(press('f')).toEqual({ type: 'fullscreen' });
    expect(press('Escape')).toEqual({ type: 'fullscreen.exit' });
    expect(press('?')).toEqual({ type: 'help' });
    expect(press('x')).toBeNull();
  });

  it('add a vote with 1–4 and remove one with Shift, whatever the keyboard layout types', () => {
    expect(press('3', { code: 'Digit3' })).toEqual({ type: 'vote.add', option: 2, delta: 1 });
    expect(press('!', { code: 'Digit1', shiftKey: true })).toEqual({ type: 'vote.add', option: 0, delta: -1 });
    expect(press('4', { code: 'Numpad4' })).toEqual({ type: 'vote.add', option: 3, delta: 1 });
    expect(press('5', { code: 'Digit5' })).toBeNull();
  });

  it('leave typing in a vote field, browser shortcuts and a pressed button alone', () => {
    const input = document.createElement('input');
    const button = document.createElement('button');
    expect(press('1', { code: 'Digit1', target: input })).toBeNull();
    expect(press('ArrowRight', { target: input })).toBeNull();
    expect(press('r', { ctrlKey: true })).toBeNull();
    expect(press(' ', { target: button })).toBeNull();
    expect(press('PageDown', { target: button })).toEqual({ type: 'step.next' });
  });
});
