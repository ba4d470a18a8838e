import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBank } from '../../scripts/content/bank-checks.ts';
import { compileContent, type Problem } from '../../scripts/content/compile.ts';
import { FIXTURE_DIR } from './fixture-course.ts';

/** The checks that keep the right answer from giving itself away, on fixture banks built to break them. */
const BANKS = path.resolve(__dirname, '../fixtures/bank');

/** The fixture course with its scenarios replaced by the given bank files. */
function courseWith(...banks: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berdaya-lessons-'));
  fs.cpSync(FIXTURE_DIR, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'scenarios/items.yaml'));
  for (const bank of banks) fs.copyFileSync(path.join(BANKS, `${bank}.yaml`), path.join(dir, 'scenarios', `${bank}.yaml`));
  return dir;
}

const findings = (...banks: string[]) => {
  const { errors, warnings } = checkBank(compileContent(courseWith(...banks)).sources, 'scenarios');
  const short = (p: Problem) => ({ ...p, file: path.basename(p.file) });
  return { errors: errors.map(short), warnings: warnings.map(short) };
};

describe('the right answer does not give itself away', () => {
  const { errors } = findings('giveaway');

  it('(a) fails an item whose key is more than 1.3× as long as the longest wrong option, in that language only', () => {
    expect(errors.filter((e) => e.file === 'giveaway.yaml')).toEqual([
      {
        file: 'giveaway.yaml', field: '[0] (fx-long-key).options.b.en',
        message: 'the right answer is 2.85× as long as the longest wrong option in English (57 vs 20 characters; at most 1.3×): make the wrong options as specific and as long as the key, or the key shorter',
      },
      {
        file: 'giveaway.yaml', field: '[4] (fx-case-long-step).steps[0].options.a.en',
        message: 'the right answer is 3.53× as long as the longest wrong option in English (53 vs 15 characters; at most 1.3×): make the wrong options as specific and as long as the key, or the key shorter',
      },
    ]);
  });

  it('(b) fails a bank where the key is the single longest option in over 40% of multi-word items, listing each by how much', () => {
    const longest = errors.filter((e) => e.message.includes('single longest option'));
    expect(longest.map((e) => e.field)).toEqual(['all items, English']);
    expect(longest[0].message).toBe([
      'the right answer is the single longest option in 5 of 5 items whose options all have two or more words (100%; at most 40%), so a learner can pass by picking the longest. Shorten keys or lengthen wrong options in:',
      '  - fx-long-key (+37 characters, 2.85×)',
      '  - fx-always-wrong (+1 character, 1.04×)',
      '  - fx-never-wrong (+7 characters, 1.29×)',
      '  - fx-only-right (+6 characters, 1.21×)',
      '  - fx-case-long-step step 1 (+38 characters, 3.53×)',
    ].join('\n'));
  });

  it('(c) fails a bank where "always"/"never" mark wrong options in over 40% of the items that use them', () => {
    const telltale = errors.filter((e) => e.message.includes('only in wrong options'));
    expect(telltale.map((e) => e.field)).toEqual(['all items, English']);
    expect(telltale[0].message).toMatch(/^of 3 items with "always", "never", "only" in an option, 2 \(67%; at most 40%\) have the word only in wrong options/);
    expect(telltale[0].message).toMatch(/\n {2}- fx-always-wrong \("always" in b\)\n {2}- fx-never-wrong \("never" in a\)$/);
  });

  it('passes a bank where length and wording carry no signal', () => {
    expect(findings('fair')).toEqual({ errors: [], warnings: [] });
  });
});

describe('warnings that do not fail the check', () => {
  it('warns when a sort case begins by referring to another case (they are shown shuffled)', () => {
    const { errors, warnings } = findings('back-references');
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.field, w.message.split(':')[0], w.severity])).toEqual([
      ['[0] (fx-back-sort).cases[1].text.id', 'begins by referring to another case ("Para ibu tadi")', 'warning'],
      ['[0] (fx-back-sort).cases[1].text.en', 'begins by referring to another case ("These")', 'warning'],
      ['[0] (fx-back-sort).cases[2].text.id', 'begins by referring to another case ("tersebut")', 'warning'],
      ['[0] (fx-back-sort).cases[2].text.en', 'begins by referring to another case ("At that")', 'warning'],
    ]);
  });

  it('warns on a scenario nearly the same as one in another file', () => {
    expect(findings('fair', 'near-duplicate').warnings).toEqual([{
      file: 'near-duplicate.yaml', field: '[0] (fx-fair-one-again)', severity: 'warning',
      message: expect.stringMatching(/^is nearly the same scenario as "fx-fair-one" in .*fair\.yaml \(80% of the words in Indonesian are shared\)/),
    }]);
  });
});

describe('wired into npm run content:check', () => {
  const check = (...args: string[]) =>
    spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/content-check.ts', ...args], { encoding: 'utf8' });

  it('fails on a bank that gives answers away and prints the items; the build step shows them as warnings only', () => {
    const dir = courseWith('giveaway');
    const run = check(`--dir=${dir}`);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^4 problems in the scenario bank \(2 files\):/m);
    expect(run.stderr).toContain('  - fx-never-wrong (+7 characters, 1.29×)');
    const build = check('--build', `--dir=${dir}`);
    expect(build.status).toBe(0);
    // The 4 bank problems, and the fixture's 2 dropped javascript: links.
    expect(build.stderr).toMatch(/^6 warnings in lesson files/);
    expect(build.stderr).toContain('  - fx-never-wrong (+7 characters, 1.29×)');
  });
});
