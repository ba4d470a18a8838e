import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  LANGS, LEVELS, STRATEGIES,
  type CourseManifest, type FacilitatorText, type WelcomeText, type GlossaryEntry,
  type ItemFacts, type ItemSpec, type ItemText, type Lang, type ModuleSpec, type ModuleText,
  type PartSpec, type QuestionType,
} from '../../src/content/types.ts';
import { rightResponse } from '../../src/content/compact-item.ts';
import { shortId } from '../../src/course/short-id.ts';
import { hasWholeWords } from '../../src/content/whole-words.ts';
import { linkedTerms, MarkdownError, renderBlock, renderInline, splitPages, takeDroppedLinks, visibleText } from './markdown.ts';
import { houseStyleProblem } from './house-style.ts';
import { describeIssue, describeYamlError } from './messages.ts';
import { readLessonText } from './read-text.ts';
import { courseSchema, glossarySchema, itemSchema, moduleSchema, scenarioFileSchema, type ItemSource } from './schema.ts';

export interface Problem {
  file: string;
  field: string;
  message: string;
  /** A warning is shown but does not stop the build; everything else is an error. */
  severity?: 'warning';
}

/** Thrown when lessons/ is invalid; lists every problem of every file found in one run. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[], readonly warnings: Problem[] = []) {
    super(formatProblems([...problems, ...warnings]));
    this.name = 'ContentError';
    // The message is the whole report: a JavaScript stack would only hide it.
    this.stack = this.message;
  }
}

export const formatProblem = (p: Problem) => `  ${p.file}${p.field ? ` › ${p.field}` : ''}: ${p.message}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every problem, grouped by file, with counts: "3 problems in 2 files" then each file's list. */
export function formatProblems(problems: Problem[], heading = 'in lesson files'): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const errors = problems.filter((p) => p.severity !== 'warning').length;
  const warnings = problems.length - errors;
  const counts = [errors && plural(errors, 'problem'), warnings && plural(warnings, 'warning')].filter(Boolean).join(' and ');
  const lines = [`${counts} ${heading} (${plural(byFile.size, 'file')}):`];
  for (const [file, list] of byFile) {
    lines.push('', `${file} (${list.length})`);
    for (const p of list) {
      const text = `${p.severity === 'warning' ? 'warning: ' : ''}${p.field ? `${p.field}: ` : ''}${p.message}`;
      lines.push(`  ${text.replace(/\n/g, '\n  ')}`);
    }
  }
  return lines.join('\n');
}

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
  /** What the author should look at but that does not stop the build. */
  warnings: Problem[];
  /** Every quiz item as written, with the file it came from, for the bank checks. */
  sources: SourcedItem[];
  /** What trainers pick scenarios by (difficulty, tags, contrast set), per item code: a chunk of its own. */
  facts: Record<string, ItemFacts>;
}

export interface SourcedItem {
  item: ItemSource;
  file: string;
  /** "[3] (lvl-pkh-home-visit)": where the item is in its file. */
  label: string;
}

/**
 * Words the course itself uses for chunks, pseudo-modules and screens (the final assessment and
 * Practice run as modules named `final` and `practice`), so no module folder may take them.
 */
export const RESERVED_MODULE_NAMES = [
  'glossary', 'facilitator', 'final', 'welcome', 'practice', 'review', 'lesson', 'quiz', 'summary', 'result',
  'certificate', 'notes', 'course', 'module', 'modules', 'progress', 'manifest', 'settings', 'reference',
];
/** A module folder name: lowercase letters, digits and dashes, so it is also a safe id and path. */
const MODULE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Names every JavaScript object already has (`constructor`, `__proto__`, `toString`…). */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype).map((n) => n.toLowerCase()));

/** Why a module folder name cannot be used, or undefined when it can. */
export function moduleNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || !name) return 'should be a module folder name, such as 07-referral-pathways';
  if (PROTOTYPE_NAMES.has(name.toLowerCase()) || name === 'prototype') {
    return `"${name}" cannot be a module name (every JavaScript object already has it): rename the folder, e.g. 07-${name.replace(/[^a-z0-9]+/gi, '') || 'topic'}`;
  }
  if (/[\\/]|^\.\.?$/.test(name)) return `"${name}" is a path: a module must be a folder directly inside lessons/modules/, named like 07-referral-pathways`;
  if (!MODULE_NAME.test(name)) return `"${name}" is not a valid module folder name: use lowercase letters, digits and dashes, e.g. 07-referral-pathways`;
  if (RESERVED_MODULE_NAMES.includes(name)) return `"${name}" is a word the course itself uses: rename the module folder, e.g. 07-${name}`;
  return undefined;
}

/** Questions per quiz round when module.yaml does not say. */
const DEFAULT_QUIZ_SIZE = 10;

const LANG_NAMES: Record<Lang, string> = { id: 'Indonesian', en: 'English' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function compileContent(lessonsDir: string): CompiledCourse {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const rel = (file: string) => path.relative(process.cwd(), file) || file;
  const report = (file: string, field: string, message: string) => problems.push({ file: rel(file), field, message });
  const warn = (file: string, field: string, message: string) => warnings.push({ file: rel(file), field, message, severity: 'warning' });

  const UNREAD = Symbol('unread');
  function readText(file: string): string | undefined {
    const read = readLessonText(file);
    if ('text' in read) return read.text;
    report(file, read.line ? `line ${read.line}` : '', read.problem);
    return undefined;
  }
  function readYaml(file: string): unknown {
    const source = readText(file);
    if (source === undefined) return UNREAD;
    try {
      return parseYaml(source, { prettyErrors: true, maxAliasCount: 100 });
    } catch (error) {
      const { line, column, message } = describeYamlError(error, source);
      report(file, line ? `line ${line}, column ${column}` : '', message);
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

  /** Renders Markdown; a page too deeply nested, or a dropped link, is reported against its file. */
  function render(md: string, block: boolean, file: string, field: string): string {
    let html = '';
    try {
      html = block ? renderBlock(md) : renderInline(md);
    } catch (error) {
      // Never a bare stack: whatever the renderer throws is reported against the file and field.
      report(file, field, error instanceof MarkdownError ? error.message : `could not be rendered as Markdown (${error instanceof Error ? error.message : String(error)}): simplify this text`);
    }
    // Indonesian text follows the house style (respectful terms, EYD/KBBI spellings).
    if (path.basename(file) === 'id.md' || /\.id(\[\d+\])?$/.test(field)) {
      const style = houseStyleProblem(html.replace(/<[^>]+>/g, ''));
      if (style) report(file, field, style);
    }
    for (const href of takeDroppedLinks()) {
      warn(file, field, `the link to "${href.slice(0, 80)}" was removed (its words stay): links may go to https:// or http:// addresses (opened in a new tab), mailto:, #anchors or paths inside the course; write the full address, e.g. https://example.org/page`);
    }
    return html;
  }

  const courseFile = path.join(lessonsDir, 'course.yaml');
  const rawCourse = readYaml(courseFile);
  const course = validate(courseSchema, rawCourse, courseFile);
  // With course.yaml broken, still check the modules it lists, so one run shows every problem.
  const listedModules: unknown[] = course?.modules ?? (isRecord(rawCourse) && Array.isArray(rawCourse.modules) ? rawCourse.modules : []);

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
  const realModulesDir = fs.existsSync(modulesDir) ? fs.realpathSync(modulesDir) : modulesDir;
  const modules: ModuleSpec[] = [];
  const moduleIds: string[] = [];
  const texts: CompiledCourse['texts'] = {};
  const facts: CompiledCourse['facts'] = {};
  for (const [index, moduleId] of listedModules.entries()) {
    const nameProblem = moduleNameProblem(moduleId);
    if (nameProblem) {
      report(courseFile, `modules.${index}`, nameProblem);
      continue;
    }
    const name = moduleId as string;
    moduleIds.push(name);
    const dir = path.join(modulesDir, name);
    if (!fs.existsSync(dir)) {
      report(courseFile, `modules.${index}`, `no folder lessons/modules/${name}: create it or remove it from the list`);
      continue;
    }
    // A folder that is a link to somewhere else would be read from outside lessons/.
    if (path.dirname(fs.realpathSync(dir)) !== realModulesDir) {
      report(courseFile, `modules.${index}`, `lessons/modules/${name} points outside lessons/modules/ (a link): put the module's files in the folder itself`);
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
      const source = readText(file);
      if (source === undefined) continue;
      const { pages, preamble } = splitPages(source);
      if (preamble) report(file, 'start of file', 'text before the first "## " heading: every page starts with "## Title"');
      if (pages.length === 0) report(file, '', 'no pages: start each page with "## Title"');
      pages.forEach((page, i) => {
        if (!page.title) report(file, `page ${i + 1}`, 'heading is empty: write a page title after "## "');
        if (!page.body) report(file, `page ${i + 1} (${page.title})`, 'page has no text');
      });
      pagesByLang[lang] = pages.map((page, i) => {
        const where = `page ${i + 1} (${page.title.slice(0, 60)})`;
        return { title: render(page.title, false, file, where), html: checkTerms(render(page.body, true, file, where), file, where) };
      });
    }
    if (pagesByLang.id && pagesByLang.en && pagesByLang.id.length !== pagesByLang.en.length) {
      report(path.join(dir, 'en.md'), '', `has ${pagesByLang.en.length} pages but id.md has ${pagesByLang.id.length}: both languages need the same pages in the same order`);
    }
    if (!meta || !pagesByLang.id || !pagesByLang.en) continue;
    moduleTitles[name] = meta.title;
    const inline = (md: string, field: string) => render(md, false, moduleFile, field);
    const block = (md: string, field: string) => render(md, true, moduleFile, field);
    if (meta.facilitator) {
      const notes = meta.facilitator;
      for (const lang of LANGS) {
        facilitator[lang][name] = {
          minutes: notes.minutes,
          prompt: block(notes.prompt[lang], `facilitator.prompt.${lang}`),
          activity: block(notes.activity[lang], `facilitator.activity.${lang}`),
          listenFor: notes.listenFor[lang].map((md, i) => inline(md, `facilitator.listenFor.${lang}[${i}]`)),
          answers: notes.answers[lang].map((md, i) => inline(md, `facilitator.answers.${lang}[${i}]`)),
        };
      }
    }
    modules.push({
      id: name, number: meta.number, minutes: meta.minutes, pages: pagesByLang.id.length,
      quizSize: meta.quiz?.size ?? DEFAULT_QUIZ_SIZE, items: [],
      ...(meta.quiz?.extended !== undefined && meta.quiz.extended !== 1 && { extended: meta.quiz.extended }),
    });
    texts[name] = Object.fromEntries(
      LANGS.map((lang) => [lang, {
        objectives: meta.objectives[lang].map((md, i) => inline(md, `objectives.${lang}[${i}]`)),
        takeaways: meta.takeaways[lang].map((md, i) => inline(md, `takeaways.${lang}[${i}]`)),
        pages: pagesByLang[lang],
        items: {},
      } satisfies ModuleText]),
    ) as Record<Lang, ModuleText>;
  }
  if (fs.existsSync(modulesDir)) {
    for (const folder of fs.readdirSync(modulesDir)) {
      if (!listedModules.includes(folder)) {
        // A folder whose name cannot be a module says so, rather than inviting the author to list it.
        report(path.join(modulesDir, folder), '', moduleNameProblem(folder) ?? 'module folder is not listed in course.yaml "modules": add it there so learners can reach it');
      }
    }
  }

  // Scenarios
  const scenariosDir = path.join(lessonsDir, 'scenarios');
  const seen = new Map<string, string>();
  const sources: SourcedItem[] = [];
  const files = fs.existsSync(scenariosDir)
    ? fs.readdirSync(scenariosDir).filter((f) => /\.ya?ml$/.test(f)).sort()
    : [];
  /** Checks that need no valid item, so a wrong `type` does not hide a module typo or a bad link. */
  function checkAcrossFiles(raw: Record<string, unknown>, file: string, label: string) {
    const at = (field: string) => `${label}.${field}`;
    if (typeof raw.id === 'string') {
      const earlier = seen.get(raw.id);
      if (earlier) report(file, at('id'), `duplicate id "${raw.id}", already used in ${earlier}: ids must be unique`);
      seen.set(raw.id, rel(file));
    }
    if (raw.module !== undefined && !moduleIds.includes(raw.module as string)) {
      report(file, at('module'), `unknown module "${String(raw.module)}": expected one of ${moduleIds.join(', ')}`);
    }
  }
  /** Each cue word must occur, as whole words, in the visible scenario text of its language. */
  function checkCues(text: Record<string, unknown>, cues: Record<string, unknown> | undefined, file: string, label: string) {
    for (const lang of LANGS) {
      const list = cues?.[lang];
      if (typeof text[lang] !== 'string' || !Array.isArray(list)) continue;
      const visible = visibleText(text[lang] as string);
      for (const cue of list) {
        if (typeof cue === 'string' && !hasWholeWords(visible, cue)) {
          report(file, `${label}.cues.${lang}`, `"${cue}" does not occur as whole words in text.${lang}: cue words must be copied from the scenario text (whole words: "orang tua" is not found in "orang tuanya")`);
        }
      }
    }
  }
  for (const name of files) {
    const file = path.join(scenariosDir, name);
    const list = validate(scenarioFileSchema, readYaml(file), file);
    list?.forEach((raw, index) => {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const label = `[${index}]${typeof rawId === 'string' ? ` (${rawId})` : ''}`;
      if (isRecord(raw)) checkAcrossFiles(raw, file, label);
      const item = validate(itemSchema, raw, file, label);
      if (!item) {
        // Still check its glossary links and cue words, so the next run does not bring new problems.
        const text = isRecord(raw) && isRecord(raw.text) ? raw.text : {};
        for (const lang of LANGS) if (typeof text[lang] === 'string') checkTerms(render(text[lang] as string, false, file, `${label}.text.${lang}`), file, `${label}.text.${lang}`);
        if (isRecord(raw) && isRecord(raw.cues)) checkCues(text, raw.cues, file, label);
        return;
      }
      const at = (field: string) => `${label}.${field}`;
      sources.push({ item, file: rel(file), label });
      for (const question of questionsOf(item)) {
        const { options, answer, at: where } = question;
        if (question.type === 'choice' && (options.length < 3 || options.length > 4)) {
          report(file, at(`${where}options`), `has ${options.length} options: write 3 or 4 (a, b, c, d)`);
        }
        if (!options.includes(answer)) report(file, at(`${where}answer`), `"${answer}" is not one of the options: ${options.join(', ')}`);
        if (!question.misconceptions) continue; // a sort's cases explain themselves with "why"
        const wrong = options.filter((key) => key !== answer);
        for (const key of wrong) {
          if (!question.misconceptions[key]) report(file, at(`${where}misconceptions.${key}`), `is missing: explain the misconception behind choosing "${key}"`);
        }
        for (const key of Object.keys(question.misconceptions)) {
          if (!wrong.includes(key)) report(file, at(`${where}misconceptions.${key}`), `is not a wrong option: write misconceptions only for ${wrong.join(', ')}`);
        }
      }
      checkCues(item.text, 'cues' in item ? item.cues : undefined, file, label);
      const module = modules.find((m) => m.id === item.module);
      const text = Object.fromEntries(LANGS.map((lang) => [lang, itemText(item, lang, (md, field) => render(md, false, file, at(field)))])) as Record<Lang, ItemText>;
      for (const lang of LANGS) checkTerms(text[lang].text, file, at(`text.${lang}`));
      if (!module) return;
      const parts = questionsOf(item).map(({ type, options, answer }): PartSpec => ({ type, options, answer }));
      module.items.push({
        id: item.id, code: shortId(item.id), type: item.type, difficulty: item.difficulty, tricky: item.tricky, tags: item.tags,
        ...(item.type === 'sort' || item.type === 'case' ? { options: [], answer: rightResponse(parts), parts } : parts[0]),
      } satisfies ItemSpec);
      facts[shortId(item.id)] = { difficulty: item.difficulty, tags: item.tags, ...(item.tricky && { tricky: true }), ...(item.contrast && { contrast: item.contrast }) };
      for (const lang of LANGS) texts[module.id][lang].items[item.id] = text[lang];
    });
  }

  const codes = new Map<string, string>();
  for (const id of [...modules.map((m) => m.id), ...seen.keys()]) {
    const other = codes.get(shortId(id));
    if (other) report(courseFile, '', `ids "${other}" and "${id}" share the saved-progress code ${shortId(id)}: rename one of them`);
    codes.set(shortId(id), id);
  }

  if (course) checkFinalConcepts(course.final.concepts, modules, (field, message) => report(courseFile, `final.concepts.${field}`, message));
  if (problems.length || !course) throw new ContentError(problems, warnings);
  const { id, version, title, tagline, outcomes, issuer, mastery, gating, final } = course;
  const welcome = Object.fromEntries(LANGS.map((lang) => [lang, {
    title: title[lang],
    tagline: tagline[lang],
    issuer: issuer[lang],
    outcomes: outcomes[lang].map((md, i) => render(md, false, courseFile, `outcomes.${lang}[${i}]`)),
    modules: Object.fromEntries(modules.map((m) => [m.id, moduleTitles[m.id][lang]])),
  }])) as CompiledCourse['welcome'];
  // Terms are Markdown too (*casework*): sorted by the words a learner sees, the way their language sorts.
  const glossary = Object.fromEntries(LANGS.map((lang) => {
    const collator = new Intl.Collator(lang, { sensitivity: 'base' });
    return [lang, terms
      .map((t, i) => ({ id: t.id, term: render(t.term[lang], false, glossaryFile, `[${i}].term.${lang}`), definition: render(t.definition[lang], false, glossaryFile, `[${i}].definition.${lang}`), sortKey: visibleText(t.term[lang]) }))
      .sort((a, b) => collator.compare(a.sortKey, b.sortKey))
      .map(({ sortKey: _, ...entry }) => entry)];
  })) as CompiledCourse['glossary'];
  if (problems.length) throw new ContentError(problems, warnings);
  return { manifest: { id, version, mastery, gating, final, modules }, texts, facilitator, glossary, welcome, warnings, sources, facts };
}

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

type Render = (md: string, field: string) => string;

function itemText(item: ItemSource, lang: Lang, render: Render): ItemText {
  const pick = (record: Partial<Record<string, Record<Lang, string>>>, field: string) =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [key, render(value![lang], `${field}.${key}.${lang}`)]));
  const common = { text: render(item.text[lang], `text.${lang}`), rationale: render(item.rationale[lang], `rationale.${lang}`), cues: [] as string[] };
  if (item.type === 'sort') {
    return {
      ...common,
      misconceptions: {},
      parts: item.cases.map((c, i) => ({ text: render(c.text[lang], `cases[${i}].text.${lang}`), rationale: render(c.why[lang], `cases[${i}].why.${lang}`), misconceptions: {} })),
    };
  }
  if (item.type === 'case') {
    return {
      ...common,
      misconceptions: {},
      parts: item.steps.map((step, i) => ({
        text: render(step.prompt[lang], `steps[${i}].prompt.${lang}`),
        ...(step.options ? { options: pick(step.options, `steps[${i}].options`) } : {}),
        rationale: render(step.rationale[lang], `steps[${i}].rationale.${lang}`),
        misconceptions: pick(step.misconceptions, `steps[${i}].misconceptions`),
        then: render(step.then[lang], `steps[${i}].then.${lang}`),
      })),
    };
  }
  return {
    ...common,
    ...(item.type === 'choice' ? { options: pick(item.options, 'options') } : {}),
    misconceptions: pick(item.misconceptions, 'misconceptions'),
    cues: ('cues' in item ? item.cues?.[lang] : undefined) ?? [],
  };
}

/** Each module named in `final.concepts` is in the course and has that many concept questions. */
function checkFinalConcepts(concepts: Record<string, number> | undefined, modules: ModuleSpec[], report: (field: string, message: string) => void) {
  for (const [id, count] of Object.entries(concepts ?? {})) {
    const module = modules.find((m) => m.id === id);
    const available = module?.items.filter((i) => i.type === 'choice').length ?? 0;
    if (!module) report(id, `"${id}" is not one of the course's modules: use one of ${modules.map((m) => m.id).join(', ')}`);
    else if (count > available) report(id, `asks for ${count} concept questions but the module has ${available} (type: choice): lower the number or add questions`);
  }
}
