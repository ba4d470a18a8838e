import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import {
  LANGS, LEVELS, STRATEGIES,
  type CourseManifest, type FacilitatorText, type WelcomeText, type GlossaryEntry, type ItemSpec, type ItemText, type Lang, type ModuleSpec, type ModuleText,
  type PartSpec, type QuestionType,
} from '../../src/content/types.ts';
import { rightResponse } from '../../src/content/compact-item.ts';
import { shortId } from '../../src/course/short-id.ts';
import { linkedTerms, plainText, renderBlock, renderInline, splitPages } from './markdown.ts';
import { courseSchema, glossarySchema, itemSchema, moduleSchema, scenarioFileSchema, type ItemSource } from './schema.ts';

export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** Thrown when lessons/ is invalid; lists every problem found, not just the first. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s) in lesson files:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}

export const formatProblem = (p: Problem) => `  ${p.file}${p.field ? ` › ${p.field}` : ''}: ${p.message}`;

export interface CompiledCourse {
  manifest: CourseManifest;
  /** Per module id, its text in each language. */
  texts: Record<string, Record<Lang, ModuleText>>;
  /** Trainers' notes per language, per module id. */
  facilitator: Record<Lang, Record<string, FacilitatorText>>;
  /** Glossary per language, sorted by term. */
  glossary: Record<Lang, GlossaryEntry[]>;
  /** The welcome screen's tagline and outcomes per language. */
  welcome: Record<Lang, WelcomeText>;
}

/** Names of the glossary and trainers'-notes chunks, so no module may use them. */
const RESERVED = ['glossary', 'facilitator', 'final', 'welcome'];

/** Questions per quiz round when module.yaml does not say. */
const DEFAULT_QUIZ_SIZE = 10;

const LANG_NAMES: Record<Lang, string> = { id: 'Indonesian', en: 'English' };

export function compileContent(lessonsDir: string): CompiledCourse {
  const problems: Problem[] = [];
  const rel = (file: string) => path.relative(process.cwd(), file) || file;
  const report = (file: string, field: string, message: string) => problems.push({ file: rel(file), field, message });

  const UNREAD = Symbol('unread');
  function readYaml(file: string): unknown {
    let source: string;
    try {
      source = fs.readFileSync(file, 'utf8');
    } catch {
      report(file, '', 'file is missing');
      return UNREAD;
    }
    try {
      return parseYaml(source, { prettyErrors: true });
    } catch (error) {
      if (error instanceof YAMLParseError) {
        const at = error.linePos?.[0];
        report(file, at ? `line ${at.line}, column ${at.col}` : '', `not valid YAML: ${error.message.split('\n')[0]}`);
      } else throw error;
      return UNREAD;
    }
  }

  function validate<S extends z.ZodType>(schema: S, data: unknown, file: string, prefix = ''): z.infer<S> | undefined {
    if (data === UNREAD) return undefined;
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      report(file, field, describeIssue(issue));
    }
    return undefined;
  }

  const courseFile = path.join(lessonsDir, 'course.yaml');
  const course = validate(courseSchema, readYaml(courseFile), courseFile);
  if (!course) throw new ContentError(problems);

  // Glossary first: lesson text may link to its terms.
  const glossaryFile = path.join(lessonsDir, 'glossary.yaml');
  const terms = fs.existsSync(glossaryFile) ? (validate(glossarySchema, readYaml(glossaryFile), glossaryFile) ?? []) : [];
  const termIds = new Set<string>();
  terms.forEach((term, i) => {
    if (termIds.has(term.id)) report(glossaryFile, `[${i}].id`, `duplicate term id "${term.id}": ids must be unique`);
    termIds.add(term.id);
  });
  const checkTerms = (html: string, file: string, field: string) => {
    for (const id of linkedTerms(html)) {
      if (!termIds.has(id)) report(file, field, `links to glossary term "${id}", which lessons/glossary.yaml does not have`);
    }
    return html;
  };
  const facilitator: CompiledCourse['facilitator'] = { id: {}, en: {} };
  const moduleTitles: Record<string, Record<Lang, string>> = {};

  // Modules
  const modulesDir = path.join(lessonsDir, 'modules');
  const modules: ModuleSpec[] = [];
  const texts: CompiledCourse['texts'] = {};
  for (const [index, moduleId] of course.modules.entries()) {
    const dir = path.join(modulesDir, moduleId);
    if (RESERVED.includes(moduleId)) {
      report(courseFile, `modules.${index}`, `"${moduleId}" is a reserved name: rename the module folder (e.g. 07-${moduleId})`);
      continue;
    }
    if (!fs.existsSync(dir)) {
      report(courseFile, `modules.${index}`, `no folder lessons/modules/${moduleId}: create it or remove it from the list`);
      continue;
    }
    const moduleFile = path.join(dir, 'module.yaml');
    const meta = validate(moduleSchema, readYaml(moduleFile), moduleFile);
    const pagesByLang = {} as Record<Lang, { title: string; html: string }[]>;
    for (const lang of LANGS) {
      const file = path.join(dir, `${lang}.md`);
      if (!fs.existsSync(file)) {
        report(file, '', `file is missing: write the ${LANG_NAMES[lang]} lesson pages`);
        continue;
      }
      const { pages, preamble } = splitPages(fs.readFileSync(file, 'utf8'));
      if (preamble) report(file, 'start of file', 'text before the first "## " heading: every page starts with "## Title"');
      if (pages.length === 0) report(file, '', 'no pages: start each page with "## Title"');
      pages.forEach((page, i) => {
        if (!page.title) report(file, `page ${i + 1}`, 'heading is empty: write a page title after "## "');
        if (!page.body) report(file, `page ${i + 1} (${page.title})`, 'page has no text');
      });
      pagesByLang[lang] = pages.map((page, i) => ({
        title: renderInline(page.title),
        html: checkTerms(renderBlock(page.body), file, `page ${i + 1} (${page.title})`),
      }));
    }
    if (pagesByLang.id && pagesByLang.en && pagesByLang.id.length !== pagesByLang.en.length) {
      report(path.join(dir, 'en.md'), '', `has ${pagesByLang.en.length} pages but id.md has ${pagesByLang.id.length}: both languages need the same pages in the same order`);
    }
    if (!meta || !pagesByLang.id || !pagesByLang.en) continue;
    moduleTitles[moduleId] = meta.title;
    if (meta.facilitator) {
      const notes = meta.facilitator;
      for (const lang of LANGS) {
        facilitator[lang][moduleId] = {
          minutes: notes.minutes,
          prompt: renderBlock(notes.prompt[lang]),
          activity: renderBlock(notes.activity[lang]),
          listenFor: notes.listenFor[lang].map(renderInline),
          answers: notes.answers[lang].map(renderInline),
        };
      }
    }
    modules.push({
      id: moduleId, number: meta.number, minutes: meta.minutes, pages: pagesByLang.id.length,
      quizSize: meta.quiz?.size ?? DEFAULT_QUIZ_SIZE, items: [],
      ...(meta.quiz?.extended !== undefined && meta.quiz.extended !== 1 && { extended: meta.quiz.extended }),
    });
    texts[moduleId] = Object.fromEntries(
      LANGS.map((lang) => [lang, {
        objectives: meta.objectives[lang].map(renderInline),
        takeaways: meta.takeaways[lang].map(renderInline),
        pages: pagesByLang[lang],
        items: {},
      } satisfies ModuleText]),
    ) as Record<Lang, ModuleText>;
  }
  if (fs.existsSync(modulesDir)) {
    for (const folder of fs.readdirSync(modulesDir)) {
      if (!course.modules.includes(folder)) {
        report(path.join(modulesDir, folder), '', 'module folder is not listed in course.yaml "modules": add it there so learners can reach it');
      }
    }
  }

  // Scenarios
  const scenariosDir = path.join(lessonsDir, 'scenarios');
  const seen = new Map<string, string>();
  const files = fs.existsSync(scenariosDir)
    ? fs.readdirSync(scenariosDir).filter((f) => /\.ya?ml$/.test(f)).sort()
    : [];
  for (const name of files) {
    const file = path.join(scenariosDir, name);
    const list = validate(scenarioFileSchema, readYaml(file), file);
    list?.forEach((raw, index) => {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const label = `[${index}]${typeof rawId === 'string' ? ` (${rawId})` : ''}`;
      const item = validate(itemSchema, raw, file, label);
      if (!item) return;
      const at = (field: string) => `${label}.${field}`;
      const earlier = seen.get(item.id);
      if (earlier) report(file, at('id'), `duplicate id "${item.id}", already used in ${earlier}: ids must be unique`);
      seen.set(item.id, rel(file));
      for (const question of questionsOf(item)) {
        const { options, answer, at: where } = question;
        if (question.type === 'choice' && (options.length < 3 || options.length > 4)) {
          report(file, at(`${where}options`), `has ${options.length} options: expected 3 or 4 (a, b, c, d)`);
        }
        if (!options.includes(answer)) report(file, at(`${where}answer`), `"${answer}" is not one of the options: ${options.join(', ')}`);
        if (!question.misconceptions) continue; // a sort's cases explain themselves with "why"
        const wrong = options.filter((key) => key !== answer);
        for (const key of wrong) {
          if (!question.misconceptions[key]) report(file, at(`${where}misconceptions.${key}`), `is missing: explain the misconception behind choosing "${key}"`);
        }
        for (const key of Object.keys(question.misconceptions)) {
          if (!wrong.includes(key)) report(file, at(`${where}misconceptions.${key}`), `is not a wrong option: expected only ${wrong.join(', ')}`);
        }
      }
      for (const lang of LANGS) {
        const haystack = plainText(item.text[lang]).toLowerCase();
        for (const cue of ('cues' in item ? item.cues?.[lang] : undefined) ?? []) {
          if (!haystack.includes(cue.toLowerCase())) {
            report(file, at(`cues.${lang}`), `"${cue}" does not occur in text.${lang}: cue words must be copied from the scenario text`);
          }
        }
      }
      if (item.module === undefined) return;
      const module = modules.find((m) => m.id === item.module);
      if (!module) {
        if (!course.modules.includes(item.module)) {
          report(file, at('module'), `unknown module "${item.module}": expected one of ${course.modules.join(', ')}`);
        }
        return;
      }
      const parts = questionsOf(item).map(({ type, options, answer }): PartSpec => ({ type, options, answer }));
      module.items.push({
        id: item.id, code: shortId(item.id), type: item.type, difficulty: item.difficulty, tricky: item.tricky,
        ...(item.type === 'sort' || item.type === 'case' ? { options: [], answer: rightResponse(parts), parts } : parts[0]),
      } satisfies ItemSpec);
      for (const lang of LANGS) {
        const text = itemText(item, lang);
        checkTerms(text.text, file, at(`text.${lang}`));
        texts[module.id][lang].items[item.id] = text;
      }
    });
  }

  const codes = new Map<string, string>();
  for (const id of [...modules.map((m) => m.id), ...seen.keys()]) {
    const other = codes.get(shortId(id));
    if (other) report(courseFile, '', `ids "${other}" and "${id}" share the saved-progress code ${shortId(id)}: rename one of them`);
    codes.set(shortId(id), id);
  }

  if (problems.length) throw new ContentError(problems);
  const { id, version, title, tagline, outcomes, issuer, mastery, gating, final } = course;
  const welcome = Object.fromEntries(LANGS.map((lang) => [lang, {
    title: title[lang],
    tagline: tagline[lang],
    issuer: issuer[lang],
    outcomes: outcomes[lang].map(renderInline),
    modules: Object.fromEntries(modules.map((m) => [m.id, moduleTitles[m.id][lang]])),
  }])) as CompiledCourse['welcome'];
  // Terms are Markdown too (*casework*): sorted by the words a learner sees, the way their language sorts.
  const glossary = Object.fromEntries(LANGS.map((lang) => {
    const collator = new Intl.Collator(lang, { sensitivity: 'base' });
    return [lang, terms
      .map((t) => ({ id: t.id, term: renderInline(t.term[lang]), definition: renderInline(t.definition[lang]) }))
      .sort((a, b) => collator.compare(visibleText(a.term), visibleText(b.term)))];
  })) as CompiledCourse['glossary'];
  return { manifest: { id, version, mastery, gating, final, modules }, texts, facilitator, glossary, welcome };
}

/** The words of inline HTML the compiler made, as a reader sees them. */
const visibleText = (html: string) =>
  html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface Question extends PartSpec {
  /** Where its fields are in the item, for messages: "" or e.g. "steps[1]." */
  at: string;
  misconceptions?: Partial<Record<string, Record<Lang, string>>>;
}

const STEP_TYPES = { level: 'classify-level', strategy: 'classify-strategy', choice: 'choice' } as const;

const optionKeys = (type: QuestionType, options?: object): string[] =>
  type === 'classify-level' ? [...LEVELS] : type === 'classify-strategy' ? [...STRATEGIES] : Object.keys(options ?? {}).sort();

/** The questions an item asks: itself, or a sort's cases, or a case's steps. */
function questionsOf(item: ItemSource): Question[] {
  if (item.type === 'sort') {
    return item.cases.map((c, i) => ({ type: 'classify-level', options: [...LEVELS], answer: c.answer, at: `cases[${i}].` }));
  }
  if (item.type === 'case') {
    return item.steps.map((step, i) => {
      const type = STEP_TYPES[step.kind];
      return { type, options: optionKeys(type, step.options), answer: step.answer, misconceptions: step.misconceptions, at: `steps[${i}].` };
    });
  }
  return [{ type: item.type, options: optionKeys(item.type, 'options' in item ? item.options : undefined), answer: item.answer, misconceptions: item.misconceptions, at: '' }];
}

function itemText(item: ItemSource, lang: Lang): ItemText {
  const pick = (record: Partial<Record<string, Record<Lang, string>>>) =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [key, renderInline(value![lang])]));
  const common = { text: renderInline(item.text[lang]), rationale: renderInline(item.rationale[lang]), cues: [] as string[] };
  if (item.type === 'sort') {
    return { ...common, misconceptions: {}, parts: item.cases.map((c) => ({ text: renderInline(c.text[lang]), rationale: renderInline(c.why[lang]), misconceptions: {} })) };
  }
  if (item.type === 'case') {
    return {
      ...common,
      misconceptions: {},
      parts: item.steps.map((step) => ({
        text: renderInline(step.prompt[lang]),
        ...(step.options ? { options: pick(step.options) } : {}),
        rationale: renderInline(step.rationale[lang]),
        misconceptions: pick(step.misconceptions),
        then: renderInline(step.then[lang]),
      })),
    };
  }
  return {
    ...common,
    ...(item.type === 'choice' ? { options: pick(item.options) } : {}),
    misconceptions: pick(item.misconceptions),
    cues: ('cues' in item ? item.cues?.[lang] : undefined) ?? [],
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    const last = issue.path.at(-1);
    const language = last === 'id' || last === 'en' ? `: write the ${LANG_NAMES[last]} text` : '';
    return `is missing (expected ${issue.expected})${language}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}: check the spelling against lessons/FORMAT.md`;
  return issue.message;
}
