import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileContent, type CompiledCourse } from '../../scripts/content/compile.ts';
import type { ItemSpec, ItemText, Lang, PartSpec } from '../../src/content/types.ts';

/**
 * The courses the question-bank tests write: the real one (its size comes from lessons/, never a
 * number here), and the small fixture course plus items full of characters XML and GIFT reserve.
 */
export const realCourse = () => compileContent(path.resolve('lessons'));

export const HOSTILE_IDS = ['fx-bank-hostile', 'fx-bank-hostile-choice'];

export function hostileCourse(): CompiledCourse {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berdaya-bank-'));
  fs.cpSync(path.resolve('tests/fixtures/lessons'), dir, { recursive: true });
  fs.copyFileSync(path.resolve('tests/fixtures/question-bank/hostile-items.yaml'), path.join(dir, 'scenarios/hostile-bank.yaml'));
  const course = compileContent(dir);
  // The compiler writes ">" as "&gt;"; "]]>" as such is valid HTML too and must survive CDATA.
  for (const module of Object.values(course.texts)) {
    for (const text of Object.values(module)) {
      for (const id of HOSTILE_IDS) if (text.items[id]) text.items[id] = JSON.parse(JSON.stringify(text.items[id]).replaceAll('&gt;', '>'));
    }
  }
  return course;
}

/** What one bank question must say, worked out from the compiled course on its own terms. */
export interface Expected {
  idnumber: string;
  module: string;
  part: PartSpec;
  item: ItemSpec;
  /** Per language: the question's own text, the right option's feedback, each wrong option's. */
  own: Record<Lang, string>;
  right: Record<Lang, string>;
  wrong: Record<Lang, Record<string, string>>;
  /** Per language: the option texts when they are the item's own (concept checks). */
  options?: Record<Lang, Record<string, string>>;
  /** Texts the stem must contain, in order (a sort's prompt; a case's story so far). */
  before: Record<Lang, string[]>;
  cues: Record<Lang, string[]>;
}

const both = <T,>(fn: (lang: Lang) => T): Record<Lang, T> => ({ id: fn('id'), en: fn('en') });

export function expectedQuestions(course: CompiledCourse): Expected[] {
  const out: Expected[] = [];
  for (const module of course.manifest.modules) {
    for (const item of module.items) {
      const text = (lang: Lang): ItemText => course.texts[module.id][lang].items[item.id];
      if (item.parts) {
        item.parts.forEach((part, n) => {
          const p = (lang: Lang) => text(lang).parts![n];
          const sort = item.type === 'sort';
          out.push({
            idnumber: `${item.id}-${sort ? 'case' : 'step'}-${n + 1}`, module: module.id, part, item,
            own: both((l) => p(l).text), right: both((l) => p(l).rationale),
            wrong: both((l) => Object.fromEntries(part.options.filter((o) => o !== part.answer).map((o) => [o, sort ? p(l).rationale : p(l).misconceptions[o]]))),
            ...(p('id').options && { options: both((l) => p(l).options!) }),
            before: both((l) => [text(l).text, ...text(l).parts!.slice(0, n).map((s) => s.then ?? '')]),
            cues: { id: [], en: [] },
          });
        });
      } else {
        const part = item as PartSpec;
        out.push({
          idnumber: item.id, module: module.id, part, item,
          own: both((l) => text(l).text), right: both((l) => text(l).rationale),
          wrong: both((l) => Object.fromEntries(part.options.filter((o) => o !== part.answer).map((o) => [o, text(l).misconceptions[o]]))),
          ...(text('id').options && { options: both((l) => text(l).options!) }),
          before: { id: [], en: [] },
          cues: both((l) => text(l).cues),
        });
      }
    }
  }
  return out;
}

/** Lesson HTML as a browser reads it back (entities and quoting normalised). */
const normalised = new Map<string, string>();
export const normalHtml = (html: string) => {
  let out = normalised.get(html);
  if (out === undefined) normalised.set(html, (out = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.innerHTML));
  return out;
};

/** The two multilang spans of a bilingual text; fails unless exactly two, adjacent, id then en, balanced. */
export function multilang(html: string): Record<Lang, string> {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  const nodes = [...body.childNodes];
  const spans = nodes.filter((n): n is HTMLSpanElement => n instanceof HTMLSpanElement && n.classList.contains('multilang'));
  if (nodes.length !== 2 || spans.length !== 2 || spans[0].lang !== 'id' || spans[1].lang !== 'en' || !html.startsWith('<span lang="id" class="multilang">') || !html.endsWith('</span>')) {
    throw new Error(`not two adjacent multilang spans (id, en): ${html.slice(0, 200)}`);
  }
  return { id: spans[0].innerHTML, en: spans[1].innerHTML };
}
