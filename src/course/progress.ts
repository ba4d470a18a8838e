import { LANGS, type CourseManifest, type Lang } from '../content/types.ts';
import type { Answers } from '../quiz/scoring.ts';

/** Where the learner is inside a module. Indexes, never text. */
export type Place =
  | { screen: 'lesson'; module: string; page: number }
  | { screen: 'quiz'; module: string; item: number; answered: boolean }
  | { screen: 'summary'; module: string };

export interface ModuleProgress {
  /** Percent correct on the latest completed quiz run. */
  score?: number;
}

/**
 * What must never be lost: a compact, versioned record of ids and numbers. This record, not the
 * machine's snapshot, is what is stored, so the machine can change without breaking saved progress.
 */
export interface Progress {
  v: typeof PROGRESS_FORMAT;
  courseVersion: string;
  lang: Lang | null;
  /** True while the learner is on the welcome screen; `place` still remembers where to continue. */
  atWelcome: boolean;
  place: Place | null;
  /** Every attempt per item id, oldest first. */
  answers: Answers;
  modules: Record<string, ModuleProgress>;
  /** Spaced review: item id → [Leitner box, due day number]. */
  review: Record<string, [number, number]>;
  final: { score: number; passed: boolean } | null;
}

export const PROGRESS_FORMAT = 1;

export const createProgress = (manifest: CourseManifest): Progress => ({
  v: PROGRESS_FORMAT,
  courseVersion: manifest.version,
  lang: null,
  atWelcome: true,
  place: null,
  answers: {},
  modules: {},
  review: {},
  final: null,
});

export const serializeProgress = (progress: Progress): string => JSON.stringify(progress);

export type ParsedProgress = { ok: true; progress: Progress } | { ok: false; reason: 'unreadable' | 'future' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a stored record and fits it to the current course: answers to items that no longer exist
 * are dropped, a place that no longer exists falls back to the start of its module (or nowhere).
 */
export function parseProgress(raw: string, manifest: CourseManifest): ParsedProgress {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!isRecord(data) || typeof data.v !== 'number') return { ok: false, reason: 'unreadable' };
  if (data.v > PROGRESS_FORMAT) return { ok: false, reason: 'future' };
  if (!isRecord(data.answers) || !isRecord(data.modules)) return { ok: false, reason: 'unreadable' };

  const items = new Set(manifest.modules.flatMap((m) => m.items.map((i) => i.id)));
  const answers: Answers = {};
  for (const [id, attempts] of Object.entries(data.answers)) {
    if (items.has(id) && Array.isArray(attempts) && attempts.every((a) => typeof a === 'string')) answers[id] = attempts;
  }
  const modules: Record<string, ModuleProgress> = {};
  for (const m of manifest.modules) {
    const saved = data.modules[m.id];
    if (isRecord(saved)) modules[m.id] = typeof saved.score === 'number' ? { score: saved.score } : {};
  }
  const review: Progress['review'] = {};
  if (isRecord(data.review)) {
    for (const [id, entry] of Object.entries(data.review)) {
      if (items.has(id) && Array.isArray(entry) && entry.length === 2 && entry.every(Number.isInteger)) review[id] = [entry[0], entry[1]];
    }
  }
  let place = fitPlace(data.place, manifest);
  if (place?.screen === 'quiz' && place.answered) {
    const item = manifest.modules.find((m) => m.id === place?.module)?.items[place.item];
    if (!item || !answers[item.id]) place = { ...place, answered: false };
  }
  return {
    ok: true,
    progress: {
      v: PROGRESS_FORMAT,
      courseVersion: manifest.version,
      lang: LANGS.includes(data.lang as Lang) ? (data.lang as Lang) : null,
      atWelcome: place === null || data.atWelcome !== false,
      place,
      answers,
      modules,
      review,
      final: isRecord(data.final) && typeof data.final.score === 'number' && typeof data.final.passed === 'boolean'
        ? { score: data.final.score, passed: data.final.passed }
        : null,
    },
  };
}

function fitPlace(value: unknown, manifest: CourseManifest): Place | null {
  if (!isRecord(value)) return null;
  const module = manifest.modules.find((m) => m.id === value.module);
  if (!module) return null;
  const index = (n: unknown, size: number) => (Number.isInteger(n) && (n as number) >= 0 && (n as number) < size ? (n as number) : null);
  const start: Place = { screen: 'lesson', module: module.id, page: 0 };
  switch (value.screen) {
    case 'lesson': {
      const page = index(value.page, module.pages);
      return page === null ? start : { screen: 'lesson', module: module.id, page };
    }
    case 'quiz': {
      const item = index(value.item, module.items.length);
      return item === null ? start : { screen: 'quiz', module: module.id, item, answered: value.answered === true };
    }
    case 'summary':
      return { screen: 'summary', module: module.id };
    default:
      return start;
  }
}
