import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import { AVOID_IN_INDONESIAN } from '../../scripts/content/house-style.ts';
import { LEVELS, STRATEGIES, type ItemSpec } from '../../src/content/types.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';

/** Guards on the real course content: what a reviewer would otherwise have to check by hand. */
const LESSONS = path.resolve('lessons');
const { manifest, texts, glossary, facilitator } = compileContent(LESSONS);
const items = manifest.modules.flatMap((m) => m.items);
const sources = fs
  .readdirSync(path.join(LESSONS, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parse(fs.readFileSync(path.join(LESSONS, 'scenarios', f), 'utf8')) as Record<string, unknown>[]);
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, ' ');
const words = (s: string) => new Set(plain(s).toLowerCase().match(/[\p{L}\d]+/gu) ?? []);

describe('course content', () => {
  it('has six modules, each with 2–4 objectives and 4–8 pages in both languages', () => {
    expect(manifest.modules.length).toBeGreaterThanOrEqual(6);
    for (const m of manifest.modules) {
      for (const lang of ['id', 'en'] as const) {
        expect(texts[m.id][lang].objectives.length, `${m.id} objectives`).toBeGreaterThanOrEqual(2);
        expect(texts[m.id][lang].objectives.length, `${m.id} objectives`).toBeLessThanOrEqual(4);
        expect(texts[m.id][lang].pages.length, `${m.id} pages`).toBeGreaterThanOrEqual(4);
        expect(texts[m.id][lang].pages.length, `${m.id} pages`).toBeLessThanOrEqual(8);
        expect(facilitator[lang][m.id], `${m.id} facilitator notes`).toBeDefined();
      }
    }
  });

  it('has a scenario bank of at least 90 items: 24+ per level, 6+ per change strategy', () => {
    const count = (type: string, answer: string) => items.filter((i) => i.type === type && i.answer === answer).length;
    expect(items.length).toBeGreaterThanOrEqual(90);
    for (const level of LEVELS) expect(count('classify-level', level), level).toBeGreaterThanOrEqual(24);
    for (const strategy of STRATEGIES) expect(count('classify-strategy', strategy), strategy).toBeGreaterThanOrEqual(6);
    expect(STRATEGIES.reduce((n, s) => n + count('classify-strategy', s), 0)).toBeGreaterThanOrEqual(18);
  });

  it('balances the answer key within ±2 per class', () => {
    for (const type of ['classify-level', 'classify-strategy', 'choice'] as const) {
      const byAnswer = items.filter((i) => i.type === type).reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.answer]: (acc[i.answer] ?? 0) + 1 }), {});
      const counts = Object.values(byAnswer);
      expect(Math.max(...counts) - Math.min(...counts), `${type}: ${JSON.stringify(byAnswer)}`).toBeLessThanOrEqual(2);
    }
  });

  it('has at least 6 contrast sets, each showing one situation at all three levels', () => {
    const sets = new Map<string, Set<string>>();
    for (const item of sources) if (typeof item.contrast === 'string') sets.set(item.contrast, (sets.get(item.contrast) ?? new Set()).add(String(item.answer)));
    const complete = [...sets].filter(([, answers]) => LEVELS.every((level) => answers.has(level)));
    expect(complete.length).toBeGreaterThanOrEqual(6);
  });

  it('asks every item in some quiz round (no item is unreachable)', () => {
    for (const m of manifest.modules) {
      const asked = new Set<string>();
      for (let round = 0; round < m.items.length; round++) drawModuleQuiz(m, round).forEach((i) => asked.add(i.id));
      expect([...asked].sort(), m.id).toEqual(m.items.map((i) => i.id).sort());
    }
    expect(items.length, 'every scenario file item belongs to a module quiz').toBe(sources.length);
  });

  it('has no two near-duplicate scenarios', () => {
    const scenario = (item: ItemSpec) => words(texts[manifest.modules.find((m) => m.items.includes(item))!.id].en.items[item.id].text);
    const sets = items.map((item) => [item.id, scenario(item)] as const);
    for (let a = 0; a < sets.length; a++) {
      for (let b = a + 1; b < sets.length; b++) {
        const [idA, wordsA] = sets[a];
        const [idB, wordsB] = sets[b];
        const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
        const similarity = shared / (wordsA.size + wordsB.size - shared);
        expect(similarity, `${idA} vs ${idB}`).toBeLessThan(0.5);
      }
    }
  });

  it('has no placeholder text and no prose left untranslated', () => {
    const placeholder = /\b(TODO|TBD|FIXME|XXX|lorem|ipsum)\b/i;
    for (const m of manifest.modules) {
      const [id, en] = [texts[m.id].id, texts[m.id].en];
      const prose: [string, string, string][] = [
        ...id.pages.map((p, i): [string, string, string] => [`${m.id} page ${i + 1}`, p.html, en.pages[i].html]),
        ...Object.keys(id.items).flatMap((itemId): [string, string, string][] => [
          [`${itemId}.text`, id.items[itemId].text, en.items[itemId].text],
          [`${itemId}.rationale`, id.items[itemId].rationale, en.items[itemId].rationale],
          ...Object.keys(id.items[itemId].misconceptions).map((k): [string, string, string] => [`${itemId}.misconceptions.${k}`, id.items[itemId].misconceptions[k], en.items[itemId].misconceptions[k]]),
        ]),
      ];
      for (const [where, idText, enText] of prose) {
        expect(idText, where).not.toMatch(placeholder);
        expect(enText, where).not.toMatch(placeholder);
        expect(idText, `${where} is the same in both languages`).not.toBe(enText);
      }
    }
  });

  it('has a glossary of at least 30 terms in both languages, linked from the lessons', () => {
    expect(glossary.id.length).toBeGreaterThanOrEqual(30);
    expect(glossary.en.map((e) => e.id).sort()).toEqual(glossary.id.map((e) => e.id).sort());
    const linked = new Set(manifest.modules.flatMap((m) => texts[m.id].en.pages.flatMap((p) => [...p.html.matchAll(/data-term="([^"]+)"/g)].map((x) => x[1]))));
    expect(linked.size).toBeGreaterThanOrEqual(20);
  });

  it('uses respectful words and the standard spellings (EYD/KBBI)', () => {
    // The list the compiler enforces (scripts/content/house-style.ts); checked here on the compiled text too.
    const avoid = new RegExp(`\\b(${Object.keys(AVOID_IN_INDONESIAN).join('|')})\\b`, 'i');
    for (const m of manifest.modules) {
      for (const page of texts[m.id].id.pages) expect(plain(page.html), m.id).not.toMatch(avoid);
      for (const item of Object.values(texts[m.id].id.items)) expect(plain(item.text + item.rationale), m.id).not.toMatch(avoid);
    }
  });
});
