import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { compileContent, ContentError, type Problem } from '../../scripts/content/compile.ts';
import { berdayaContent } from '../../scripts/content/vite-plugin.ts';
import { brokenFixture, fixtureCourse } from './fixture-course.ts';

function problemsOf(dir: string): Problem[] {
  try {
    compileContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map((p) => ({ ...p, file: p.file.replace(/.*berdaya-lessons-[^/]+\//, '') }));
    throw error;
  }
  throw new Error('expected the content to be rejected');
}

describe('content compiler', () => {
  it('compiles a valid course into a language-neutral manifest and per-language text', () => {
    const { manifest, texts } = fixtureCourse();
    expect(manifest.modules.map((m) => [m.id, m.pages, m.items.map((i) => i.id)])).toEqual([
      ['alpha', 2, ['fx-home-visit', 'fx-concept']],
      ['beta', 1, ['fx-beta-group']],
    ]);
    expect(manifest.modules[0].items[0]).toMatchObject({ options: ['casework', 'groupwork', 'systemic'], answer: 'casework' });
    expect(manifest.modules[0].items[1]).toMatchObject({ options: ['a', 'b', 'c'], answer: 'b' });
    expect(JSON.stringify(manifest)).not.toContain('kunjungan rumah');
    expect(texts.alpha.id.pages[0].title).toBe('Halaman satu');
    expect(texts.alpha.en.items['fx-concept'].options).toEqual({ a: 'Wrong one', b: 'The right one', c: 'Wrong two' });
  });

  it('renders Markdown and neutralises raw HTML and unsafe links', () => {
    const html = fixtureCourse().texts.alpha.en.pages[0].html;
    expect(html).toContain('<em>text</em>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('a link');
  });

  it('names the file and line of a YAML syntax error', () => {
    const problems = problemsOf(brokenFixture('scenarios/items.yaml', (s) => s.replace('answer: casework', 'answer: [casework')));
    expect(problems[0].file).toBe('scenarios/items.yaml');
    expect(problems[0].field).toMatch(/^line \d+, column \d+$/);
    expect(problems[0].message).toMatch(/not valid YAML/);
  });

  it('reports missing English text with the field that needs it', () => {
    const dir = brokenFixture('scenarios/items.yaml', (s) => s.replace(', en: "The target is one family." }', ' }'));
    expect(problemsOf(dir)).toEqual([
      { file: 'scenarios/items.yaml', field: '[0] (fx-home-visit).rationale.en', message: 'is missing (expected string): write the English text' },
    ]);
  });

  it('rejects an unknown level and says which levels exist', () => {
    const dir = brokenFixture('scenarios/items.yaml', (s) => s.replace('answer: casework', 'answer: micro'));
    expect(problemsOf(dir)).toContainEqual({
      file: 'scenarios/items.yaml',
      field: '[0] (fx-home-visit).answer',
      message: 'expected one of: casework, groupwork, systemic',
    });
  });

  it('rejects a duplicate id and names where it was first used', () => {
    const dir = brokenFixture('scenarios/more.yaml', () =>
      fs.readFileSync(path.resolve(__dirname, '../fixtures/lessons/scenarios/items.yaml'), 'utf8').split('- id: fx-concept')[0]);
    expect(problemsOf(dir)).toContainEqual({
      file: 'scenarios/more.yaml',
      field: '[0] (fx-home-visit).id',
      message: expect.stringMatching(/^duplicate id "fx-home-visit", already used in .*scenarios\/items\.yaml/),
    });
  });

  it('requires the same pages in both languages', () => {
    const dir = brokenFixture('modules/alpha/en.md', (s) => s.split('## Page two')[0]);
    expect(problemsOf(dir)).toEqual([
      { file: 'modules/alpha/en.md', field: '', message: 'has 1 pages but id.md has 2: both languages need the same pages in the same order' },
    ]);
  });

  it('requires a misconception for every wrong option, and cue words from the text', () => {
    const dir = brokenFixture('scenarios/items.yaml', (s) =>
      s.replace(/\n    systemic: \{ id: "Mengira program[^\n]*/, '').replace('en: ["home visit"]', 'en: ["house call"]'));
    expect(problemsOf(dir)).toEqual([
      { file: 'scenarios/items.yaml', field: '[0] (fx-home-visit).misconceptions.systemic', message: 'is missing: explain the misconception behind choosing "systemic"' },
      { file: 'scenarios/items.yaml', field: '[0] (fx-home-visit).cues.en', message: '"house call" does not occur in text.en: cue words must be copied from the scenario text' },
    ]);
  });

  it('rejects a scenario for a module the course does not have', () => {
    const dir = brokenFixture('scenarios/items.yaml', (s) => s.replace('module: beta', 'module: gamma'));
    expect(problemsOf(dir)).toContainEqual({
      file: 'scenarios/items.yaml', field: '[2] (fx-beta-group).module', message: 'unknown module "gamma": expected one of alpha, beta',
    });
  });

  it('fails the production build with the same message', async () => {
    const dir = brokenFixture('scenarios/items.yaml', (s) => s.replace('answer: casework', 'answer: micro'));
    const run = build({
      configFile: false,
      logLevel: 'silent',
      plugins: [berdayaContent(dir)],
      build: { write: false, rollupOptions: { input: 'virtual:berdaya/course' } },
    });
    await expect(run).rejects.toThrow(/scenarios\/items\.yaml › \[0\] \(fx-home-visit\)\.answer: expected one of: casework, groupwork, systemic/);
  });
});

describe('compact item structure in the manifest', () => {
  it('expands back to what the browser needs of every item of the real course', async () => {
    const { compactItem, expandItem } = await import('../../src/content/compact-item.ts');
    const { manifest } = compileContent(path.resolve('lessons'));
    for (const { difficulty: _d, tricky: _t, tags: _g, ...item } of manifest.modules.flatMap((m) => m.items)) {
      expect(expandItem(compactItem(item))).toEqual({ ...item, id: item.code }); // known by its code in the browser
    }
  });
});

describe('npm run content:check', () => {
  const check = (...args: string[]) =>
    spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/content-check.ts', ...args], { encoding: 'utf8' });

  it('prints a JSON summary of the real course with no items missing fields', () => {
    const run = check('--json');
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ modules: 6, itemsMissingFields: 0, problems: 0 });
    expect(summary.pages['04-intervention-levels']).toEqual({ id: 6, en: 6 });
    expect(summary.scenariosByAnswer['classify-level:casework']).toBeGreaterThanOrEqual(24);
    expect(summary.glossaryTerms.id).toBeGreaterThanOrEqual(30);
  });

  it('fails with the problems listed when a lesson file is broken', () => {
    const dir = brokenFixture('scenarios/items.yaml', (s) => s.replace(', en: "The target is one family." }', ' }'));
    const run = check('--json', `--dir=${dir}`);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ problems: 1, itemsMissingFields: 1 });
  });
});
