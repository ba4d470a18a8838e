import type { ItemSpec } from '../content/types.ts';

export type Answers = Record<string, string[]>;

export const isCorrect = (item: ItemSpec, choice: string | undefined) => choice === item.answer;

/** The learner's most recent choice for an item, if any. */
export const lastChoice = (answers: Answers, itemId: string): string | undefined => answers[itemId]?.at(-1);

export interface Score {
  correct: number;
  total: number;
  percent: number;
}

/** Score of a quiz round, counting each item's most recent answer. */
export function scoreItems(items: readonly ItemSpec[], answers: Answers): Score {
  const total = items.length;
  const correct = items.filter((item) => isCorrect(item, lastChoice(answers, item.id))).length;
  return { correct, total, percent: total ? Math.round((correct / total) * 100) : 100 };
}
