import type { CourseManifest } from '../content/types.ts';
import { decodeProgress, encodeProgress } from '../course/progress-codec.ts';
import { createProgress, type Progress } from '../course/progress.ts';

/** Why the learner may need to be told something about where progress lives. */
export type StoreNotice = 'unreadable' | 'future' | 'unreadableNotKept' | 'storageUnavailable' | 'storageFull' | 'otherTab' | 'otherTabReplaced';

export interface ProgressStore {
  load(): { progress: Progress; notice?: StoreNotice };
  /** Stores the record; returns a notice when the device refuses (progress then lives in memory). */
  save(progress: Progress): StoreNotice | undefined;
  /**
   * The learner replaced the record (a reset or an import): other tabs adopt it instead of merging
   * their older answers back in.
   */
  replace(progress: Progress): StoreNotice | undefined;
  /**
   * Calls back with the record another tab has just saved; `replaced` when that tab replaced it
   * (adopt it), else merge. Returns an unsubscribe function.
   */
  watch(onChange: (progress: Progress, replaced: boolean) => void): () => void;
  /** Saved data that could not be read, kept aside so the learner can download it. */
  unreadable(): string[];
  /** Keeps unreadable data from elsewhere (the LMS) beside this record; false if only in memory. */
  keepAside(raw: string): boolean;
  /** The name to print on the certificate: on this device only, never in the Progress record. */
  certificateName(): string;
  saveCertificateName(name: string): void;
}

/**
 * Standalone tracker: the Progress record in localStorage, one key per course. Every access is
 * guarded: private modes and sandboxed frames throw on access, full devices throw on write.
 */
export function createLocalStore(manifest: CourseManifest, storage: Storage | undefined, key = `berdaya:${manifest.id}:progress`): ProgressStore {
  const asideKey = `${key}:unreadable:`;
  /** Changes when a tab replaces the record: a tab that saw an older generation adopts, never merges. */
  const generationKey = `${key}:generation`;
  const read = (name: string): string | null => {
    try {
      return storage?.getItem(name) ?? null;
    } catch {
      return null;
    }
  };
  const usable = (() => {
    try {
      return !!storage && (storage.getItem(key), true);
    } catch {
      return false;
    }
  })();
  let generation = read(generationKey);
  /** Unreadable data kept for this visit, whether or not the device could store it. */
  const inMemory: string[] = [];
  /** The record at `key` could not be read nor moved aside: it is left as it is, never overwritten. */
  let keepOriginal = false;

  function asides(): string[] {
    try {
      return Object.keys(storage!).filter((name) => name.startsWith(asideKey)).sort();
    } catch {
      return [];
    }
  }

  function keepAside(raw: string): boolean {
    if (!inMemory.includes(raw)) inMemory.push(raw);
    if (!usable) return false;
    if (asides().some((name) => read(name) === raw)) return true;
    try {
      storage!.setItem(`${asideKey}${Date.now()}`, raw);
      return true;
    } catch {
      return false;
    }
  }

  function save(progress: Progress): StoreNotice | undefined {
    if (!usable) return 'storageUnavailable';
    if (keepOriginal) return 'unreadableNotKept';
    // Another tab replaced the record since we last looked: its storage event brings it here.
    if (read(generationKey) !== generation) return undefined;
    const encoded = encodeProgress(progress, manifest);
    try {
      if (storage!.getItem(key) !== encoded) storage!.setItem(key, encoded);
      return undefined;
    } catch {
      return 'storageFull';
    }
  }

  return {
    load() {
      if (!usable) return { progress: createProgress(manifest), notice: 'storageUnavailable' };
      const raw = read(key);
      if (raw === null) return { progress: createProgress(manifest) };
      const decoded = decodeProgress(raw, manifest);
      if (decoded.ok) return { progress: decoded.progress };
      // Never silently overwrite what we could not read: move it aside (a move, not a copy, so a
      // record as big as the device's space still fits), or else leave it where it is.
      inMemory.push(raw);
      let moved = false;
      try {
        storage!.removeItem(key);
        storage!.setItem(`${asideKey}${Date.now()}`, raw);
        moved = true;
      } catch {
        try {
          storage!.setItem(key, raw);
        } catch {
          /* told below: the copy in memory is the only one */
        }
      }
      keepOriginal = !moved;
      return { progress: createProgress(manifest), notice: moved ? decoded.reason : 'unreadableNotKept' };
    },
    save,
    replace(progress) {
      generation = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
      try {
        if (usable) storage!.setItem(generationKey, generation);
      } catch {
        /* a full device: the save below says so */
      }
      return save(progress);
    },
    watch(onChange) {
      if (!usable || typeof window === 'undefined') return () => undefined;
      const listener = (event: StorageEvent) => {
        if (event.key !== key || event.storageArea !== storage || !event.newValue) return;
        const decoded = decodeProgress(event.newValue, manifest);
        if (!decoded.ok) return;
        const current = read(generationKey);
        const replaced = current !== generation;
        generation = current;
        onChange(decoded.progress, replaced);
      };
      window.addEventListener('storage', listener);
      return () => window.removeEventListener('storage', listener);
    },
    certificateName: () => read(`${key}:certificate-name`) ?? '',
    saveCertificateName(name) {
      try {
        storage?.setItem(`${key}:certificate-name`, name);
      } catch {
        /* the name stays on screen for this visit */
      }
    },
    unreadable() {
      const kept = usable ? asides().map((name) => read(name) ?? '') : [];
      return [...kept, ...inMemory.filter((raw) => !kept.includes(raw))];
    },
    keepAside,
  };
}
