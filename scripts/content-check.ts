/**
 * `npm run content:check`: validates lessons/, runs the checks across the scenario bank, and prints
 * what the course holds. Every problem of every file is reported in one run, grouped by file.
 *   -- --json    a JSON summary (with every item id) or the problems, for machines
 *   -- --list    every item id by module, with its type and answer
 *   -- --build   what `npm run build` runs first: only problems that would break the course stop it;
 *                the bank checks (answer lengths, tell-tale words) are shown as warnings
 *   -- --dir=X   check another lessons folder
 */
import path from 'node:path';
import { checkBank } from './content/bank-checks.ts';
import { compileContent, ContentError, formatProblems, type CompiledCourse, type Problem } from './content/compile.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const list = args.includes('--list');
const buildMode = args.includes('--build');
const lessonsDir = path.resolve(args.find((a) => a.startsWith('--dir='))?.slice(6) ?? 'lessons');

let compiled: CompiledCourse;
try {
  compiled = compileContent(lessonsDir);
} catch (error) {
  if (!(error instanceof ContentError)) {
    // Never a bare stack: say what happened and where to look.
    console.error(`The lesson files could not be checked: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  if (json) {
    const items = new Set(error.problems.filter((p) => /^\[\d+\]/.test(p.field)).map((p) => `${p.file} ${p.field.split('.')[0]}`));
    console.log(JSON.stringify({ problems: error.problems.length, itemsMissingFields: items.size, errors: error.problems, warnings: error.warnings }, null, 2));
  } else console.error(formatProblems([...error.problems, ...error.warnings]));
  process.exit(1);
}

const { manifest, texts, glossary, facilitator, sources } = compiled;
const bank = checkBank(sources, path.relative(process.cwd(), path.join(lessonsDir, 'scenarios')) || 'scenarios');
const asWarnings = (problems: Problem[]) => problems.map((p): Problem => ({ ...p, severity: 'warning' }));
const errors = buildMode ? [] : bank.errors;
const warnings = [...compiled.warnings, ...(buildMode ? asWarnings(bank.errors) : []), ...bank.warnings];

const items = manifest.modules.flatMap((m) => m.items);
const tally = <T,>(list: T[], key: (x: T) => string) =>
  list.reduce<Record<string, number>>((acc, x) => ({ ...acc, [key(x)]: (acc[key(x)] ?? 0) + 1 }), {});
const count = (key: (i: (typeof items)[number]) => string) => tally(items, key);
/** "casework", or a sort's / case's answers part by part: "casework groupwork systemic". */
const answerOf = (item: (typeof items)[number]) => (item.parts ? item.parts.map((p) => p.answer).join(' ') : item.answer);
const itemsByModule = Object.fromEntries(manifest.modules.map((m) => [m.id, m.items.map((i) => ({ id: i.id, type: i.type, answer: answerOf(i) }))]));
const summary = {
  course: manifest.id,
  version: manifest.version,
  modules: manifest.modules.length,
  pages: Object.fromEntries(manifest.modules.map((m) => [m.id, { id: texts[m.id].id.pages.length, en: texts[m.id].en.pages.length }])),
  scenarios: items.length,
  scenariosByModule: Object.fromEntries(manifest.modules.map((m) => [m.id, m.items.length])),
  scenariosByType: count((i) => i.type),
  // Sorts and cases are counted by what their cases and steps ask.
  scenariosByAnswer: count((i) => (i.parts ? i.type : `${i.type}:${i.answer}`)),
  partsByAnswer: tally(items.flatMap((i) => i.parts ?? []), (p) => `${p.type}:${p.answer}`),
  tricky: items.filter((i) => i.tricky).length,
  glossaryTerms: { id: glossary.id.length, en: glossary.en.length },
  facilitatorNotes: { id: Object.keys(facilitator.id).length, en: Object.keys(facilitator.en).length },
  // The schema rejects any item with a missing field, so a valid course always has 0 here.
  itemsMissingFields: 0,
  problems: errors.length,
  items: itemsByModule,
  errors,
  warnings,
};

if (json) console.log(JSON.stringify(summary, null, 2));
else {
  if (warnings.length) console.warn(`${formatProblems(warnings)}\n`);
  if (list) {
    for (const m of manifest.modules) {
      console.log(`${m.id} (${m.items.length} item${m.items.length === 1 ? '' : 's'})`);
      const width = Math.max(0, ...m.items.map((i) => i.id.length));
      for (const i of itemsByModule[m.id]) console.log(`  ${i.id.padEnd(width)}  ${i.type.padEnd(17)}  ${i.answer}`);
    }
    const unplaced = sources.filter((s) => s.item.module === undefined);
    if (unplaced.length) console.log(`not in any module (no "module:"): ${unplaced.map((s) => s.item.id).join(', ')}`);
    console.log('');
  }
  if (errors.length) console.error(`${formatProblems(errors, 'in the scenario bank')}\n`);
  console.log(`${errors.length ? 'Lesson files compile, but the checks above fail' : 'Lesson files are valid'}: ${summary.modules} modules, ${summary.scenarios} quiz items, ${glossary.id.length} glossary terms${warnings.length ? `, ${warnings.length} warning(s)` : ''}.`);
  for (const m of manifest.modules) console.log(`  ${m.id}: ${m.pages} page(s), ${m.items.length} item(s), ${Math.min(m.quizSize, m.items.length)} per quiz round`);
  console.log(`  by answer: ${Object.entries(summary.scenariosByAnswer).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  in sorts and cases: ${Object.entries(summary.partsByAnswer).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (!list) console.log('  (add -- --list to see every item id by module, type and answer)');
}
process.exitCode = errors.length ? 1 : 0;
