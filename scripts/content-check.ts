/** `npm run content:check`: validates lessons/ and prints what it holds (`-- --json` for machines). */
import path from 'node:path';
import { compileContent, ContentError } from './content/compile.ts';

const json = process.argv.includes('--json');
try {
  const { manifest, texts, glossary, facilitator } = compileContent(path.resolve(process.argv.find((a) => a.startsWith('--dir='))?.slice(6) ?? 'lessons'));
  const items = manifest.modules.flatMap((m) => m.items);
  const tally = <T,>(list: T[], key: (x: T) => string) =>
    list.reduce<Record<string, number>>((acc, x) => ({ ...acc, [key(x)]: (acc[key(x)] ?? 0) + 1 }), {});
  const count = (key: (i: (typeof items)[number]) => string) => tally(items, key);
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
    problems: 0,
  };
  if (json) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log(`Lesson files are valid: ${summary.modules} modules, ${summary.scenarios} quiz items, ${glossary.id.length} glossary terms.`);
    for (const m of manifest.modules) console.log(`  ${m.id}: ${m.pages} page(s), ${m.items.length} item(s), ${Math.min(m.quizSize, m.items.length)} per quiz round`);
    console.log(`  by answer: ${Object.entries(summary.scenariosByAnswer).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`  in sorts and cases: ${Object.entries(summary.partsByAnswer).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  if (json) {
    const items = new Set(error.problems.filter((p) => /^\[\d+\]/.test(p.field)).map((p) => `${p.file} ${p.field.split('.')[0]}`));
    console.log(JSON.stringify({ problems: error.problems.length, itemsMissingFields: items.size, errors: error.problems }, null, 2));
  }
  else console.error(error.message);
  process.exitCode = 1;
}
