// Writes a synthetic class for `npm run bench` (the cohort view's load time): 300 learners'
// results files, and one Moodle interactions report of 300 attempts × 60 interactions.
// Usage: tsx scripts/cohort-bench-data.ts <folder>
import fs from 'node:fs';
import path from 'node:path';
import { syntheticLearner, resultsFileText } from '../tests/fixtures/cohort-results.ts';
import { compileContent } from './content/compile.ts';

const LEARNERS = 300;
const INTERACTIONS = 60;
const out = path.resolve(process.argv[2] ?? 'bench/cohort-data');
const { manifest } = compileContent(path.resolve('lessons'));
fs.mkdirSync(path.join(out, 'files'), { recursive: true });
for (let n = 0; n < LEARNERS; n++) fs.writeFileSync(path.join(out, 'files', `peserta-${n + 1}.json`), resultsFileText(manifest, syntheticLearner(manifest, n)));

// Moodle's "CSV" download: tab-separated, fputcsv quoting (see README, "Use in an LMS").
const quote = (v: string) => (/[\s"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const singles = manifest.modules.flatMap((m) => m.items).filter((item) => !item.parts).slice(0, INTERACTIONS);
const letter = (i: number) => String.fromCharCode(97 + i);
const header = ['Name', 'Email address', 'Attempt', 'Started on', 'Last accessed on', 'Score', 'Berdaya',
  ...singles.flatMap((_, i) => [`Question ${i}`, `Response ${i}`, `Right answer ${i}`, `Result ${i}`])];
const rows = Array.from({ length: LEARNERS }, (_, n) => {
  const cells = [`Peserta ${n + 1}`, `peserta${n + 1}@example.org`, '1', 'Tuesday, 14 January 2025, 9:05 AM', 'Tuesday, 14 January 2025, 9:48 AM', '75', '75'];
  singles.forEach((item, i) => {
    const right = item.options.indexOf(item.answer);
    const chosen = (n + i) % 4 === 0 ? (right + 1) % item.options.length : right;
    cells.push(`q_${item.code}`, letter(chosen), letter(right), chosen === right ? 'correct' : 'wrong');
  });
  return cells;
});
fs.writeFileSync(path.join(out, 'moodle-interactions.txt'), [header, ...rows].map((r) => r.map(quote).join('\t')).join('\n') + '\n');
console.log(`${LEARNERS} results files and a ${LEARNERS} × ${INTERACTIONS} Moodle report in ${path.relative(process.cwd(), out)}`);
