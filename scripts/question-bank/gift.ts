/**
 * The bank in GIFT, Moodle's plain-text question format (MOODLE-FORMATS §3), written the way
 * Moodle's own exporter writes it (qformat_gift): `// [id:…] [tag:…]`, `::name::`, `[html]`,
 * `{ =right#feedback ~wrong#feedback ####general }`.
 */
import { categoryPath, inLanguage, plainInLanguage, type BankLanguage, type BankQuestion } from './questions.ts';

/** Moodle's repchar(): \ # = ~ { } : and newlines escaped, carriage returns dropped. */
export const escapeGift = (text: string) =>
  text.replace(/[\\#=~{}:\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '' : `\\${c}`));

/** Square brackets inside [id:…] and [tag:…] are escaped, as Moodle's write_idnumber_and_tags does. */
const bracketed = (s: string) => s.replace(/[[\]]/g, (c) => `\\${c}`);

function questionGift(q: BankQuestion, lang: BankLanguage): string {
  const meta = `// ${[`[id:${bracketed(q.idnumber)}]`, ...q.tags.map((t) => `[tag:${bracketed(t)}]`)].join(' ')}`;
  const answers = q.options.map((o) => `\t${o.correct ? '=' : '~'}${escapeGift(inLanguage(o.text, lang))}#${escapeGift(inLanguage(o.feedback, lang))}`);
  return [
    meta,
    `::${escapeGift(plainInLanguage(q.name, lang))}::[html]${escapeGift(inLanguage(q.stem, lang))}{`,
    ...answers,
    `\t####${escapeGift(inLanguage(q.general, lang))}`,
    '}',
  ].join('\n');
}

export function gift(questions: BankQuestion[], lang: BankLanguage): string {
  const blocks: string[] = [];
  let current = '';
  for (const q of questions) {
    const category = categoryPath(q, lang);
    if (category !== current) blocks.push(`$CATEGORY: ${(current = category)}`);
    blocks.push(questionGift(q, lang));
  }
  return `${blocks.join('\n\n')}\n`;
}
