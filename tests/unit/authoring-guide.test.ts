import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';

/** The README's example files: fenced blocks whose first line names the file they belong in. */
function readmeExamples(): { file: string; body: string }[] {
  const readme = fs.readFileSync(path.resolve('README.md'), 'utf8');
  return [...readme.matchAll(/```(?:yaml|md)\n(?:# |<!-- )(lessons\/[^\s]+?)(?: -->)?\n([\s\S]*?)```/g)].map(([, file, body]) => ({ file, body }));
}

describe('the README authoring guide', () => {
  it('adds a scenario and a module that appear in the course in both languages, with no code change', () => {
    const examples = readmeExamples();
    expect(examples.map((e) => e.file)).toEqual([
      'lessons/scenarios/agency-examples.yaml',
      'lessons/modules/07-referral-pathways/module.yaml',
      'lessons/modules/07-referral-pathways/id.md',
      'lessons/modules/07-referral-pathways/en.md',
      'lessons/scenarios/07-referral-pathways.yaml',
    ]);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'berdaya-readme-'));
    fs.cpSync(path.resolve('lessons'), path.join(root, 'lessons'), { recursive: true });
    for (const { file, body } of examples) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), body);
    }
    // Step 2 of "Add a module": list the folder in course.yaml.
    const courseFile = path.join(root, 'lessons/course.yaml');
    fs.writeFileSync(courseFile, fs.readFileSync(courseFile, 'utf8').replace(/(modules:\n(?:  - .+\n)+)/, '$1  - 07-referral-pathways\n'));

    const { manifest, texts } = compileContent(path.join(root, 'lessons'));
    const levels = manifest.modules.find((m) => m.id === '04-intervention-levels')!;
    expect(levels.items.map((i) => i.id)).toContain('agency-elderly-day-centre-group');
    expect(texts[levels.id].en.items['agency-elderly-day-centre-group'].text).toMatch(/^At a day centre/);
    expect(texts[levels.id].id.items['agency-elderly-day-centre-group'].text).toMatch(/^Di pusat layanan/);

    const added = manifest.modules.at(-1)!;
    expect(added).toMatchObject({ id: '07-referral-pathways', number: 7, pages: 2, quizSize: 3 });
    expect(added.items.map((i) => i.id)).toEqual(['m7-when-to-refer']);
    expect(texts[added.id].id.pages.map((p) => p.title)).toEqual(['Kapan Merujuk', 'Setelah Merujuk']);
    expect(texts[added.id].en.pages.map((p) => p.title)).toEqual(['When to Refer', 'After Referring']);
  });
});
