import type { CourseManifest } from '../content/types.ts';
import { decodeProgress, encodeProgress } from '../course/progress-codec.ts';
import { formatVersion, type Progress } from '../course/progress.ts';
import { shortId } from '../course/short-id.ts';

/** A learner's progress as a small file they can keep or move to another device. Data only. */
export const PROGRESS_FILE_TYPE = 'berdaya-progress';
export const MAX_PROGRESS_FILE_BYTES = 64 * 1024;

interface ProgressFile {
  type: typeof PROGRESS_FILE_TYPE;
  v: 1;
  course: string;
  exportedAt: string;
  data: string;
  /** Catches truncated or hand-edited files; not a security measure. */
  check: string;
}

export interface ProgressSummary {
  exportedAt: string;
  modulesDone: number;
  modulesTotal: number;
  answered: number;
}

export type ImportError = 'tooLarge' | 'notProgress' | 'otherCourse' | 'tampered' | 'unreadable' | 'future';
export type ImportResult = { ok: true; progress: Progress; summary: ProgressSummary } | { ok: false; error: ImportError };

const checksum = (data: string, exportedAt: string) => shortId(`${exportedAt}|${data}`);

export function createProgressFile(progress: Progress, manifest: CourseManifest, now = new Date()): string {
  const data = encodeProgress(progress, manifest);
  const exportedAt = now.toISOString();
  const file: ProgressFile = { type: PROGRESS_FILE_TYPE, v: 1, course: manifest.id, exportedAt, data, check: checksum(data, exportedAt) };
  return JSON.stringify(file, null, 2);
}

export const progressFileName = (manifest: CourseManifest, now = new Date()) =>
  `${manifest.id}-progress-${now.toISOString().slice(0, 10)}.json`;

export function summarise(progress: Progress, manifest: CourseManifest, exportedAt: string): ProgressSummary {
  return {
    exportedAt,
    modulesDone: manifest.modules.filter((m) => progress.modules[m.id]?.best !== undefined).length,
    modulesTotal: manifest.modules.length,
    answered: Object.keys(progress.answers).length,
  };
}

/** Validates an imported file completely before anything is replaced. */
export function readProgressFile(text: string, manifest: CourseManifest): ImportResult {
  if (text.length > MAX_PROGRESS_FILE_BYTES) return { ok: false, error: 'tooLarge' };
  let file: Partial<ProgressFile>;
  try {
    file = JSON.parse(text) as Partial<ProgressFile>;
  } catch {
    return { ok: false, error: 'notProgress' };
  }
  if (typeof file !== 'object' || file === null || file.type !== PROGRESS_FILE_TYPE) return { ok: false, error: 'notProgress' };
  const version = formatVersion(file.v);
  if (version === null) return { ok: false, error: 'unreadable' };
  if (version > 1) return { ok: false, error: 'future' };
  if (file.course !== manifest.id) return { ok: false, error: 'otherCourse' };
  if (typeof file.data !== 'string' || typeof file.exportedAt !== 'string' || Number.isNaN(Date.parse(file.exportedAt))) {
    return { ok: false, error: 'unreadable' };
  }
  if (file.check !== checksum(file.data, file.exportedAt)) return { ok: false, error: 'tampered' };
  const decoded = decodeProgress(file.data, manifest);
  if (!decoded.ok) return { ok: false, error: decoded.reason };
  return { ok: true, progress: decoded.progress, summary: summarise(decoded.progress, manifest, file.exportedAt) };
}
