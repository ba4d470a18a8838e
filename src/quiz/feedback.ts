import { LEVELS, STRATEGIES, type ItemSpec } from '../content/types.ts';
import { lastChoice, partChoices, partsOf, type Answers } from './scoring.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Wraps the scenario's cue words in <mark>, shown after the learner answers. Works on compiled,
 * sanitised HTML: only text between tags is touched, so no markup can be broken or injected.
 */
export function highlightCues(html: string, cues: readonly string[]): string {
  const words = cues.filter((c) => c.trim()).sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (!words.length) return html;
  const pattern = new RegExp(`(${words.join('|')})`, 'gi');
  return html
    .split(/(<[^>]+>)/)
    .map((part) => (part.startsWith('<') ? part : part.replace(pattern, '<mark>$1</mark>')))
    .join('');
}

/** Rows: what the situation was; columns: what the learner chose (latest answers). */
export interface Confusion {
  classes: readonly string[];
  counts: number[][];
}

/** The learner's classifications of one kind (whole items, a sort's cases, a case's steps), as a 3×3 table. */
export function confusionMatrix(items: readonly ItemSpec[], answers: Answers, type: 'classify-level' | 'classify-strategy'): Confusion | null {
  const classes = type === 'classify-level' ? LEVELS : STRATEGIES;
  const counts = classes.map(() => classes.map(() => 0));
  let any = false;
  for (const item of items) {
    const response = lastChoice(answers, item.id);
    if (response === undefined) continue;
    const chosen = partChoices(item, response);
    partsOf(item).forEach((part, i) => {
      if (part.type !== type || chosen[i] === undefined) return;
      counts[classes.indexOf(part.answer as never)][classes.indexOf(chosen[i] as never)] += 1;
      any = true;
    });
  }
  return any ? { classes, counts } : null;
}

/** The learner's most frequent confusion, as "actual→chosen", or null when there is none. */
export function mainConfusion({ classes, counts }: Confusion): string | null {
  let best: [number, string] | null = null;
  counts.forEach((row, actual) =>
    row.forEach((n, chosen) => {
      if (actual !== chosen && n > 0 && (!best || n > best[0])) best = [n, `${classes[actual]}→${classes[chosen]}`];
    }),
  );
  return best ? (best as [number, string])[1] : null;
}
