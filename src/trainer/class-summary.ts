import { LEVELS, STRATEGIES, type ItemSpec } from '../content/types.ts';
import type { Confusion } from '../quiz/feedback.ts';

/** Votes per option (in the item's option order) for each scenario of a session, by item code. */
export type Votes = Record<string, number[]>;

/** The most a count may be: a class is not a stadium, and a typo of 10000 should not wreck the chart. */
export const MAX_VOTES = 999;

export const optionLetter = (index: number) => String.fromCharCode(65 + index);

/** A count a trainer typed or clicked to: a whole number from 0 to MAX_VOTES. */
export const clampVotes = (n: number) => (Number.isFinite(n) ? Math.min(MAX_VOTES, Math.max(0, Math.trunc(n))) : 0);

export const totalOf = (votes: readonly number[] = []) => votes.reduce((sum, n) => sum + n, 0);

/** Votes, share of votes and right-ness for one scenario's options. */
export interface ScenarioResult<T extends ItemSpec = ItemSpec> {
  item: T;
  votes: number[];
  total: number;
  right: number;
  /** % of votes on the right answer; null when nobody voted (or counting was skipped). */
  percentRight: number | null;
  /** The wrong option with the most votes (first of a tie), or null when no wrong votes. */
  topWrong: string | null;
}

export function scenarioResult<T extends ItemSpec>(item: T, votes: readonly number[] | undefined): ScenarioResult<T> {
  const counts = item.options.map((_, i) => votes?.[i] ?? 0);
  const total = totalOf(counts);
  const answer = item.options.indexOf(item.answer);
  let topWrong: string | null = null;
  counts.forEach((n, i) => {
    if (i !== answer && n > 0 && (topWrong === null || n > counts[item.options.indexOf(topWrong)])) topWrong = item.options[i];
  });
  return { item, votes: counts, total, right: counts[answer], percentRight: total ? Math.round((counts[answer] / total) * 100) : null, topWrong };
}

/** Share of one option's votes, rounded (0 when nobody voted). */
export const percentOf = (n: number, total: number) => (total ? Math.round((n / total) * 100) : 0);

/** The class's 3×3 table from its votes: rows what the situation was, columns what the class chose. */
export function classConfusion(results: readonly ScenarioResult[], type: 'classify-level' | 'classify-strategy'): Confusion | null {
  const classes = type === 'classify-level' ? LEVELS : STRATEGIES;
  const counts = classes.map(() => classes.map(() => 0));
  let any = false;
  for (const { item, votes } of results) {
    if (item.type !== type) continue;
    const row = classes.indexOf(item.answer as never);
    item.options.forEach((option, i) => {
      counts[row][classes.indexOf(option as never)] += votes[i];
      any ||= votes[i] > 0;
    });
  }
  return any ? { classes, counts } : null;
}

/** The scenarios with the most wrong votes (at most `n`, only those with any), most first. */
export const mostWrong = (results: readonly ScenarioResult[], n = 3) =>
  results
    .map((r, index) => ({ ...r, index, wrong: r.total - r.right }))
    .filter((r) => r.wrong > 0)
    .sort((a, b) => b.wrong - a.wrong || a.index - b.index)
    .slice(0, n);
