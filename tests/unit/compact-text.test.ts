import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import { compactModuleText } from '../../scripts/content/compact-text.ts';
import { expandModuleText } from '../../src/content/compact-text.ts';
import { LANGS, type ItemText, type ModuleText } from '../../src/content/types.ts';

const course = compileContent(path.resolve('lessons'));

/** What the browser sees: the compiler's text with items keyed by code instead of the author's id. */
function keyedByCode(text: ModuleText, items: { id: string; code: string }[]): ModuleText {
  return { ...text, items: Object.fromEntries(items.map((item) => [item.code, text.items[item.id]])) };
}

describe('compact module text', () => {
  it('expands back to exactly what the compiler made, for every module of the real course in both languages', () => {
    for (const module of course.manifest.modules) {
      for (const lang of LANGS) {
        const text = course.texts[module.id][lang];
        // Through JSON, as the chunk travels.
        const shipped = JSON.parse(JSON.stringify(compactModuleText(text, module)));
        const browserModule = { items: module.items.map((item) => ({ ...item, id: item.code })) };
        expect(expandModuleText(shipped, browserModule)).toStrictEqual(keyedByCode(text, module.items));
      }
    }
  });

  it('ships glossary links in their short form and leaves other links alone', () => {
    const html = '<p><a class="term" href="#glossary-casework" data-term="casework">kasus</a> · <a href="https://example.org/" rel="noopener noreferrer" target="_blank">x</a></p>';
    const text: ModuleText = { objectives: [], takeaways: [], pages: [{ title: 'T', html }], items: {} };
    const compact = compactModuleText(text, { items: [] });
    expect(compact.pages[0][1]).toBe('<p><a data-term="casework">kasus</a> · <a href="https://example.org/" rel="noopener noreferrer" target="_blank">x</a></p>');
    expect(expandModuleText(compact, { items: [] }).pages[0].html).toBe(html);
  });

  it('keeps an item with options, parts, a step\'s "then" and no misconceptions', () => {
    const item: ItemText = {
      text: 't', rationale: 'r', misconceptions: {}, cues: ['c'], options: { a: 'A', b: 'B' },
      parts: [{ text: 'p', rationale: 'pr', misconceptions: { a: 'm' }, options: { a: 'A' }, then: 'next' }, { text: 'q', rationale: 'qr', misconceptions: {} }],
    };
    const text: ModuleText = { objectives: ['o'], takeaways: ['k'], pages: [], items: { 'fx-one': item } };
    const shipped = JSON.parse(JSON.stringify(compactModuleText(text, { items: [{ id: 'fx-one', code: 'abcde' }] as never })));
    expect(expandModuleText(shipped, { items: [{ id: 'abcde', code: 'abcde' }] as never })).toStrictEqual({ ...text, items: { abcde: item } });
  });
});
