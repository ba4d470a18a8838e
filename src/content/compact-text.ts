import type { ItemText, ModuleSpec, ModuleText, PartText } from './types.ts';

/**
 * A module's text travels to the browser in a compact form, expanded once when its chunk loads, so
 * every screen sees the same ModuleText as the compiler made. Every chunk of the course is
 * precached for offline use (both languages), so what only repeats is left out:
 * - items are a list in the manifest's order, not keyed by code (five random characters each);
 * - an item or page is a tuple, not an object with the same keys again and again;
 * - a glossary link is written `<a data-term="x">`; its class and address follow from the term.
 * Lesson files cannot produce that short form themselves: their raw HTML is escaped as text.
 * The compiler's side is scripts/content/compact-text.ts; this is the browser's.
 */
type Text = string | null;
type Misconceptions = Record<string, string> | null;
type Options = Record<string, string> | null;
export type CompactPart = [text: string, rationale: string, misconceptions?: Misconceptions, options?: Options, then?: Text];
export type CompactItem = [text: string, rationale: string, cues: string[], misconceptions?: Misconceptions, options?: Options, parts?: CompactPart[] | null];
export interface CompactModuleText {
  objectives: string[];
  takeaways: string[];
  pages: [title: string, html: string][];
  items: CompactItem[];
}

const SHORT_TERM_LINK = /<a data-term="([a-z0-9-]+)">/g;

/** Strings anywhere in a value, rewritten (a module's text is plain data: arrays, objects, strings). */
export function mapStrings<T>(value: T, rewrite: (text: string) => string): T {
  if (typeof value === 'string') return rewrite(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, rewrite)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, rewrite)])) as T;
  return value;
}

function expandPart([text, rationale, misconceptions, options, then]: CompactPart): PartText {
  return { text, rationale, misconceptions: misconceptions ?? {}, ...(options && { options }), ...(then != null && { then }) };
}

function expandItemText([text, rationale, cues, misconceptions, options, parts]: CompactItem): ItemText {
  return { text, rationale, misconceptions: misconceptions ?? {}, cues, ...(options && { options }), ...(parts && { parts: parts.map(expandPart) }) };
}

/** In the browser: a loaded chunk back into ModuleText, items keyed by their code (as the manifest knows them). */
export function expandModuleText(compact: CompactModuleText, module: Pick<ModuleSpec, 'items'>): ModuleText {
  const { objectives, takeaways, pages, items } = mapStrings(compact, (s) =>
    s.replace(SHORT_TERM_LINK, '<a class="term" href="#glossary-$1" data-term="$1">'),
  );
  return {
    objectives,
    takeaways,
    pages: pages.map(([title, html]) => ({ title, html })),
    items: Object.fromEntries(module.items.map((item, i) => [item.code, expandItemText(items[i])])),
  };
}
