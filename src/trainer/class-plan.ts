import { LEVELS, STRATEGIES, type CourseManifest, type ItemFacts, type ItemSpec } from '../content/types.ts';
import { drawBalanced, seededRandom, shuffle } from '../quiz/selection.ts';

/** What a class can vote on: single questions (the options fit on a projector and a show of hands). */
export type ClassItem = ItemSpec & { module: string };

export const FOCUSES = ['levels', ...LEVELS, 'strategies', ...STRATEGIES, 'concepts'] as const;
export type Focus = (typeof FOCUSES)[number];
export type ShowLang = 'id' | 'en' | 'both';
export type Order = 'listed' | 'balanced';
export const DEFAULT_COUNT = 8;
export const MAX_COUNT = 40;

/** Places that scenarios are set in: the tags a trainer may pick a class's context by. */
export const SETTINGS = ['village', 'city', 'kelurahan', 'district', 'island', 'urban', 'remote', 'online'] as const;
export type Setting = (typeof SETTINGS)[number];

/** Everything a trainer chooses when planning; ids and numbers only. Empty filter = any. */
export interface PlanSettings {
  module: string;
  focus: Focus | '';
  difficulty: 0 | 1 | 2 | 3;
  trickyOnly: boolean;
  setting: Setting | '';
  contrast: string;
  count: number;
  order: Order;
  /** Seeds the balanced order, so reopening the plan (or reloading) keeps the same scenarios. */
  seed: string;
  show: ShowLang;
  timer: boolean;
  /**
   * A fixed list of scenarios by item code (opened from a plan file, or handed over by another
   * trainer view); null: the filters above choose them.
   */
  picked: string[] | null;
}

export const defaultSettings = (seed: string): PlanSettings => ({
  module: '', focus: '', difficulty: 0, trickyOnly: false, setting: '', contrast: '', count: DEFAULT_COUNT, order: 'listed', seed, show: 'id', timer: false, picked: null,
});

/** Every single-question scenario of the course, in course order (module order, then file order). */
export const classBank = (manifest: CourseManifest): ClassItem[] =>
  manifest.modules.flatMap((m) => m.items.filter((item) => !item.parts).map((item) => ({ ...item, module: m.id })));

const matchesFocus = (item: ItemSpec, focus: Focus | '') => {
  if (!focus) return true;
  if (focus === 'levels') return item.type === 'classify-level';
  if (focus === 'strategies') return item.type === 'classify-strategy';
  if (focus === 'concepts') return item.type === 'choice';
  return item.type !== 'choice' && item.answer === focus;
};

/** The scenarios that pass every filter, in course order. */
export function filterBank(bank: readonly ClassItem[], facts: Record<string, ItemFacts>, s: PlanSettings): ClassItem[] {
  return bank.filter((item) => {
    const f = facts[item.code] ?? { tags: [] };
    return (!s.module || item.module === s.module)
      && matchesFocus(item, s.focus)
      && (!s.difficulty || f.difficulty === s.difficulty)
      && (!s.trickyOnly || !!f.tricky)
      && (!s.setting || f.tags.includes(s.setting))
      && (!s.contrast || f.contrast === s.contrast);
  });
}

/**
 * The session's scenarios: the first `count` as listed, or a draw balanced across answers in a
 * seeded shuffled order (the same seed always gives the same session).
 */
export function choosePlan(pool: readonly ClassItem[], count: number, order: Order, seed: string): ClassItem[] {
  const size = Math.max(1, Math.min(Math.floor(count) || DEFAULT_COUNT, MAX_COUNT));
  if (order === 'listed') return pool.slice(0, size);
  return shuffle(drawBalanced(pool, size, `class:${seed}`, 0), seededRandom(`class-order:${seed}`)) as ClassItem[];
}

/** The contrast sets of the course (one situation at different levels), with their scenarios in order. */
export function contrastSets(bank: readonly ClassItem[], facts: Record<string, ItemFacts>): { id: string; items: ClassItem[] }[] {
  const sets = new Map<string, ClassItem[]>();
  for (const item of bank) {
    const id = facts[item.code]?.contrast;
    if (id) sets.set(id, [...(sets.get(id) ?? []), item]);
  }
  return [...sets].map(([id, items]) => ({ id, items }));
}

/** The settings used by at least one scenario, so a trainer never picks one that yields nothing. */
export const settingsInUse = (bank: readonly ClassItem[], facts: Record<string, ItemFacts>): Setting[] =>
  SETTINGS.filter((s) => bank.some((item) => facts[item.code]?.tags.includes(s)));

/** A fresh seed for a new balanced order. */
export const newSeed = (random = Math.random) => Math.floor(random() * 36 ** 6).toString(36);

/** The session a plan gives: its fixed list, or what its filters, count and order choose. */
export function planItems(bank: readonly ClassItem[], facts: Record<string, ItemFacts>, s: PlanSettings): ClassItem[] {
  if (!s.picked) return choosePlan(filterBank(bank, facts, s), s.count, s.order, s.seed);
  const byCode = new Map(bank.map((item) => [item.code, item]));
  return s.picked.flatMap((code) => byCode.get(code) ?? []);
}
