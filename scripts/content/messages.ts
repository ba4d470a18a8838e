import { YAMLParseError } from 'yaml';
import type { z } from 'zod';

/**
 * Plain-word messages for authors: what should be there, with a short example of the right shape,
 * instead of a parser's "expected object" or "expected record".
 */

const LANG_NAMES: Record<string, string> = { id: 'Indonesian', en: 'English' };

const both = (field: string) => `${field}:\n  id: "Teks dalam bahasa Indonesia."\n  en: "The same text in English."`;
const lists = (field: string) => `${field}:\n  id: ["Baris pertama.", "Baris kedua."]\n  en: ["First line.", "Second line."]`;

/** Fields that hold one text in each language. */
const LOCALIZED = new Set(['title', 'tagline', 'text', 'rationale', 'prompt', 'activity', 'then', 'why', 'term', 'definition']);
/** Fields that hold a list of lines in each language. */
const LISTS = new Set(['outcomes', 'objectives', 'takeaways', 'listenFor', 'answers', 'cues']);

function example(path: PropertyKey[]): string | undefined {
  const last = String(path.at(-1) ?? '');
  const parent = String(path.at(-2) ?? '');
  if (LOCALIZED.has(last) || parent === 'options' || parent === 'misconceptions') return both(last);
  if (LISTS.has(last)) return lists(last);
  if (last === 'options') return `options:\n  a: { id: "Pilihan pertama.", en: "First option." }\n  b: { id: "Pilihan kedua.", en: "Second option." }`;
  if (last === 'misconceptions') return `misconceptions:          # one per wrong option\n  groupwork: { id: "Mengira …", en: "Thinks …" }\n  systemic: { id: "Mengira …", en: "Thinks …" }`;
  if (last === 'cases') return `cases:\n  - answer: casework\n    text: { id: "…", en: "…" }\n    why: { id: "…", en: "…" }`;
  if (last === 'steps') return `steps:\n  - kind: level\n    prompt: { id: "…", en: "…" }`;
  if (last === 'tags') return 'tags: [family, village]';
  if (last === 'modules') return 'modules:\n  - 01-welfare-mandate\n  - 04-intervention-levels';
  if (last === 'facilitator') return 'facilitator:\n  minutes: 20\n  prompt: { id: "…", en: "…" }';
  if (last === 'quiz') return 'quiz:\n  size: 10';
  if (last === 'final') return 'final:\n  passMark: 75';
  return undefined;
}

const withExample = (message: string, path: PropertyKey[]) => {
  const shape = example(path);
  return shape ? `${message}. It should look like this:\n${shape.replace(/^/gm, '    ')}` : message;
};

const describeInput = (input: unknown) =>
  input === null ? 'empty' : Array.isArray(input) ? 'a list' : typeof input === 'object' ? 'a set of named fields' : typeof input === 'string' ? `the text "${input.slice(0, 40)}"` : String(input);

const WHAT: Record<string, string> = {
  string: 'a text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a set of named fields', record: 'a set of named fields',
};

export function describeIssue(issue: z.core.$ZodIssue): string {
  const last = issue.path.at(-1);
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    if (last === 'id' || last === 'en') return `is missing: write the ${LANG_NAMES[last]} text`;
    return withExample('is missing: add it', issue.path);
  }
  if (issue.code === 'unrecognized_keys') {
    return `has a field this format does not know: ${issue.keys.join(', ')} (check the spelling and the indentation against lessons/FORMAT.md)`;
  }
  if (issue.code === 'invalid_type' && example(issue.path)?.includes('id: "Teks')) {
    const found = typeof issue.input === 'string' ? 'one text' : Array.isArray(issue.input) ? 'a list' : 'something else';
    return withExample(`should be the text in both languages (id: and en:), but it is ${found}`, issue.path);
  }
  if (issue.code === 'invalid_union' && last === 'type') {
    const input = issue.input && typeof issue.input === 'object' ? (issue.input as { type?: unknown }).type : undefined;
    return `${input === undefined ? 'is missing' : `"${String(input)}" is not a question type`}: use classify-level, classify-strategy, choice, sort or case`;
  }
  if (issue.code === 'invalid_type' && LISTS.has(String(last)) && !issue.path.includes('id') && !issue.path.includes('en')) {
    return withExample(`should be a list of lines in each language (id: and en:), but it is ${describeInput(issue.input)}`, issue.path);
  }
  if (issue.code === 'invalid_type' && last === 'options') {
    return withExample(`should be the options keyed a, b, c (and d), each in both languages, but it is ${describeInput(issue.input)}`, issue.path);
  }
  if (issue.code === 'invalid_type') {
    const found = describeInput(issue.input);
    // Custom messages in the schema ("expected a version such as 0.1.0") already say what belongs there.
    const wanted = /^expected (object|record|array|string|number|boolean)/.test(issue.message) || !issue.message.startsWith('expected')
      ? `should be ${WHAT[issue.expected] ?? issue.expected}`
      : issue.message.replace(/^expected/, 'should be');
    return withExample(`${wanted}, but it is ${found}`, issue.path);
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return 'is empty: write the text';
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    if (issue.origin === 'number') return `${issue.message.replace(/^Too (small|big): expected number to be /, 'should be ')}`;
  }
  return issue.message;
}

/** A YAML syntax error in plain words: the parser's message, then the likely fix. */
export function describeYamlError(error: unknown, source: string): { line?: number; column?: number; message: string } {
  if (!(error instanceof YAMLParseError)) {
    const text = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(text)) {
      return { message: 'uses too many YAML aliases (`*name` copies of an `&name` anchor), which can blow up to billions of entries: write the text out instead of using anchors and aliases' };
    }
    return { message: `could not be read as YAML: ${text.split('\n')[0]}` };
  }
  const at = error.linePos?.[0];
  const lineText = at ? (source.split(/\r?\n/)[at.line - 1] ?? '') : '';
  const hint = yamlHint(error.code, lineText, error.message);
  const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { line: at?.line, column: at?.col, message: `not valid YAML (${what}). Likely fix: ${hint}` };
}

function yamlHint(code: string, line: string, message: string): string {
  const count = (quote: string) => line.split(quote).length - 1;
  if (/^ *\t/.test(line)) return 'indent with spaces, never tabs';
  if (code === 'DUPLICATE_KEY') return 'a field appears twice in the same item: keep only one';
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'BLOCK_IN_FLOW') return COLON_HINT;
  if (/end with an? [\]}]/.test(message)) return `close the ${message.includes(']') ? 'list with "]"' : 'group with "}"'} on the line where it starts`;
  if (count('"') % 2 === 1) return 'close every double quote; inside double-quoted text write a double quote as \\"';
  if (count("'") % 2 === 1) return 'text with an apostrophe (it\'s, Ma\'ruf) must be in double quotes, e.g. en: "it\'s"';
  if (code === 'BAD_INDENT') return 'fields of the same item must start at the same column: check the spaces at the start of this line and the one above';
  if (/[[{]/.test(line)) return 'inside { … } and [ … ], separate the entries with commas and put text in double quotes';
  if (/:\s.*:\s/.test(line.replace(/"[^"]*"/g, '""'))) return COLON_HINT;
  return 'compare this line with the examples in lessons/FORMAT.md (spaces, quotes, ": " after each field name)';
}

const COLON_HINT = 'text containing ": " (a colon and a space) must be in quotes, e.g. en: "Note: the group meets weekly."';
