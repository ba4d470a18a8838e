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
    expect(heard.mock.calls).toEqual([[other, false]]);
  });

  it('a reset or import in another tab is adopted, never merged; a tab that has not seen it yet does not write over it', () => {
    const mine = createLocalStore(manifest, localStorage);
    const theirs = createLocalStore(manifest, localStorage);
    mine.save(progress);
    const heard = vi.fn();
    const stop = mine.watch(heard);
    const fresh = createProgress(manifest);
    theirs.replace(fresh); // "Delete progress" over there
    // This tab's next step comes before its storage event: the deleted answers are not written back.
    expect(mine.save(progress)).toBeUndefined();
    expect(createLocalStore(manifest, localStorage).load().progress).toEqual(fresh);
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: localStorage.getItem(key), storageArea: localStorage }));
    expect(heard.mock.calls).toEqual([[fresh, true]]);
    // Once adopted, saving works again, and later saves over there are merged as usual.
    const next = { ...fresh, atWelcome: false, place: progress.place };
    mine.save(next);
    expect(createLocalStore(manifest, localStorage).load().progress).toEqual(next);
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: encodeProgress(next, manifest), storageArea: localStorage }));
    expect(heard.mock.calls[1]).toEqual([next, false]);
    stop();
  });

  it('a 3,000,000-character unreadable record is really kept (moved aside), and never overwritten', () => {
    const huge = `B1~${'x'.repeat(3_000_000)}`;
    localStorage.setItem(key, huge);
    const store = createLocalStore(manifest, localStorage);
    expect(store.load()).toEqual({ progress: createProgress(manifest), notice: 'unreadable' });
    store.save(progress);
    expect(store.unreadable()).toEqual([huge]);
    expect(createLocalStore(manifest, localStorage).unreadable()).toEqual([huge]); // on the device, not only in memory
    expect(createLocalStore(manifest, localStorage).load()).toEqual({ progress });
  });

  it('says honestly when an unreadable record cannot be kept, and then leaves it where it is', () => {
    const raw = 'B1~garbage';
    const values = new Map([[key, raw]]);
    const cramped = {
      getItem: (name: string) => values.get(name) ?? null,
      setItem: (name: string, value: string) => {
        if (name !== key) throw new DOMException('quota', 'QuotaExceededError');
        values.set(name, value);
      },
      removeItem: (name: string) => void values.delete(name),
    } as unknown as Storage;
    const store = createLocalStore(manifest, cramped);
    expect(store.load().notice).toBe('unreadableNotKept');
    expect(store.save(progress)).toBe('unreadableNotKept');
    expect(values.get(key)).toBe(raw);
    expect(store.unreadable()).toEqual([raw]); // this visit can still hand it over
  });

  it('keeps unreadable data from the LMS beside the record, once', () => {
    const store = createLocalStore(manifest, localStorage, 'berdaya:fixture:scorm:abcde');
    expect(store.keepAside('lms garbage')).toBe(true);
    expect(store.keepAside('lms garbage')).toBe(true);
    expect(createLocalStore(manifest, localStorage, 'berdaya:fixture:scorm:abcde').unreadable()).toEqual(['lms garbage']);
  });
});
