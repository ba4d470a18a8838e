import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';

const run = (out: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/package.ts', ...args], {
    encoding: 'utf8', env: { ...process.env, BERDAYA_PACKAGES_DIR: out },
  });

describe('npm run package', () => {
  it('--only builds just the question banks: one console line per file with its size and use; names carry id and version', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'berdaya-packages-'));
    const result = run(out, '--only', 'moodle-xml,gift');
    expect(result.status, result.stderr).toBe(0);
    const { id, version } = compileContent(path.resolve('lessons')).manifest;
    const names = ['moodle-id.xml', 'moodle-en.xml', 'moodle-bilingual.xml', 'gift-id.txt', 'gift-en.txt', 'gift-bilingual.txt'].map((n) => `${id}-${version}-${n}`);
    expect(fs.readdirSync(out).sort()).toEqual([...names].sort());
    for (const name of names) {
      const line = result.stdout.split('\n').filter((l) => l.includes(name));
      expect(line, name).toHaveLength(1);
      expect(line[0]).toMatch(/\d+\.\d+ (KB|MB)\s+(Moodle XML question bank|GIFT question bank \(Moodle plain text\)), \d+ questions, /);
    }
  });

  it('refuses an unknown output and says which exist', () => {
    const result = run(fs.mkdtempSync(path.join(os.tmpdir(), 'berdaya-packages-')), '--only', 'moodle');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('web, scorm12, scorm2004, kolibri, moodle-xml, gift, scorm');
    expect(result.stderr).toContain('unknown: moodle');
  });
});
