import { wholeWords } from '../../src/content/whole-words.ts';

/**
 * Words the Indonesian text must not use, each with what to write instead: respectful terms and
 * the standard (EYD/KBBI) spellings. README "House style" lists them; the compiler refuses them.
 */
export const AVOID_IN_INDONESIAN: Record<string, string> = {
  'penyandang cacat': 'penyandang disabilitas',
  terbelakang: 'dengan disabilitas intelektual',
  mempengaruhi: 'memengaruhi',
  'non material': 'nonmaterial',
  dimana: 'di mana (or yang, tempat)',
  'asas mikro': 'aras mikro',
  'asas mezzo': 'aras mezzo',
  'asas makro': 'aras makro',
};

const pattern = wholeWords(Object.keys(AVOID_IN_INDONESIAN), 'iu')!;

/** The first word of the list found in the text, with its replacement, or undefined. */
export function houseStyleProblem(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (!Object.keys(AVOID_IN_INDONESIAN).some((word) => lower.includes(word.split(' ')[0]))) return undefined;
  const found = pattern.exec(text)?.[0];
  if (!found) return undefined;
  return `write "${AVOID_IN_INDONESIAN[found.toLowerCase().replace(/\s+/g, ' ')]}" instead of "${found}" (house style: respectful terms and EYD/KBBI spelling)`;
}
