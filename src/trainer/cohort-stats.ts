import { LEVELS, STRATEGIES, type CourseManifest, type PartSpec } from '../content/types.ts';
import { mainConfusion, type Confusion } from '../quiz/feedback.ts';
import { isValidResponse, partsOf } from '../quiz/scoring.ts';
import type { ClassItem } from './class-plan.ts';
import { percentOf } from './class-summary.ts';
import type { CohortLearner } from './cohort-intake.ts';

/** One scenario as the class answered it first time. */
export interface ItemStat {
  item: ClassItem;
  /** Position in the course (module order, then file order): breaks ties. */
  order: number;
  /** Learners who answered it. */
  answered: number;
  right: number;
  wrong: number;
  percentRight: number;
  /** The wrong first answer chosen most often (the response, in the Progress record's encoding), or null. */
  topWrong: string | null;
  topWrongCount: number;
}

export interface CohortStats {
  levels: Confusion | null;
  strategies: Confusion | null;
  /** Every item answered by anyone, most wrong (by share) first. */
  items: ItemStat[];
  /** The scenarios class mode can show (single questions) with the most wrong first answers, at most five. */
  discuss: ItemStat[];
  /** Item codes in the learners' results that the course no longer has, each once. */
  unknown: string[];
  /** Modules in the learners' results that the course no longer has (ids, or codes from text blocks), each once. */
  unknownModules: string[];
}

export const DISCUSS_COUNT = 5;

/** Every item of the course by code, with its module and course order. */
export function courseItems(manifest: CourseManifest): Map<string, { item: ClassItem; order: number }> {
  const items = new Map<string, { item: ClassItem; order: number }>();
  for (const m of manifest.modules) for (const item of m.items) items.set(item.code, { item: { ...item, module: m.id }, order: items.size });
  return items;
}

const emptyMatrix = (classes: readonly string[]) => classes.map(() => classes.map(() => 0));

type MatrixType = 'classify-level' | 'classify-strategy';
const CLASSES: Record<MatrixType, readonly string[]> = { 'classify-level': LEVELS, 'classify-strategy': STRATEGIES };

/** Where a part's answers are counted in its matrix: the row of its right answer, a column per option (null: not a level or strategy question). */
function matrixPlace(part: PartSpec): { type: MatrixType; row: number; columns: Map<string, number> } | null {
  if (part.type !== 'classify-level' && part.type !== 'classify-strategy') return null;
  const classes = CLASSES[part.type];
  return { type: part.type, row: classes.indexOf(part.answer), columns: new Map(part.options.map((o) => [o, classes.indexOf(o)])) };
}

/**
 * The class picture from first answers, in one pass over every learner's responses (linear in the
 * number of answers: 300 learners × 60 items is 18,000 steps). What an item's answers count toward
 * is worked out once per item, not once per answer.
 */
export function cohortStats(learners: readonly CohortLearner[], manifest: CourseManifest): CohortStats {
  const items = courseItems(manifest);
  const matrices = { 'classify-level': emptyMatrix(LEVELS), 'classify-strategy': emptyMatrix(STRATEGIES) };
  const seen = { 'classify-level': false, 'classify-strategy': false };
  const tally = new Map<string, { answered: number; right: number; wrong: Map<string, number>; places: ReturnType<typeof matrixPlace>[] }>();
  const unknown = new Set<string>();
  const unknownModules = new Set<string>();

  for (const learner of learners) {
    for (const code of learner.unknownItems) unknown.add(code);
    for (const id of learner.unknownModules) unknownModules.add(id);
    for (const code in learner.responses) {
      const { first } = learner.responses[code];
      const known = items.get(code);
      if (!known) {
        unknown.add(code);
        continue;
      }
      const { item } = known;
      if (!isValidResponse(item, first)) continue;
      let t = tally.get(code);
      if (!t) tally.set(code, (t = { answered: 0, right: 0, wrong: new Map(), places: partsOf(item).map(matrixPlace) }));
      t.answered += 1;
      if (first === item.answer) t.right += 1;
      else t.wrong.set(first, (t.wrong.get(first) ?? 0) + 1);
      // A single question's response is its option; a sort's or case's holds one option index per part answered.
      for (let i = 0; i < (item.parts ? first.length : 1); i++) {
        const place = t.places[i];
        if (!place) continue;
        const chosen = item.parts ? item.parts[i].options[parseInt(first[i], 36)] : first;
        matrices[place.type][place.row][place.columns.get(chosen)!] += 1;
        seen[place.type] = true;
      }
    }
  }

  const stats: ItemStat[] = [...tally].map(([code, t]) => {
    let topWrong: string | null = null;
    let topWrongCount = 0;
    for (const [response, n] of t.wrong) if (n > topWrongCount) [topWrong, topWrongCount] = [response, n];
    const { item, order } = items.get(code)!;
    return { item, order, answered: t.answered, right: t.right, wrong: t.answered - t.right, percentRight: percentOf(t.right, t.answered), topWrong, topWrongCount };
  });
  stats.sort((a, b) => a.right / a.answered - b.right / b.answered || b.wrong - a.wrong || a.order - b.order);
  const discuss = stats
    .filter((s) => s.wrong > 0 && !s.item.parts)
    .sort((a, b) => b.wrong - a.wrong || a.order - b.order)
    .slice(0, DISCUSS_COUNT);
  return {
    levels: seen['classify-level'] ? { classes: LEVELS, counts: matrices['classify-level'] } : null,
    strategies: seen['classify-strategy'] ? { classes: STRATEGIES, counts: matrices['classify-strategy'] } : null,
    items: stats,
    discuss,
    unknown: [...unknown].sort(),
    unknownModules: [...unknownModules].sort(),
  };
}

/** Each row of a confusion matrix as whole percentages of that row (what the situation was). */
export const rowPercents = (counts: readonly number[][]) =>
  counts.map((row) => {
    const total = row.reduce((sum, n) => sum + n, 0);
    return row.map((n) => percentOf(n, total));
  });

/** The class's most frequent confusion and how often the situation gets that wrong answer, or null when none. */
export function classInsight(confusion: Confusion): { actual: string; chosen: string; percent: number } | null {
  const main = mainConfusion(confusion);
  if (!main) return null;
  const [actual, chosen] = main.split('→');
  const row = confusion.counts[confusion.classes.indexOf(actual)];
  return { actual, chosen, percent: rowPercents([row])[0][confusion.classes.indexOf(chosen)] };
}

/** One line of the learner table. */
export interface LearnerRow {
  learner: CohortLearner;
  /** Modules whose best score reached the mastery mark. */
  modulesDone: number;
  /** Module id → best percent (absent: not taken). */
  best: Record<string, number>;
  final: CohortLearner['final'];
  /** Last activity, ms since 1970 (NaN when the date could not be read). */
  last: number;
}

export const learnerRows = (learners: readonly CohortLearner[], manifest: CourseManifest): LearnerRow[] =>
  learners.map((learner) => ({
    learner,
    modulesDone: manifest.modules.filter((m) => (learner.modules[m.id] ?? -1) >= manifest.mastery).length,
    best: learner.modules,
    final: learner.final,
    last: Date.parse(learner.date),
  }));

/** A column the learner table sorts by: the name, modules done, a module's best, the final, last activity. */
export type SortKey = 'name' | 'done' | 'final' | 'last' | `module:${string}`;

const sortValue = (row: LearnerRow, key: SortKey): number | string => {
  if (key === 'name') return row.learner.learner;
  if (key === 'done') return row.modulesDone;
  if (key === 'final') return row.final ? row.final.score : -1;
  if (key === 'last') return Number.isNaN(row.last) ? -Infinity : row.last;
  return row.best[key.slice('module:'.length)] ?? -1;
};

const collators = new Map<string, Intl.Collator>();

/**
 * Names compared as the trainer's language does, ignoring case. Made once per language: the first
 * one in a page waits for ICU's collation data (tens of milliseconds), so the view makes it early.
 */
export function nameCollator(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })));
  return collator;
}

/** The rows sorted by a column (names compare as the trainer's language does, ignoring case); ties keep their order. */
export function sortRows(rows: readonly LearnerRow[], key: SortKey, direction: 'ascending' | 'descending', locale: string): LearnerRow[] {
  const collator = nameCollator(locale);
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, value: sortValue(row, key) }))
    .sort((a, b) => sign * (typeof a.value === 'string' ? collator.compare(a.value, b.value as string) : (a.value as number) - (b.value as number)) || a.i - b.i)
    .map((r) => r.row);
}
