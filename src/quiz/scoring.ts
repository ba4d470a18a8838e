import type { ItemSpec, PartSpec } from '../content/types.ts';

export type Answers = Record<string, string[]>;

/** What an item asks: itself, or a sort's cases, or a case's steps. */
export const partsOf = (item: ItemSpec): PartSpec[] => item.parts ?? [item as PartSpec];

/** The option chosen for each part answered so far (a response holds one option index per part). */
export const partChoices = (item: ItemSpec, response: string): (string | undefined)[] =>
  item.parts ? [...response].map((c, i) => item.parts![i]?.options[parseInt(c, 36)]) : [response];

/** A case is answered a step at a time, so its unfinished responses are valid too. */
export function isValidResponse(item: ItemSpec, response: string): boolean {
  if (!item.parts) return item.options.includes(response);
  const complete = response.length === item.parts.length;
  return (complete || (item.type === 'case' && response.length > 0 && response.length < item.parts.length)) && partChoices(item, response).every(Boolean);
}

export const isComplete = (item: ItemSpec, response: string | undefined) => !!response && (!item.parts || response.length === item.parts.length);

export const isCorrect = (item: ItemSpec, choice: string | undefined) => choice === item.answer;

/** Partial credit: the share of parts answered right (a single question is all or nothing). */
export function credit(item: ItemSpec, response: string | undefined): number {
  if (!response) return 0;
  if (!item.parts) return isCorrect(item, response) ? 1 : 0;
  return [...response].filter((c, i) => c === item.answer[i]).length / item.parts.length;
}

/** The learner's most recent choice for an item, if any. */
export const lastChoice = (answers: Answers, itemId: string): string | undefined => answers[itemId]?.at(-1);

export interface Score {
  /** Items right, with partial credit (to one decimal). */
  correct: number;
  total: number;
  percent: number;
}

/** Score of a quiz round, counting each item's most recent answer. */
export function scoreItems(items: readonly ItemSpec[], answers: Answers): Score {
  const total = items.length;
  const sum = items.reduce((n, item) => n + credit(item, lastChoice(answers, item.id)), 0);
  return { correct: Math.round(sum * 10) / 10, total, percent: total ? Math.round((sum / total) * 100) : 100 };
}
