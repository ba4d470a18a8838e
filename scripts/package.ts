/**
 * `npm run package`: every delivery an agency may ask for, in dist-packages/, one console line per
 * file (name, size, what it is for). `npm run package -- --only moodle-xml,kolibri` builds some.
 * Outputs: web, scorm12, scorm2004 (or "scorm" for both), kolibri, moodle-xml, gift.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { compileContent } from './content/compile.ts';
import { gift } from './question-bank/gift.ts';
import { moodleXml } from './question-bank/moodle-xml.ts';
import { BANK_LANGUAGES, bankQuestions, type BankLanguage } from './question-bank/questions.ts';
import { listFiles, packageZip } from './scorm/package.ts';

export const OUTPUTS = ['web', 'scorm12', 'scorm2004', 'kolibri', 'moodle-xml', 'gift'] as const;
type Output = (typeof OUTPUTS)[number];
const GROUPS: Record<string, Output[]> = { scorm: ['scorm12', 'scorm2004'] };

const OUT_DIR = process.env.BERDAYA_PACKAGES_DIR ?? 'dist-packages';
const KOLIBRI_BUILD = 'dist-kolibri';

function chosen(argv: string[]): Output[] {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at < 0) return [...OUTPUTS];
  const list = (argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = list.filter((name) => !(OUTPUTS as readonly string[]).includes(name) && !GROUPS[name]);
  if (!list.length || unknown.length) {
    console.error(`--only takes one or more of: ${[...OUTPUTS, ...Object.keys(GROUPS)].join(', ')} (comma-separated)${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
    process.exit(2);
  }
  return OUTPUTS.filter((o) => list.includes(o) || list.some((name) => GROUPS[name]?.includes(o)));
}

function viteBuild(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(1);
}

const zipFolder = (dir: string) =>
  zipSync(Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))])), { level: 9 });

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`);

const LANGUAGE_NAME: Record<BankLanguage, [file: string, says: string]> = {
  id: ['id', 'Indonesian only'],
  en: ['en', 'English only'],
  both: ['bilingual', 'Indonesian and English (enable the multilang filter)'],
};

const outputs = chosen(process.argv.slice(2));
const course = compileContent(path.resolve('lessons'));
const { manifest, welcome } = course;
const base = `${manifest.id}-${manifest.version}`;
const lines: string[] = [];
fs.mkdirSync(OUT_DIR, { recursive: true });
const write = (name: string, data: Uint8Array | string, purpose: string) => {
  const file = path.join(OUT_DIR, name);
  fs.writeFileSync(file, data);
  lines.push(`${file.padEnd(48)} ${size(fs.statSync(file).size).padStart(9)}  ${purpose}`);
};

if (outputs.some((o) => o === 'web' || o.startsWith('scorm'))) viteBuild({ BERDAYA_TARGET: 'web' });
if (outputs.includes('web')) write(`${base}-web.zip`, zipFolder('dist'), 'web build: unzip onto any static web host as it is (README: Deploy to any static host)');
const info = { id: manifest.id, version: manifest.version, title: welcome.id.title, masteryScore: manifest.final.passMark };
if (outputs.includes('scorm12')) write(`${base}-scorm12.zip`, packageZip(info, '1.2', path.resolve('dist')), 'SCORM 1.2 package: Moodle (fills its interactions report) and most LMSs');
if (outputs.includes('scorm2004')) write(`${base}-scorm2004.zip`, packageZip(info, '2004', path.resolve('dist')), 'SCORM 2004 package: LMSs that prefer 2004');
if (outputs.includes('kolibri')) {
  viteBuild({ BERDAYA_TARGET: 'kolibri', BERDAYA_OUT_DIR: KOLIBRI_BUILD });
  write(`${base}-kolibri.zip`, zipFolder(KOLIBRI_BUILD), 'Kolibri HTML5 app: add it to a channel in Kolibri Studio or ricecooker');
}
const questions = outputs.includes('moodle-xml') || outputs.includes('gift') ? bankQuestions(course) : [];
for (const lang of BANK_LANGUAGES) {
  const [suffix, says] = LANGUAGE_NAME[lang];
  if (outputs.includes('moodle-xml')) write(`${base}-moodle-${suffix}.xml`, moodleXml(questions, lang), `Moodle XML question bank, ${questions.length} questions, ${says}`);
}
for (const lang of BANK_LANGUAGES) {
  const [suffix, says] = LANGUAGE_NAME[lang];
  if (outputs.includes('gift')) write(`${base}-gift-${suffix}.txt`, gift(questions, lang), `GIFT question bank (Moodle plain text), ${questions.length} questions, ${says}`);
}
console.log(`\nPackages of ${manifest.id} ${manifest.version} in ${OUT_DIR}/:`);
for (const line of lines) console.log(line);
