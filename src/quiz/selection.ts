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
 * repeating an item. Round by round it prefers what the learner has not been asked yet: within each
 * answer, the questions not asked in an earlier round of this quiz come first, then those asked
 * longest ago. So when every answer has at least twice its share, a retry asks none of the
 * questions of the round before. The history is replayed from round 0 (rounds are few, and this
 * keeps the Progress record free of question lists).
 */
export function drawBalanced(pool: readonly ItemSpec[], size: number, key: string, round: number): ItemSpec[] {
  size = Math.min(size, pool.length);
  const bank = shuffle(pool, seededRandom(key)); // one fixed order per pool: it breaks ties
  const groups = new Map<string, ItemSpec[]>();
  // Classifications balance by answer. Concept questions (whose answers are option letters), sorts
  // and cases (whose answers are all different) by type, so a bank twice the round never repeats.
  const groupOf = (item: ItemSpec) => (item.type.startsWith('classify-') ? item.answer : item.type);
  for (const item of bank) groups.set(groupOf(item), [...(groups.get(groupOf(item)) ?? []), item]);
  const lists = [...groups.values()];
  const lastAsked = new Map<ItemSpec, number>();
  let picked: ItemSpec[] = [];
  for (let r = 0; r <= round; r++) {
    // Never asked (-1) first, then the longest ago; the sort is stable, so ties keep the bank's order.
    const queues = lists.map((list) => [...list].sort((a, b) => (lastAsked.get(a) ?? -1) - (lastAsked.get(b) ?? -1)));
    picked = [];
    for (let i = 0; picked.length < size; i++) {
      for (const queue of queues) if (i < queue.length && picked.length < size) picked.push(queue[i]);
    }
    for (const item of picked) lastAsked.set(item, r);
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
  /** Classification scenarios per level (casework, groupwork, systemic), from the whole bank. */
  perLevel: number;
  /** Change-strategy scenarios in all, spread over the three strategies. */
  strategies: number;
  /** Concept questions (type `choice`) per module id, from that module's bank. */
  concepts: Record<string, number>;
}

/**
 * The final assessment of one attempt: concept questions from the modules that have them, then
 * level and strategy scenarios from the whole bank, each part balanced and preferring questions
 * that earlier attempts did not ask; shuffled together.
 */
export function drawFinal(modules: readonly ModuleSpec[], mix: FinalMix, round: number): ItemSpec[] {
  const bank = modules.flatMap((m) => m.items);
  const concepts = modules.flatMap((m) =>
    drawBalanced(m.items.filter((i) => i.type === 'choice'), mix.concepts[m.id] ?? 0, `final:${m.id}`, round),
  );
  const picked = [
    ...concepts,
    ...drawBalanced(bank.filter((i) => i.type === 'classify-level'), mix.perLevel * 3, 'final:levels', round),
    ...drawBalanced(bank.filter((i) => i.type === 'classify-strategy'), mix.strategies, 'final:strategies', round),
  ];
  return shuffle(picked, seededRandom(`final:${round}`));
}
