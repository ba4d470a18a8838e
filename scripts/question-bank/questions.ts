/**
 * The course's scenario bank as single-answer questions, from the COMPILED course (never the YAML):
 * what the Moodle XML and GIFT writers turn into files. A sort becomes one question per case, a case
 * one question per step (with the story so far); every other item is one question.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LANGS, type ItemSpec, type ItemText, type Lang, type Localized, type PartSpec, type PartText, type QuestionType } from '../../src/content/types.ts';
import type { CompiledCourse } from '../content/compile.ts';

export interface BankOption {
  key: string;
  correct: boolean;
  /** HTML, per language. */
  text: Localized;
  feedback: Localized;
}

export interface BankQuestion {
  /** Unique in the bank: the item id, or "<item id>-case-<n>" / "<item id>-step-<n>". */
  idnumber: string;
  /** Category path below "top", per language: course title, module, level / strategy / concepts. */
  category: Localized<string[]>;
  tags: string[];
  /** Plain text, per language. */
  name: Localized;
  /** HTML, per language. */
  stem: Localized;
  options: BankOption[];
  general: Localized;
}

interface Labels {
  levels: Record<string, string>;
  strategies: Record<string, string>;
  cuesHeading: string;
  concepts: string;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** The course's own words for levels, strategies and cue words (locales/), and the bank's one label. */
export function loadLabels(localesDir = path.resolve('locales')): Localized<Labels> {
  const of = (lang: Lang): Labels => {
    const course = readJson(path.join(localesDir, lang, 'course.json'));
    const bank = readJson(path.join(localesDir, lang, 'bank.json'));
    return { levels: course.levels, strategies: course.strategies, cuesHeading: course.quiz.cuesHeading, concepts: bank.concepts };
  };
  return { id: of('id'), en: of('en') };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text of compiled inline HTML (tags dropped, the entities the compiler writes decoded). */
export const htmlToPlain = (html: string) =>
  html.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A question's name: the first words of its own text, at most 60 characters. */
function nameOf(html: string): string {
  const plain = htmlToPlain(html).replace(/\s+/g, ' ').trim();
  if (plain.length <= 60) return plain;
  return `${plain.slice(0, 59).replace(/\s+\S*$/, '')}…`;
}

const byLang = <T>(fn: (lang: Lang) => T): Localized<T> => ({ id: fn('id'), en: fn('en') });

const groupOf = (part: PartSpec) => (part.type === 'choice' ? 'concept' : part.answer);

export function bankQuestions(course: CompiledCourse, labels: Localized<Labels> = loadLabels()): BankQuestion[] {
  const { manifest, texts, welcome } = course;
  const out: BankQuestion[] = [];
  for (const module of manifest.modules) {
    const moduleName = byLang((lang) => `${String(module.number).padStart(2, '0')} ${welcome[lang].modules[module.id]}`);
    const groupName = (lang: Lang, part: PartSpec) =>
      part.type === 'classify-level' ? labels[lang].levels[part.answer]
        : part.type === 'classify-strategy' ? labels[lang].strategies[part.answer]
          : labels[lang].concepts;
    const optionText = (lang: Lang, type: QuestionType, key: string, options?: Record<string, string>) =>
      type === 'classify-level' ? escapeHtml(labels[lang].levels[key])
        : type === 'classify-strategy' ? escapeHtml(labels[lang].strategies[key])
          : options![key];

    /** One single-answer question from a part (the item itself, a sort's case or a case's step). */
    const question = (item: ItemSpec, part: PartSpec, idnumber: string, text: (lang: Lang) => { stem: string; own: string; part: ItemText | PartText; right: string; wrong: (key: string) => string; general: string }): BankQuestion => {
      const t = byLang(text);
      return {
        idnumber,
        category: byLang((lang) => [welcome[lang].title, moduleName[lang], groupName(lang, part)]),
        tags: [groupOf(part), module.id, `difficulty-${item.difficulty}`, ...(item.tricky ? ['tricky'] : []), ...(item.tags ?? [])],
        name: byLang((lang) => nameOf(t[lang].own)),
        stem: byLang((lang) => t[lang].stem),
        options: part.options.map((key) => ({
          key,
          correct: key === part.answer,
          text: byLang((lang) => optionText(lang, part.type, key, t[lang].part.options)),
          feedback: byLang((lang) => (key === part.answer ? t[lang].right : t[lang].wrong(key))),
        })),
        general: byLang((lang) => t[lang].general),
      };
    };

    for (const item of module.items) {
      const itemText = (lang: Lang) => texts[module.id][lang].items[item.id];
      if (item.type === 'sort') {
        // One question per case: the sort's prompt, then the case; "why" explains the case either way,
        // and the general feedback adds the take-away of the whole set.
        item.parts!.forEach((part, n) => out.push(question(item, part, `${item.id}-case-${n + 1}`, (lang) => {
          const whole = itemText(lang);
          const it = whole.parts![n];
          return { stem: `<p>${whole.text}</p><p>${it.text}</p>`, own: it.text, part: it, right: it.rationale, wrong: () => it.rationale, general: `<p>${it.rationale}</p><p>${whole.rationale}</p>` };
        })));
      } else if (item.type === 'case') {
        // One question per step: the opening and what happened after each earlier step, then the step.
        item.parts!.forEach((part, n) => out.push(question(item, part, `${item.id}-step-${n + 1}`, (lang) => {
          const whole = itemText(lang);
          const steps = whole.parts!;
          const it = steps[n];
          const story = [whole.text, ...steps.slice(0, n).map((s) => s.then ?? '')].filter(Boolean);
          const last = n === steps.length - 1;
          return {
            stem: `${story.map((p) => `<p>${p}</p>`).join('')}<p>${it.text}</p>`, own: it.text, part: it,
            right: it.rationale, wrong: (key) => it.misconceptions[key], general: last ? `<p>${it.rationale}</p><p>${whole.rationale}</p>` : it.rationale,
          };
        })));
      } else {
        out.push(question(item, item as PartSpec, item.id, (lang) => {
          const it = itemText(lang);
          const cues = it.cues.length ? `<p>${escapeHtml(labels[lang].cuesHeading)}: ${it.cues.map((c) => `<strong>${escapeHtml(c)}</strong>`).join(', ')}</p>` : '';
          return { stem: it.text, own: it.text, part: it, right: it.rationale, wrong: (key) => it.misconceptions[key], general: cues ? `<p>${it.rationale}</p>${cues}` : it.rationale };
        }));
      }
    }
  }
  return out;
}

/** Which language(s) a bank file holds: one, or both in Moodle's multilang spans. */
export type BankLanguage = Lang | 'both';
export const BANK_LANGUAGES: BankLanguage[] = [...LANGS, 'both'];

/**
 * One text in the file's language. "both": adjacent spans that Moodle's multilang filter reads
 * (Indonesian first, the course's default); `plain` texts (names, categories) join with " · "
 * instead, so they stay readable where the filter does not reach.
 */
export function inLanguage(text: Localized, lang: BankLanguage): string {
  if (lang !== 'both') return text[lang];
  return LANGS.map((l) => `<span lang="${l}" class="multilang">${text[l]}</span>`).join('');
}

export const plainInLanguage = (text: Localized, lang: BankLanguage) => (lang === 'both' ? (text.id === text.en ? text.id : `${text.id} · ${text.en}`) : text[lang]);

/** Category path below "top" in the file's language; "/" inside a name is written "//". */
export const categoryPath = (q: BankQuestion, lang: BankLanguage) =>
  ['top', ...q.category.id.map((_, i) => plainInLanguage({ id: q.category.id[i], en: q.category.en[i] }, lang))]
    .map((segment, i) => (i === 0 ? segment : segment.replace(/\//g, '//')))
    .join('/');
