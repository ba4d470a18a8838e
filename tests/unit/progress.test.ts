import { describe, expect, it } from 'vitest';
import { createProgress, parseProgress, serializeProgress, type Progress } from '../../src/course/progress.ts';
import { createLocalStore } from '../../src/tracking/local-store.ts';
import { fixtureCourse } from './fixture-course.ts';

const { manifest } = fixtureCourse();

const midQuiz: Progress = {
  ...createProgress(manifest),
  lang: 'en',
  atWelcome: false,
  place: { screen: 'quiz', module: 'alpha', item: 1, answered: true },
  answers: { 'fx-home-visit': ['groupwork', 'casework'], 'fx-concept': ['b'] },
  modules: { alpha: { score: 50 } },
  review: { 'fx-home-visit': [1, 20480] },
};

describe('Progress record', () => {
  it('survives a round trip unchanged', () => {
    expect(parseProgress(serializeProgress(midQuiz), manifest)).toEqual({ ok: true, progress: midQuiz });
  });

  it('holds ids and numbers only, never translated text', () => {
    const encoded = serializeProgress(midQuiz);
    expect(encoded).not.toMatch(/Module|Modul|home visit/);
    expect(encoded).toMatch(/^[\x20-\x7e]+$/);
  });

  it('drops answers to items that no longer exist and keeps the rest', () => {
    const stored = serializeProgress({ ...midQuiz, answers: { ...midQuiz.answers, 'removed-item': ['a'] } });
    const parsed = parseProgress(stored, manifest);
    expect(parsed.ok && parsed.progress.answers).toEqual(midQuiz.answers);
  });

  it('falls back to the start of the module when a saved page no longer exists', () => {
    const stored = serializeProgress({ ...midQuiz, place: { screen: 'lesson', module: 'alpha', page: 9 } });
    const parsed = parseProgress(stored, manifest);
    expect(parsed.ok && parsed.progress.place).toEqual({ screen: 'lesson', module: 'alpha', page: 0 });
  });

  it('does not show feedback for an answer it no longer has', () => {
    const stored = serializeProgress({ ...midQuiz, answers: {} });
    const parsed = parseProgress(stored, manifest);
    expect(parsed.ok && parsed.progress.place).toEqual({ screen: 'quiz', module: 'alpha', item: 1, answered: false });
  });

  it('refuses unreadable and future-format data', () => {
    expect(parseProgress('{not json', manifest)).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseProgress('[1,2]', manifest)).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseProgress(JSON.stringify({ ...midQuiz, v: 99 }), manifest)).toEqual({ ok: false, reason: 'future' });
  });
});

describe('local progress store', () => {
  it('saves and loads the record', () => {
    const store = createLocalStore(manifest, localStorage);
    expect(store.save(midQuiz)).toBe(true);
    expect(createLocalStore(manifest, localStorage).load()).toEqual({ progress: midQuiz });
  });

  it('starts fresh on corrupt data, says so, and keeps a copy of what it could not read', () => {
    localStorage.setItem('berdaya:fixture:progress', '{"v":1,"answers":');
    const loaded = createLocalStore(manifest, localStorage).load();
    expect(loaded).toEqual({ progress: createProgress(manifest), notice: 'unreadable' });
    const copies = Object.keys(localStorage).filter((k) => k.startsWith('berdaya:fixture:progress:unreadable:'));
    expect(copies.map((k) => localStorage.getItem(k))).toEqual(['{"v":1,"answers":']);
  });

  it('reports a device that refuses to store', () => {
    const full = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } } as unknown as Storage;
    expect(createLocalStore(manifest, full).save(midQuiz)).toBe(false);
  });
});
