/**
 * Whole-word matching shared by the lesson checker and the cue highlighting, so a cue word the
 * checker accepts is exactly what the learner sees marked. A word boundary is any character that is
 * not a letter or digit; a hyphen joins words ("satu-satunya" is one word), so "satu" does not occur
 * in it, and "orang tua" does not occur in "orang tuanya".
 */
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const BEFORE = '(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}]-)';
const AFTER = '(?![\\p{L}\\p{N}])(?!-[\\p{L}\\p{N}])';

/** A case-insensitive pattern for any of the phrases as whole words (longest first); null for none. */
export function wholeWords(phrases: readonly string[], flags = 'giu'): RegExp | null {
  const words = phrases.map((p) => p.trim()).filter(Boolean).sort((a, b) => b.length - a.length);
  if (!words.length) return null;
  // Spaces in a phrase match any run of white space, as in the rendered text.
  const alternatives = words.map((w) => escapeRegExp(w).replace(/\s+/g, '\\s+'));
  return new RegExp(`${BEFORE}(${alternatives.join('|')})${AFTER}`, flags);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

/**
 * Whether `phrase` occurs in `text` (white space collapsed) as a whole word or words,
 * case-insensitively. The same rule as `wholeWords`, by hand: the checker calls it for every cue
 * word, and compiling a Unicode pattern for each one made the build twice as slow.
 */
export function hasWholeWords(text: string, phrase: string): boolean {
  const words = phrase.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!words) return false;
  const hay = text.toLowerCase();
  for (let at = hay.indexOf(words); at >= 0; at = hay.indexOf(words, at + 1)) {
    const end = at + words.length;
    const before = !isWordChar(hay[at - 1]) && !(hay[at - 1] === '-' && isWordChar(hay[at - 2]));
    const after = !isWordChar(hay[end]) && !(hay[end] === '-' && isWordChar(hay[end + 1]));
    if (before && after) return true;
  }
  return false;
}
