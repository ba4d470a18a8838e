import { LANGS, type Lang } from '../../src/content/types.ts';
import { hasWholeWords } from '../../src/content/whole-words.ts';
import type { Problem, SourcedItem } from './compile.ts';
import { visibleText } from './markdown.ts';

/**
 * Checks across the whole scenario bank, run by `npm run content:check` (and so by `npm test`):
 * - the right answer must not give itself away by its length or by the wording of the others
 *   (errors; lessons/FORMAT.md "The right answer must not stand out" gives the exact rules);
 * - sort cases read alone (a warning: they are shown shuffled);
 * - near-duplicate scenarios (a warning).
 */

/** (a) The key may be at most this many times as long as the longest wrong option. */
export const MAX_KEY_RATIO = 1.3;
/** (b) and (c): at most this share of the items may give the key away. */
export const MAX_GIVEAWAY_SHARE = 0.4;
/** (c) Words that make an option sound wrong (or right) whatever it says. */
export const TELLTALE_WORDS: Record<Lang, string[]> = {
  id: ['selalu', 'tidak pernah', 'hanya', 'satu-satunya'],
  en: ['always', 'never', 'only'],
};
/** Scenarios sharing this share of their words are reported as near-duplicates. */
export const NEAR_DUPLICATE = 0.5;

const LANG_NAMES: Record<Lang, string> = { id: 'Indonesian', en: 'English' };

/** One single-best-answer question whose options are authored text: a `choice` item or a case's choice step. */
interface AuthoredQuestion {
  id: string;
  file: string;
  /** Where it is in its file, for messages. */
  field: string;
  options: Record<string, Record<Lang, string>>;
  answer: string;
}

function authoredQuestions(sources: SourcedItem[]): AuthoredQuestion[] {
  return sources.flatMap(({ item, file, label }): AuthoredQuestion[] => {
    if (item.type === 'choice') return [{ id: item.id, file, field: label, options: item.options as AuthoredQuestion['options'], answer: item.answer }];
    if (item.type !== 'case') return [];
    return item.steps.flatMap((step, i) => step.kind === 'choice' && step.options
      ? [{ id: `${item.id} step ${i + 1}`, file, field: `${label}.steps[${i}]`, options: step.options as AuthoredQuestion['options'], answer: step.answer }]
      : []);
  });
}

/** Length in characters of the visible text (Markdown stripped, white space collapsed). */
const length = (md: string) => [...visibleText(md)].length;
const wordCount = (md: string) => visibleText(md).split(' ').filter(Boolean).length;
const percent = (n: number) => `${Math.round(n * 100)}%`;

export interface BankFindings {
  errors: Problem[];
  warnings: Problem[];
}

export function checkBank(sources: SourcedItem[], bankFile = 'lessons/scenarios'): BankFindings {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const questions = authoredQuestions(sources);

  for (const lang of LANGS) {
    const language = LANG_NAMES[lang];
    const longest: string[] = [];
    let multiWord = 0;
    const giveaways: string[] = [];
    let withTelltale = 0;
    for (const q of questions) {
      const key = q.options[q.answer];
      const wrong = Object.entries(q.options).filter(([k]) => k !== q.answer);
      if (!key || !wrong.length) continue; // the compiler reports these
      const keyLength = length(key[lang]);
      const wrongLengths = wrong.map(([, text]) => length(text[lang]));
      const longestWrong = Math.max(...wrongLengths);
      // (a) one item: the key much longer than every wrong option
      const ratio = keyLength / Math.max(longestWrong, 1);
      if (ratio > MAX_KEY_RATIO) {
        errors.push({
          file: q.file, field: `${q.field}.options.${q.answer}.${lang}`,
          message: `the right answer is ${ratio.toFixed(2)}× as long as the longest wrong option in ${language} (${keyLength} vs ${longestWrong} characters; at most ${MAX_KEY_RATIO}×): make the wrong options as specific and as long as the key, or the key shorter`,
        });
      }
      // (b) across the bank: the key is the single longest option
      if ([key, ...wrong.map(([, t]) => t)].every((t) => wordCount(t[lang]) >= 2)) {
        multiWord += 1;
        if (keyLength > longestWrong) longest.push(`${q.id} (+${keyLength - longestWrong} character${keyLength - longestWrong === 1 ? '' : 's'}, ${ratio.toFixed(2)}×)`);
      }
      // (c) across the bank: tell-tale words only in wrong options
      const words = TELLTALE_WORDS[lang];
      const inWrong = wrong.flatMap(([k, t]) => words.filter((w) => hasWholeWords(visibleText(t[lang]), w)).map((w) => `"${w}" in ${k}`));
      const inKey = words.some((w) => hasWholeWords(visibleText(key[lang]), w));
      if (inWrong.length || inKey) {
        withTelltale += 1;
        if (!inKey) giveaways.push(`${q.id} (${inWrong.join(', ')})`);
      }
    }
    if (multiWord && longest.length / multiWord > MAX_GIVEAWAY_SHARE) {
      errors.push({
        file: bankFile, field: `all items, ${language}`,
        message: `the right answer is the single longest option in ${longest.length} of ${multiWord} items whose options all have two or more words (${percent(longest.length / multiWord)}; at most ${percent(MAX_GIVEAWAY_SHARE)}), so a learner can pass by picking the longest. Shorten keys or lengthen wrong options in:\n${longest.map((l) => `  - ${l}`).join('\n')}`,
      });
    }
    if (withTelltale && giveaways.length / withTelltale > MAX_GIVEAWAY_SHARE) {
      errors.push({
        file: bankFile, field: `all items, ${language}`,
        message: `of ${withTelltale} items with ${TELLTALE_WORDS[lang].map((w) => `"${w}"`).join(', ')} in an option, ${giveaways.length} (${percent(giveaways.length / withTelltale)}; at most ${percent(MAX_GIVEAWAY_SHARE)}) have the word only in wrong options, so it marks an option as wrong. Reword these, or use such a word in a key too:\n${giveaways.map((g) => `  - ${g}`).join('\n')}`,
      });
    }
  }

  warnings.push(...sortBackReferences(sources), ...nearDuplicates(sources));
  return { errors, warnings };
}

/**
 * Words that, in a sort case's first sentence, refer back to another case ("the same group",
 * "para ibu tadi"). Sort cases are shown shuffled, so each must make sense alone. English "that"
 * counts only as a determiner: at the start of the sentence or after a preposition ("at that
 * meeting"), not as a conjunction ("says that").
 */
export const BACK_REFERENCES: Record<Lang, RegExp> = {
  id: /(?<![\p{L}\p{N}-])(itu|tersebut|yang sama|para\s+(?:[\p{L}-]+\s+){1,3}tadi)(?![\p{L}\p{N}-])/iu,
  en: /(?<![\p{L}\p{N}-])(the same|these|those|(?:^|(?:in|at|of|for|with|to|from|on|by|about|into|after|before|during)\s+)that(?=\s+\p{L}))(?![\p{L}\p{N}-])/iu,
};

const firstSentence = (text: string) => /^.*?(?:[.!?](?=\s|$)|$)/su.exec(text)?.[0] ?? text;

function sortBackReferences(sources: SourcedItem[]): Problem[] {
  return sources.flatMap(({ item, file, label }) => item.type !== 'sort' ? [] : item.cases.flatMap((c, i) =>
    LANGS.flatMap((lang): Problem[] => {
      const found = BACK_REFERENCES[lang].exec(firstSentence(visibleText(c.text[lang])))?.[0];
      return found ? [{
        file, field: `${label}.cases[${i}].text.${lang}`, severity: 'warning',
        message: `begins by referring to another case ("${found.trim()}"): sort cases are shown in a shuffled order, so name the people or place again and let each case make sense alone`,
      }] : [];
    })));
}

/** Every word a learner reads of a scenario, for comparing two of them. */
function scenarioWords(item: SourcedItem['item'], lang: Lang): Set<string> {
  const parts = [item.text[lang], ...(item.type === 'sort' ? item.cases.map((c) => c.text[lang]) : []), ...(item.type === 'case' ? item.steps.map((s) => s.prompt[lang]) : [])];
  return new Set(parts.flatMap((p) => visibleText(p).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
}

function nearDuplicates(sources: SourcedItem[]): Problem[] {
  const warnings: Problem[] = [];
  for (const lang of LANGS) {
    const sets = sources.map((s) => scenarioWords(s.item, lang));
    for (let b = 0; b < sources.length; b++) {
      for (let a = 0; a < b; a++) {
        const shared = [...sets[a]].filter((w) => sets[b].has(w)).length;
        const similarity = shared / (sets[a].size + sets[b].size - shared || 1);
        if (similarity < NEAR_DUPLICATE) continue;
        const other = sources[a];
        if (warnings.some((w) => w.field === sources[b].label && w.file === sources[b].file && w.message.includes(`"${other.item.id}"`))) continue;
        warnings.push({
          file: sources[b].file, field: sources[b].label, severity: 'warning',
          message: `is nearly the same scenario as "${other.item.id}" in ${other.file} (${percent(similarity)} of the words in ${LANG_NAMES[lang]} are shared): make the situation clearly different, or keep only one`,
        });
      }
    }
  }
  return warnings;
}

