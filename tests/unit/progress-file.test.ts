import { describe, expect, it } from 'vitest';
import { createProgress, type Progress } from '../../src/course/progress.ts';
import { createProgressFile, MAX_PROGRESS_FILE_BYTES, readProgressFile } from '../../src/tracking/progress-file.ts';
import { fixtureCourse } from './fixture-course.ts';

const { manifest } = fixtureCourse();
const progress: Progress = {
  ...createProgress(manifest),
  lang: 'en',
  atWelcome: true,
  place: { screen: 'summary', module: 'alpha' },
  answers: { 'fx-home-visit': ['casework'], 'fx-concept': ['b'] },
  modules: { alpha: { score: 100, best: 100 } },
};
const now = new Date('2026-11-28T08:00:00Z');
const file = () => createProgressFile(progress, manifest, now);
const edit = (change: (f: Record<string, unknown>) => void) => {
  const parsed = JSON.parse(file()) as Record<string, unknown>;
  change(parsed);
  return JSON.stringify(parsed);
};

describe('progress file (export and import)', () => {
  it('restores exactly what was exported, with a summary to confirm', () => {
    expect(readProgressFile(file(), manifest)).toEqual({
      ok: true,
      progress,
      summary: { exportedAt: '2026-11-28T08:00:00.000Z', modulesDone: 1, modulesTotal: 2, answered: 2 },
    });
  });

  it.each([
    ['a file that is too large', 'x'.repeat(MAX_PROGRESS_FILE_BYTES + 1), 'tooLarge'],
    ['a file that is not JSON', '%PDF-1.7 …', 'notProgress'],
    ['JSON of another kind', '{"name":"holiday photos"}', 'notProgress'],
    ['a truncated file', file().slice(0, 80), 'notProgress'],
    ['a file from another course', edit((f) => { f.course = 'other-course'; }), 'otherCourse'],
    ['a hand-edited score', edit((f) => { f.data = String(f.data).replace('100.100', '999.999'); }), 'tampered'],
    ['a file from a newer course version', edit((f) => { f.v = 2; }), 'future'],
    ['a file with the wrong schema', edit((f) => { f.data = 42; }), 'unreadable'],
    ['a file whose version is no number', edit((f) => { f.v = 'one'; }), 'unreadable'],
    ['a file with a version below 1', edit((f) => { f.v = 0; }), 'unreadable'],
  ])('rejects %s with a clear reason', (_, text, error) => {
    expect(readProgressFile(text, manifest)).toEqual({ ok: false, error });
  });

  it('reads a version written as text ("1") as version 1, not as "made by a newer version"', () => {
    expect(readProgressFile(edit((f) => { f.v = '1'; }), manifest)).toMatchObject({ ok: true, progress });
    expect(readProgressFile(edit((f) => { f.v = '2'; }), manifest)).toEqual({ ok: false, error: 'future' });
  });

  it('carries data only: markup in a file is never decoded into the record', () => {
    const hostile = edit((f) => { f.data = '<img src=x onerror=alert(1)>'; f.check = 'xxxxx'; });
    expect(readProgressFile(hostile, manifest)).toEqual({ ok: false, error: 'tampered' });
  });
});
