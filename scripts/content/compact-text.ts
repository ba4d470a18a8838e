import { mapStrings, type CompactItem, type CompactModuleText, type CompactPart } from '../../src/content/compact-text.ts';
import type { ItemText, ModuleSpec, ModuleText, PartText } from '../../src/content/types.ts';

/** The compiler's side of src/content/compact-text.ts: a module's text in the form it ships in. */
const TERM_LINK = /<a class="term" href="#glossary-([a-z0-9-]+)" data-term="\1">/g;

/** A tuple without its trailing empty fields (JSON writes a missing one in the middle as null). */
function trimmed<T extends unknown[]>(tuple: T): T {
  let end = tuple.length;
  while (end > 0 && (tuple[end - 1] === null || tuple[end - 1] === undefined)) end--;
  return tuple.slice(0, end) as T;
}

const orNull = <T>(value: T | undefined): T | null => value ?? null;
const noneIfEmpty = (record: Record<string, string>) => (Object.keys(record).length ? record : null);

const compactPart = (p: PartText): CompactPart =>
  trimmed<CompactPart>([p.text, p.rationale, noneIfEmpty(p.misconceptions), orNull(p.options), orNull(p.then)]);

const compactItemText = (t: ItemText): CompactItem =>
  trimmed<CompactItem>([t.text, t.rationale, t.cues, noneIfEmpty(t.misconceptions), orNull(t.options), t.parts ? t.parts.map(compactPart) : null]);

/** Build time: the compiler's text of one module, keyed by the items' author ids, in the shipped form. */
export function compactModuleText(text: ModuleText, module: Pick<ModuleSpec, 'items'>): CompactModuleText {
  const compact: CompactModuleText = {
    objectives: text.objectives,
    takeaways: text.takeaways,
    pages: text.pages.map((page) => [page.title, page.html]),
    items: module.items.map((item) => compactItemText(text.items[item.id])),
  };
  return mapStrings(compact, (s) => s.replace(TERM_LINK, '<a data-term="$1">'));
}

