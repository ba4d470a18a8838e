import type { CourseManifest } from '../content/types.ts';
import { decodeProgress, encodeProgress } from '../course/progress-codec.ts';
import { createProgress, type Progress } from '../course/progress.ts';

/** Why the learner may need to be told something about where progress lives. */
export type StoreNotice = 'unreadable' | 'future' | 'storageUnavailable' | 'storageFull' | 'otherTab';

export interface ProgressStore {
  load(): { progress: Progress; notice?: StoreNotice };
  /** Stores the record; returns a notice when the device refuses (progress then lives in memory). */
  save(progress: Progress): StoreNotice | undefined;
  /** Calls back with the record another tab has just saved. Returns an unsubscribe function. */
  watch(onChange: (progress: Progress) => void): () => void;
  /** Saved data that could not be read, kept aside so the learner can download it. */
  unreadable(): string[];
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

  return {
    load() {
      if (!usable) return { progress: createProgress(manifest), notice: 'storageUnavailable' };
      const raw = read(key);
      if (raw === null) return { progress: createProgress(manifest) };
      const decoded = decodeProgress(raw, manifest);
      if (decoded.ok) return { progress: decoded.progress };
      // Never silently overwrite what we could not read: keep a copy beside it.
      try {
        storage!.setItem(`${asideKey}${Date.now()}`, raw);
      } catch {
        /* the learner is told either way */
      }
      return { progress: createProgress(manifest), notice: decoded.reason };
    },
    save(progress) {
      if (!usable) return 'storageUnavailable';
      const encoded = encodeProgress(progress, manifest);
      try {
        if (storage!.getItem(key) !== encoded) storage!.setItem(key, encoded);
        return undefined;
      } catch {
        return 'storageFull';
      }
    },
    watch(onChange) {
      if (!usable || typeof window === 'undefined') return () => undefined;
      const listener = (event: StorageEvent) => {
        if (event.key !== key || event.storageArea !== storage || !event.newValue) return;
        const decoded = decodeProgress(event.newValue, manifest);
        if (decoded.ok) onChange(decoded.progress);
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
      if (!usable) return [];
      try {
        return Object.keys(storage!)
          .filter((name) => name.startsWith(asideKey))
          .sort()
          .map((name) => read(name) ?? '');
      } catch {
        return [];
      }
    },
  };
}
