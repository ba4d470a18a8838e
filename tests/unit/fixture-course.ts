import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileContent } from '../../scripts/content/compile.ts';

export const FIXTURE_DIR = path.resolve(__dirname, '../fixtures/lessons');

/** The small valid course in tests/fixtures/lessons, compiled. */
export const fixtureCourse = () => compileContent(FIXTURE_DIR);

/** A copy of the valid fixture with one file rewritten, for broken-content tests. */
export function brokenFixture(file: string, edit: (source: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berdaya-lessons-'));
  fs.cpSync(FIXTURE_DIR, dir, { recursive: true });
  const target = path.join(dir, file);
  fs.writeFileSync(target, edit(fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''));
  return dir;
}
