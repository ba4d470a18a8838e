import { describe, expect, it, vi } from 'vitest';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress, type Progress } from '../../src/course/progress.ts';
import { createLocalStore } from '../../src/tracking/local-store.ts';
import { fixtureCourse } from './fixture-course.ts';

const { manifest } = fixtureCourse();
const key = 'berdaya:fixture:progress';
const progress: Progress = {
  ...createProgress(manifest),
  lang: 'id',
  atWelcome: false,
  place: { screen: 'lesson', module: 'alpha', page: 1 },
  answers: { 'fx-home-visit': ['casework'] },
};

/** A Storage whose every method throws, as in private modes and sandboxed frames. */
const throwingStorage = () =>
  new Proxy({} as Storage, { get: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } });

describe('local progress store', () => {
  it('saves and loads the record', () => {
    expect(createLocalStore(manifest, localStorage).save(progress)).toBeUndefined();
    expect(createLocalStore(manifest, localStorage).load()).toEqual({ progress });
  });

  it('starts fresh on corrupt data, says so, and keeps a copy it can hand back', () => {
    localStorage.setItem(key, 'B1~garbage');
    const store = createLocalStore(manifest, localStorage);
    expect(store.load()).toEqual({ progress: createProgress(manifest), notice: 'unreadable' });
    expect(store.unreadable()).toEqual(['B1~garbage']);
    store.save(progress); // the learner goes on; the copy stays
    expect(store.unreadable()).toEqual(['B1~garbage']);
  });

  it('keeps working in memory when storage cannot even be read', () => {
    const store = createLocalStore(manifest, throwingStorage());
    expect(store.load()).toEqual({ progress: createProgress(manifest), notice: 'storageUnavailable' });
    expect(store.save(progress)).toBe('storageUnavailable');
    expect(store.unreadable()).toEqual([]);
    expect(createLocalStore(manifest, undefined).load().notice).toBe('storageUnavailable');
  });

  it('reports a full device instead of failing', () => {
    const full = Object.assign(Object.create(localStorage) as Storage, {
      getItem: () => null,
      setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); },
    });
    expect(createLocalStore(manifest, full).save(progress)).toBe('storageFull');
  });

  it('hears what another tab saved', () => {
    const store = createLocalStore(manifest, localStorage);
    const heard = vi.fn();
    const stop = store.watch(heard);
    const other = { ...progress, answers: { 'fx-concept': ['b'] } };
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: encodeProgress(other, manifest), storageArea: localStorage }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'something-else', newValue: 'x', storageArea: localStorage }));
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: 'garbage', storageArea: localStorage }));
    stop();
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: encodeProgress(other, manifest), storageArea: localStorage }));
    expect(heard.mock.calls).toEqual([[other]]);
  });
});
