/** `npm run content:check`: validates lessons/ and prints what it holds (`-- --json` for machines). */
import path from 'node:path';
import { compileContent, ContentError } from './content/compile.ts';

const json = process.argv.includes('--json');
try {
  const { manifest, texts } = compileContent(path.resolve(process.argv.find((a) => a.startsWith('--dir='))?.slice(6) ?? 'lessons'));
  const items = manifest.modules.flatMap((m) => m.items);
  const count = (key: (i: (typeof items)[number]) => string) =>
    items.reduce<Record<string, number>>((acc, i) => ({ ...acc, [key(i)]: (acc[key(i)] ?? 0) + 1 }), {});
  const summary = {
    course: manifest.id,
    version: manifest.version,
    modules: manifest.modules.length,
    pages: Object.fromEntries(manifest.modules.map((m) => [m.id, { id: texts[m.id].id.pages.length, en: texts[m.id].en.pages.length }])),
    items: items.length,
    itemsByType: count((i) => i.type),
    itemsByAnswer: count((i) => `${i.type}:${i.answer}`),
    problems: 0,
  };
  if (json) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log(`Lesson files are valid: ${summary.modules} modules, ${summary.items} quiz items.`);
    for (const m of manifest.modules) console.log(`  ${m.id}: ${m.pages} pages, ${m.items.length} items`);
    console.log(`  by answer: ${Object.entries(summary.itemsByAnswer).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  if (json) console.log(JSON.stringify({ problems: error.problems.length, errors: error.problems }, null, 2));
  else console.error(error.message);
  process.exitCode = 1;
}
