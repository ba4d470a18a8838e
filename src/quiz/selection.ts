import type { ItemSpec, ModuleSpec } from '../content/types.ts';
import { shortId } from '../course/short-id.ts';

/** A small seeded PRNG (mulberry32): the same seed always gives the same sequence. */
export function seededRandom(seed: string): () => number {
  let state = parseInt(shortId(seed), 36);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Draws `size` items from `pool`, balanced across answers, deterministic for (key, round), never
 * repeating an item, and — where the pool is big enough — different items from the round before.
 */
export function drawBalanced(pool: readonly ItemSpec[], size: number, key: string, round: number): ItemSpec[] {
  size = Math.min(size, pool.length);
  const bank = shuffle(pool, seededRandom(key)); // one fixed order per pool
  const groups = new Map<string, ItemSpec[]>();
  // Single questions balance by answer; sorts and cases (whose answers are all different) by type.
  const groupOf = (item: ItemSpec) => (item.parts ? item.type : item.answer);
  for (const item of bank) groups.set(groupOf(item), [...(groups.get(groupOf(item)) ?? []), item]);
  const lists = [...groups.values()];
  const quota = Math.ceil(size / lists.length);
  // Each round starts one quota further along every answer's list, wrapping around.
  const windows = lists.map((list) => Array.from({ length: list.length }, (_, i) => list[(round * quota + i) % list.length]));
  const picked: ItemSpec[] = [];
  for (let i = 0; picked.length < size; i++) {
    for (const list of windows) if (i < list.length && picked.length < size) picked.push(list[i]);
  }
  return picked;
}

/**
 * The questions of one module quiz round: single questions first, then `extended` sorts or cases
 * (default 1), which build on them.
 */
export function drawModuleQuiz(module: ModuleSpec, round: number): ItemSpec[] {
  const extended = module.items.filter((item) => item.parts);
  const single = module.items.filter((item) => !item.parts);
  const take = Math.min(extended.length, module.extended ?? 1, module.quizSize);
  return [
    ...shuffle(drawBalanced(single, module.quizSize - take, module.id, round), seededRandom(`${module.id}:${round}`)),
    ...drawBalanced(extended, take, `${module.id}:extended`, round),
  ];
}

export interface FinalMix {
  /** Items per level (casework, groupwork, systemic). */
  perLevel: number;
  /** Change-strategy items in all, spread over the three strategies. */
  strategies: number;
}

/** The final assessment of one attempt: scenarios from the whole bank in the configured mix. */
export function drawFinal(bank: readonly ItemSpec[], mix: FinalMix, round: number): ItemSpec[] {
  const levels = bank.filter((i) => i.type === 'classify-level');
  const strategies = bank.filter((i) => i.type === 'classify-strategy');
  const picked = [
    ...drawBalanced(levels, mix.perLevel * 3, 'final:levels', round),
    ...drawBalanced(strategies, mix.strategies, 'final:strategies', round),
  ];
  return shuffle(picked, seededRandom(`final:${round}`));
}
