import { LEVELS, STRATEGIES, type ItemSpec } from '../content/types.ts';
import { wholeWords } from '../content/whole-words.ts';
import { lastChoice, partChoices, partsOf, type Answers } from './scoring.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (text: string) =>
  text.replace(/&(?:#(x[0-9a-f]+|\d+)|([a-z]+));/gi, (entity, code: string | undefined, name: string | undefined) => {
    if (name) return ENTITIES[name.toLowerCase()] ?? entity;
    const n = code![0].toLowerCase() === 'x' ? Number.parseInt(code!.slice(1), 16) : Number(code);
    return n <= 0x10ffff ? String.fromCodePoint(n) : entity;
  });
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Wraps the scenario's cue words in <mark>, shown after the learner answers. Works on compiled,
 * sanitised HTML: only text between tags is touched, so no markup can be broken or injected. Cues
 * are matched as whole words on the text a learner reads (entities decoded first), so a cue such
 * as "amp" never lands inside "&amp;", and "orang tua" is not marked inside "orang tuanya".
 */
export function highlightCues(html: string, cues: readonly string[]): string {
  const pattern = wholeWords(cues);
  if (!pattern) return html;
  return html
    .split(/(<[^>]+>)/)
    .map((part) => {
      if (part.startsWith('<')) return part;
      const text = decode(part);
      pattern.lastIndex = 0;
      if (!pattern.test(text)) return part; // untouched, entities and all
      pattern.lastIndex = 0;
      let out = '';
      let from = 0;
      for (const match of text.matchAll(pattern)) {
        out += `${escape(text.slice(from, match.index))}<mark>${escape(match[0])}</mark>`;
        from = match.index + match[0].length;
      }
      return out + escape(text.slice(from));
    })
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
