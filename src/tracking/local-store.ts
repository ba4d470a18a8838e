import type { CourseManifest } from '../content/types.ts';
import { createProgress, parseProgress, serializeProgress, type Progress } from '../course/progress.ts';

export type LoadNotice = 'unreadable' | 'future';

export interface ProgressStore {
  load(): { progress: Progress; notice?: LoadNotice };
  /** False when the device refuses to store (full, disabled, private mode). */
  save(progress: Progress): boolean;
}

/** Standalone tracker: the Progress record in localStorage, one key per course. */
export function createLocalStore(manifest: CourseManifest, storage: Storage | undefined): ProgressStore {
  const key = `berdaya:${manifest.id}:progress`;
  return {
    load() {
      let raw: string | null = null;
      try {
        raw = storage?.getItem(key) ?? null;
      } catch {
        return { progress: createProgress(manifest) };
      }
      if (raw === null) return { progress: createProgress(manifest) };
      const parsed = parseProgress(raw, manifest);
      if (parsed.ok) return { progress: parsed.progress };
      // Never silently overwrite what we could not read: keep a copy beside it.
      try {
        storage?.setItem(`${key}:unreadable:${Date.now()}`, raw);
      } catch {
        /* the learner is told below either way */
      }
      return { progress: createProgress(manifest), notice: parsed.reason };
    },
    save(progress) {
      try {
        storage?.setItem(key, serializeProgress(progress));
        return !!storage;
      } catch {
        return false;
      }
    },
  };
}
