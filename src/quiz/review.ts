/**
 * Spaced review of missed scenarios (a Leitner schedule). A missed item goes to box 1, due the next
 * day; each right answer in a Practice session moves it one box up, due after that box's days;
 * right in the last box, it is learned and leaves the schedule. A miss always starts over.
 */

/** Days until the next review, per box (box 1 first). */
export const REVIEW_DAYS = [1, 3, 7, 14] as const;
/** At most this many scenarios in one Practice session: short enough for a bus ride. */
export const PRACTICE_SIZE = 10;

/** Item id → [box, due day]. */
export type Review = Record<string, [number, number]>;

/** The learner's local calendar day as a whole number, so "due today" follows their midnight. */
export const dayNumber = (date: Date): number => Math.floor((date.getTime() - date.getTimezoneOffset() * 60_000) / 86_400_000);

export const isDue = (review: Review, id: string, today: number) => id in review && review[id][1] <= today;

/** Items due today or earlier, the longest-waiting first. */
export const dueItems = (review: Review, today: number): string[] =>
  Object.keys(review)
    .filter((id) => isDue(review, id, today))
    .sort((a, b) => review[a][1] - review[b][1] || review[a][0] - review[b][0] || a.localeCompare(b));

/**
 * The schedule after one answer. `practising`: the answer was given in a Practice session, where
 * only the first answer to a due item counts (a "Try again" does not move it).
 */
export function scheduleAnswer(review: Review, id: string, correct: boolean, today: number, practising: boolean): Review {
  if (practising && id in review && !isDue(review, id, today)) return review;
  if (!correct) return { ...review, [id]: [1, today + REVIEW_DAYS[0]] };
  if (!practising || !(id in review)) return review;
  const box = review[id][0] + 1;
  const { [id]: _learned, ...rest } = review;
  return box > REVIEW_DAYS.length ? rest : { ...rest, [id]: [box, today + REVIEW_DAYS[box - 1]] };
}
