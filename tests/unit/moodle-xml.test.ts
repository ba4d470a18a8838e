import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../scripts/content/compile.ts';
import { cdata, moodleXml } from '../../scripts/question-bank/moodle-xml.ts';
import { BANK_LANGUAGES, bankQuestions, loadLabels, type BankLanguage } from '../../scripts/question-bank/questions.ts';
import type { Lang } from '../../src/content/types.ts';
import { expectedQuestions, HOSTILE_IDS, hostileCourse, multilang, normalHtml, realCourse } from './question-bank-fixture.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = any;
const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '', cdataPropName: 'cdata', trimValues: false, parseTagValue: false,
  isArray: (name) => ['question', 'answer', 'tag'].includes(name),
});
/** The text of a <text> element: its CDATA sections joined (a split "]]>" comes back whole), or plain text. */
const textOf = (node: Node): string => {
  const t = node?.text ?? node;
  if (t && typeof t === 'object' && 'cdata' in t) return ([] as string[]).concat(t.cdata).join('');
  return typeof t === 'string' ? t : (t?.['#text'] ?? '');
};

const labels = loadLabels();
let compiled: CompiledCourse | undefined;
const real = () => (compiled ??= realCourse());
const LANGS: Lang[] = ['id', 'en'];
const pick = (html: string, lang: BankLanguage): Record<Lang, string> | string => (lang === 'both' ? multilang(html) : html);

/** Checks every question of one file against the compiled course; returns the raw parsed questions. */
function checkFile(course: CompiledCourse, lang: BankLanguage) {
  const xml = moodleXml(bankQuestions(course, labels), lang);
  expect(XMLValidator.validate(xml)).toBe(true);
  const questions: Node[] = parser.parse(xml).quiz.question;
  const expected = expectedQuestions(course);
  const byId = new Map<string, { q: Node; category: string }>();
  let category = '';
  for (const q of questions) {
    if (q.type === 'category') {
      category = textOf(q.category);
      continue;
    }
    expect(q.type).toBe('multichoice');
    const idnumber = textOf(q.idnumber);
    expect(byId.has(idnumber), `idnumber ${idnumber} is unique`).toBe(false);
    byId.set(idnumber, { q, category });
  }
  expect([...byId.keys()].sort()).toEqual(expected.map((e) => e.idnumber).sort());

  const inFile = (text: Record<Lang, string>) => (lang === 'both' ? text : text[lang]);
  const same = (html: string, text: Record<Lang, string>) => {
    const got = pick(html, lang);
    if (typeof got === 'string') expect(normalHtml(got)).toBe(normalHtml(text[lang as Lang]));
    else for (const l of LANGS) expect(normalHtml(got[l])).toBe(normalHtml(text[l]));
  };
  const contains = (html: string, parts: Record<Lang, string[]>) => {
    const got = pick(html, lang);
    for (const l of lang === 'both' ? LANGS : [lang as Lang]) {
      const stem = normalHtml(typeof got === 'string' ? got : got[l]);
      let from = 0;
      for (const part of [...parts[l], '']) {
        const at = stem.indexOf(normalHtml(part), from);
        expect(at, `${part} in order in ${stem.slice(0, 120)}`).toBeGreaterThanOrEqual(0);
        from = at;
      }
    }
  };

  for (const e of expected) {
    const { q, category: cat } = byId.get(e.idnumber)!;
    const where = `${e.idnumber} (${lang})`;
    // Structure Moodle needs to accept it as a single-answer question.
    expect(textOf(q.single), where).toBe('true');
    expect(q.questiontext.format, where).toBe('html');
    expect(q.generalfeedback.format, where).toBe('html');
    const answers: Node[] = q.answer;
    expect(answers.length, where).toBe(e.part.options.length);
    expect(answers.map((a) => a.fraction), where).toEqual(e.part.options.map((o) => (o === e.part.answer ? '100' : '0')));
    expect(answers.filter((a) => a.fraction === '100'), where).toHaveLength(1);
    // Stem: the question's own text, after the sort's prompt or the case's story so far.
    contains(textOf(q.questiontext), { id: [...e.before.id, e.own.id], en: [...e.before.en, e.own.en] });
    // Options in the course's order; feedback = rationale on the right one, the misconception on each wrong one.
    e.part.options.forEach((key, i) => {
      const answer = answers[i];
      expect(answer.format).toBe('html');
      if (e.options) same(textOf(answer), { id: e.options.id[key], en: e.options.en[key] });
      else {
        const names = e.part.type === 'classify-level' ? 'levels' : 'strategies';
        same(textOf(answer), { id: labels.id[names][key], en: labels.en[names][key] });
      }
      same(textOf(answer.feedback), key === e.part.answer ? e.right : { id: e.wrong.id[key], en: e.wrong.en[key] });
    });
    // General feedback: the rationale, and the cue words named.
    contains(textOf(q.generalfeedback), { id: [e.right.id, ...e.cues.id], en: [e.right.en, ...e.cues.en] });
    for (const l of lang === 'both' ? LANGS : [lang as Lang]) {
      if (e.cues[l].length) expect(textOf(q.generalfeedback)).toContain(labels[l].cuesHeading);
    }
    // Category top/<course title>/<NN module title>/<level, strategy or concept checks>.
    const group = (l: Lang) => (e.part.type === 'classify-level' ? labels[l].levels[e.part.answer] : e.part.type === 'classify-strategy' ? labels[l].strategies[e.part.answer] : labels[l].concepts);
    const number = String(course.manifest.modules.find((m) => m.id === e.module)!.number).padStart(2, '0');
    const segment = (l: Lang) => [course.welcome[l].title, `${number} ${course.welcome[l].modules[e.module]}`, group(l)];
    const names = lang === 'both'
      ? segment('id').map((s, i) => (s === segment('en')[i] ? s : `${s} · ${segment('en')[i]}`))
      : segment(lang);
    expect(cat, where).toBe(['top', ...names.map((s) => s.replace(/\//g, '//'))].join('/'));
    // Tags: level/strategy (or concept), module, difficulty, tricky, the author's setting tags.
    const tags = q.tags.tag.map((t: Node) => textOf(t));
    expect(tags, where).toEqual([e.part.type === 'choice' ? 'concept' : e.part.answer, e.module, `difficulty-${e.item.difficulty}`, ...(e.item.tricky ? ['tricky'] : []), ...(e.item.tags ?? [])]);
    expect(inFile(e.own)).toBeTruthy();
  }
  return { xml, byId };
}

describe('Moodle XML question bank', () => {
  for (const lang of BANK_LANGUAGES) {
    it(`the real course, ${lang}: every item a single-answer multichoice with its feedback, id, category and tags`, () => {
      const course = real();
      const { byId } = checkFile(course, lang);
      // Every item of the compiled course is in the file (sorts and cases by their cases and steps).
      for (const item of course.manifest.modules.flatMap((m) => m.items)) {
        const ids = item.parts ? item.parts.map((_, n) => `${item.id}-${item.type === 'sort' ? 'case' : 'step'}-${n + 1}`) : [item.id];
        for (const id of ids) expect(byId.has(id), id).toBe(true);
      }
    });

    it(`a hostile item survives byte for byte, ${lang}`, () => {
      const course = hostileCourse();
      const { xml, byId } = checkFile(course, lang);
      expect(xml).toContain(']]]]><![CDATA[>');
      for (const id of HOSTILE_IDS) {
        const module = course.manifest.modules.find((m) => m.items.some((i) => i.id === id))!;
        const { q } = byId.get(id)!;
        for (const l of lang === 'both' ? LANGS : [lang as Lang]) {
          const text = course.texts[module.id][l].items[id];
          const stem = textOf(q.questiontext);
          // Exactly the compiled text: the whole stem in a one-language file, the span's inside in the bilingual one.
          const wrapped = (s: string) => (lang === 'both' ? `<span lang="${l}" class="multilang">${s}</span>` : s);
          expect(stem).toContain(wrapped(text.text));
          for (const c of [']]>', '&amp;', '&lt;', '&quot;', '{', '}', '=', '#', '~', ':', '😀']) if (id === HOSTILE_IDS[0]) expect(text.text).toContain(c);
          const feedback = q.answer.map((a: Node) => textOf(a.feedback));
          expect(feedback.join('\n')).toContain(wrapped(text.rationale));
          for (const m of Object.values(text.misconceptions)) expect(feedback.join('\n')).toContain(wrapped(m));
          if (text.options) for (const o of Object.values(text.options)) expect(q.answer.map((a: Node) => textOf(a)).join('\n')).toContain(wrapped(o));
        }
      }
    });
  }

  it('names its categories in each language (locales/*/bank.json and the course\'s own level and strategy names)', () => {
    for (const l of LANGS) {
      for (const name of [labels[l].concepts, labels[l].cuesHeading, ...Object.values(labels[l].levels), ...Object.values(labels[l].strategies)]) {
        expect(typeof name === 'string' && name.trim().length > 0, `${l}: ${name}`).toBe(true);
      }
    }
    expect(labels.id.concepts).not.toBe(labels.en.concepts);
  });

  it('splits "]]>" across CDATA sections and a real parser joins it back', () => {
    const text = 'a]]>b]]]]>c<![CDATA[d';
    const parsed = parser.parse(`<x><text>${cdata(text)}</text></x>`);
    expect(textOf(parsed.x)).toBe(text);
  });
});
