import { parse, type GIFTQuestion } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../scripts/content/compile.ts';
import { escapeGift, gift } from '../../scripts/question-bank/gift.ts';
import { BANK_LANGUAGES, bankQuestions, categoryPath, loadLabels, type BankLanguage } from '../../scripts/question-bank/questions.ts';
import type { Lang } from '../../src/content/types.ts';
import { expectedQuestions, HOSTILE_IDS, hostileCourse, multilang, normalHtml, realCourse } from './question-bank-fixture.ts';

type MC = Extract<GIFTQuestion, { type: 'MC' }>;
const labels = loadLabels();
const LANGS: Lang[] = ['id', 'en'];
let compiled: CompiledCourse | undefined;
const real = () => (compiled ??= realCourse());

/** Parses one GIFT file with gift-pegjs; every multiple-choice question by id, with its category. */
function parsed(course: CompiledCourse, lang: BankLanguage) {
  const text = gift(bankQuestions(course, labels), lang);
  const byId = new Map<string, { q: MC; category: string }>();
  let category = '';
  for (const q of parse(text)) {
    if (q.type === 'Category') {
      category = q.title;
      continue;
    }
    expect(q.type).toBe('MC');
    const mc = q as MC;
    expect(byId.has(mc.id!), `id ${mc.id} is unique`).toBe(false);
    byId.set(mc.id!, { q: mc, category });
  }
  return { text, byId };
}

describe('GIFT question bank', () => {
  for (const lang of BANK_LANGUAGES) {
    for (const [name, course] of [['the real course', real], ['the hostile fixture', hostileCourse]] as const) {
      it(`${name}, ${lang}: stem, choices, one right answer, feedback, id and tags of every question`, () => {
        const c = course();
        const { byId } = parsed(c, lang);
        const expected = expectedQuestions(c);
        expect([...byId.keys()].sort()).toEqual(expected.map((e) => e.idnumber).sort());
        const langs = lang === 'both' ? LANGS : [lang as Lang];
        const read = (html: string): Record<Lang, string> => (lang === 'both' ? multilang(html) : ({ [lang]: html } as Record<Lang, string>));
        const questions = bankQuestions(c, labels);
        for (const e of expected) {
          const { q, category } = byId.get(e.idnumber)!;
          const where = `${e.idnumber} (${lang})`;
          expect(q.stem.format, where).toBe('html');
          // The stem: the question's own text after the sort's prompt or the story so far.
          const stem = read(q.stem.text);
          for (const l of langs) {
            let from = 0;
            for (const part of [...e.before[l], e.own[l]]) {
              const at = normalHtml(stem[l]).indexOf(normalHtml(part), from);
              expect(at, `${where}: ${part}`).toBeGreaterThanOrEqual(0);
              from = at;
            }
          }
          // Choices in the course's order, exactly one right; feedback on each.
          expect(q.choices, where).toHaveLength(e.part.options.length);
          expect(q.choices.filter((ch) => ch.isCorrect), where).toHaveLength(1);
          e.part.options.forEach((key, i) => {
            const choice = q.choices[i];
            expect(choice.isCorrect, `${where} ${key}`).toBe(key === e.part.answer);
            const said = read(choice.feedback!.text);
            const option = read(choice.text.text);
            for (const l of langs) {
              expect(normalHtml(said[l])).toBe(normalHtml(key === e.part.answer ? e.right[l] : e.wrong[l][key]));
              const names = e.part.type === 'classify-level' ? labels[l].levels : labels[l].strategies;
              expect(normalHtml(option[l])).toBe(normalHtml(e.options ? e.options[l][key] : names[key]));
            }
          });
          // General feedback: the rationale, then the cue words.
          const general = read(q.globalFeedback!.text);
          for (const l of langs) {
            expect(normalHtml(general[l])).toContain(normalHtml(e.right[l]));
            for (const cue of e.cues[l]) expect(general[l]).toContain(cue.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
          }
          expect(q.tags, where).toEqual([e.part.type === 'choice' ? 'concept' : e.part.answer, e.module, `difficulty-${e.item.difficulty}`, ...(e.item.tricky ? ['tricky'] : []), ...(e.item.tags ?? [])]);
          expect(category, where).toBe(categoryPath(questions.find((b) => b.idnumber === e.idnumber)!, lang));
        }
      });
    }

    it(`the hostile items come back byte for byte, ${lang}`, () => {
      const c = hostileCourse();
      const { text, byId } = parsed(c, lang);
      for (const id of HOSTILE_IDS) {
        const module = c.manifest.modules.find((m) => m.items.some((i) => i.id === id))!;
        const { q } = byId.get(id)!;
        for (const l of lang === 'both' ? LANGS : [lang as Lang]) {
          const source = c.texts[module.id][l].items[id];
          // Byte for byte: in the bilingual file, exactly what is inside this language's span.
          const whole = (s: string) => {
            if (lang !== 'both') return s;
            multilang(s); // two adjacent balanced spans, id then en
            const m = /^<span lang="id" class="multilang">([^]*)<\/span><span lang="en" class="multilang">([^]*)<\/span>$/.exec(s);
            return m ? m[l === 'id' ? 1 : 2] : s;
          };
          expect(whole(q.stem.text)).toBe(source.text);
          expect(whole(q.globalFeedback!.text).startsWith(`<p>${source.rationale}</p>`) || whole(q.globalFeedback!.text) === source.rationale).toBe(true);
          for (const ch of q.choices.filter((x) => !x.isCorrect)) expect(Object.values(source.misconceptions)).toContain(whole(ch.feedback!.text));
          if (source.options) expect(q.choices.map((ch) => whole(ch.text.text))).toEqual(Object.keys(source.options).sort().map((k) => source.options![k]));
        }
      }
      // No reserved character goes out unescaped inside a text (Moodle's own exporter escapes them all).
      expect(text).toContain('\\{a\\} \\= \\#2 \\~ 3\\:');
    });
  }

  it('escapes as Moodle\'s exporter does', () => {
    expect(escapeGift('a\\b#c=d~e{f}g:h\ni\rj')).toBe('a\\\\b\\#c\\=d\\~e\\{f\\}g\\:h\\ni' + 'j');
    expect(escapeGift('<span lang="id">')).toBe('<span lang\\="id">');
  });
});
