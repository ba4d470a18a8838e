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
 * The questions of one quiz round: deterministic for (module, round), balanced across answers,
 * and — where the bank is big enough — different items from the round before.
 */
export function drawModuleQuiz(module: ModuleSpec, round: number): ItemSpec[] {
  const size = Math.min(module.quizSize, module.items.length);
  const bank = shuffle(module.items, seededRandom(module.id)); // one fixed order per module
  const groups = new Map<string, ItemSpec[]>();
  for (const item of bank) groups.set(item.answer, [...(groups.get(item.answer) ?? []), item]);
  const lists = [...groups.values()];
  const quota = Math.ceil(size / lists.length);
  // Each round starts one quota further along every answer's list, wrapping around.
  const windows = lists.map((list) => Array.from({ length: list.length }, (_, i) => list[(round * quota + i) % list.length]));
  const picked: ItemSpec[] = [];
  for (let i = 0; picked.length < size; i++) {
    for (const list of windows) if (i < list.length && picked.length < size) picked.push(list[i]);
  }
  return shuffle(picked, seededRandom(`${module.id}:${round}`));
}
