import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent, ContentError, formatProblems } from '../../scripts/content/compile.ts';
import { brokenFixture, FIXTURE_DIR } from './fixture-course.ts';

/** An agency author gets it right the first time: every problem at once, in plain words. */
const FIVE_MISTAKES = path.resolve(__dirname, '../fixtures/authoring/five-mistakes.yaml');
const JARGON = /expected (object|record|string|array|number)|invalid_type|Invalid input|ZodError|\bat .*\.(ts|js|mjs):\d+/i;

const check = (...args: string[]) =>
  spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/content-check.ts', ...args], { encoding: 'utf8' });

function failure(dir: string): ContentError {
  try {
    compileContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected the content to be rejected');
}

describe('an author\'s file with five different mistakes', () => {
  const dir = brokenFixture('scenarios/agency.yaml', () => fs.readFileSync(FIVE_MISTAKES, 'utf8'));

  it('gets all five reported in one run, each with its item and field, in plain words', () => {
    const { problems } = failure(dir);
    const agency = problems.filter((p) => p.file.endsWith('scenarios/agency.yaml')).map((p) => `${p.field}: ${p.message}`);
    expect(agency).toEqual([
      '[0] (agency-youth-group).module: unknown module "alpah": expected one of alpha, beta',
      '[0] (agency-youth-group).type: "classify-levels" is not a question type: use classify-level, classify-strategy, choice, sort or case',
      '[0] (agency-youth-group).text.id: links to glossary term "kelompk", which lessons/glossary.yaml does not have',
      '[0] (agency-youth-group).text.en: links to glossary term "kelompk", which lessons/glossary.yaml does not have',
      '[1] (agency-one-family).rationale: should be the text in both languages (id: and en:), but it is one text. It should look like this:\n'
        + '    rationale:\n      id: "Teks dalam bahasa Indonesia."\n      en: "The same text in English."',
      '[1] (agency-one-family).cues.id: "orang tua" does not occur as whole words in text.id: cue words must be copied from the scenario text (whole words: "orang tua" is not found in "orang tuanya")',
    ]);
    for (const p of problems) expect(p.message).not.toMatch(JARGON);
  });

  it('prints them grouped by file, with a count', () => {
    const { message } = failure(dir);
    expect(message).toMatch(/^6 problems and 2 warnings in lesson files \(3 files\):\n\n.*scenarios\/agency\.yaml \(6\)\n {2}\[0\] \(agency-youth-group\)\.module: unknown module "alpah"/);
    expect(message).not.toMatch(JARGON);
  });
});

describe('one run reports every file', () => {
  it('reports a broken course.yaml together with problems in modules and scenarios', () => {
    const dir = brokenFixture('course.yaml', (s) => s.replace('version: 1.0.0', 'version: one'));
    fs.writeFileSync(path.join(dir, 'modules/beta/en.md'), '');
    fs.writeFileSync(path.join(dir, 'scenarios/items.yaml'), fs.readFileSync(path.join(dir, 'scenarios/items.yaml'), 'utf8').replace('answer: groupwork', 'answer: group'));
    const files = failure(dir).problems.map((p) => p.file.replace(/.*berdaya-lessons-[^/]+\//, ''));
    expect([...new Set(files)]).toEqual(['course.yaml', 'modules/beta/en.md', 'scenarios/items.yaml']);
  });

  it('gives the likely fix for a YAML syntax error: text with ": " must be in quotes', () => {
    const dir = brokenFixture('scenarios/items.yaml', (s) => s.replace('rationale: { id: "Karena benar.", en: "Because it is right." }', 'rationale:\n    id: "Karena benar."\n    en: Note: it is right.'));
    expect(failure(dir).problems).toEqual([{
      file: expect.stringMatching(/scenarios\/items\.yaml$/), field: expect.stringMatching(/^line \d+, column \d+$/),
      message: 'not valid YAML (Nested mappings are not allowed in compact mappings). Likely fix: text containing ": " (a colon and a space) must be in quotes, e.g. en: "Note: the group meets weekly."',
    }]);
  });
});

describe('house style', () => {
  it('refuses a word from the spelling list in Indonesian text, saying what to write instead', () => {
    const dir = brokenFixture('scenarios/items.yaml', (s) => s.replace('Kelompok adalah media.', 'Kelompok mempengaruhi anggotanya.'));
    expect(failure(dir).problems).toEqual([{
      file: expect.stringMatching(/scenarios\/items\.yaml$/), field: '[2] (fx-beta-group).rationale.id',
      message: 'write "memengaruhi" instead of "mempengaruhi" (house style: respectful terms and EYD/KBBI spelling)',
    }]);
  });
});

describe('npm run content:check and npm run build', () => {
  const dir = brokenFixture('scenarios/agency.yaml', () => fs.readFileSync(FIVE_MISTAKES, 'utf8'));

  it('show the same report, with no JavaScript stack trace', () => {
    const checked = check(`--dir=${dir}`);
    const built = check('--build', `--dir=${dir}`); // the first step of `npm run build`
    expect(checked.status).toBe(1);
    expect(built.status).toBe(1);
    expect(built.stderr).toBe(checked.stderr);
    const { problems, warnings } = failure(dir);
    expect(checked.stderr).toBe(`${formatProblems([...problems, ...warnings])}\n`);
    expect(checked.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.build).toMatch(/content-check\.ts --build && vite build/);
  });

  it('--list prints every item id by module, with its type and answer', () => {
    const run = check('--list', `--dir=${FIXTURE_DIR}`);
    expect(run.stdout).toContain([
      'alpha (2 items)',
      '  fx-home-visit  classify-level     casework',
      '  fx-concept     choice             b',
      'beta (1 item)',
      '  fx-beta-group  classify-level     groupwork',
    ].join('\n'));
  });

  it('--json includes the item ids by module', () => {
    const summary = JSON.parse(check('--json', `--dir=${FIXTURE_DIR}`).stdout);
    expect(summary.items).toEqual({
      alpha: [{ id: 'fx-home-visit', type: 'classify-level', answer: 'casework' }, { id: 'fx-concept', type: 'choice', answer: 'b' }],
      beta: [{ id: 'fx-beta-group', type: 'classify-level', answer: 'groupwork' }],
    });
  });
});
