import type { ItemSpec, ModuleSpec } from '../content/types.ts';

export type Answers = Record<string, string[]>;

export const isCorrect = (item: ItemSpec, choice: string | undefined) => choice === item.answer;

/** The learner's most recent choice for an item, if any. */
export const lastChoice = (answers: Answers, itemId: string): string | undefined => answers[itemId]?.at(-1);

export interface Score {
  correct: number;
  total: number;
  percent: number;
}

/** Score of a module quiz, counting each item's most recent answer. */
export function scoreModule(module: ModuleSpec, answers: Answers): Score {
  const total = module.items.length;
  const correct = module.items.filter((item) => isCorrect(item, lastChoice(answers, item.id))).length;
  return { correct, total, percent: total ? Math.round((correct / total) * 100) : 100 };
}
