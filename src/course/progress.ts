import { LANGS, type CourseManifest, type Lang } from '../content/types.ts';
import { isValidResponse, type Answers } from '../quiz/scoring.ts';
import { PRACTICE_SIZE, type Review } from '../quiz/review.ts';
import { courseModules, PRACTICE } from './final-assessment.ts';
import { quizItems } from './quiz-round.ts';

/** Where the learner is inside a module. Indexes, never text. */
export type Place =
  | { screen: 'lesson'; module: string; page: number }
  | { screen: 'quiz'; module: string; item: number; answered: boolean }
  | { screen: 'summary'; module: string };

export interface ModuleProgress {
  /** Percent correct on the latest completed quiz run. */
  score?: number;
  /** Best percent ever reached: what "mastered" and completion are judged on; never lowered. */
  best?: number;
  /** Quiz rounds started; each round draws its own questions (src/quiz/selection.ts). */
  round?: number;
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
  /** The most recent attempts per item id (at most MAX_ATTEMPTS), oldest first. */
  answers: Answers;
  modules: Record<string, ModuleProgress>;
  /** Spaced review: item id → [Leitner box, due day number] (src/quiz/review.ts). */
  review: Review;
  /** The item ids of the current or latest Practice session, fixed when it starts. */
  practice: string[];
  /**
   * The final assessment's best score and pass, and when its latest attempt ended (`at`, minutes
   * since 1970 UTC: the retake wait counts from it). Attempts started are the final's `round` + 1.
   */
  final: FinalRecord | null;
}

export interface FinalRecord {
  score: number;
  passed: boolean;
  /** Absent in records written before retake rules existed: then no wait applies. */
  at?: number;
  /**
   * When the attempt that first passed ended (minutes since 1970 UTC, never after `at`): the
   * completion date on the certificate, which a later retake does not move. Absent while not
   * passed, and in records written before it was kept.
   */
  passedAt?: number;
}

export const PROGRESS_FORMAT = 1;
export const MAX_ATTEMPTS = 5;
/** More quiz rounds than anyone takes: a larger stored number is damage (and would draw repeats). */
export const MAX_ROUND = 10_000;

/**
 * A stored format version: a positive whole number, also when a hand-edited file wrote it as text
 * ("1"). Null when it is no version at all (then the data is unreadable, not "newer").
 */
export function formatVersion(value: unknown): number | null {
  const v = typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
}

export const createProgress = (manifest: CourseManifest): Progress => ({
  v: PROGRESS_FORMAT,
  courseVersion: manifest.version,
  lang: null,
  atWelcome: true,
  place: null,
  answers: {},
  modules: {},
  review: {},
  practice: [],
  final: null,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPercent = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 100;

/**
 * Fits a decoded record (any older format, any content version) to the current course: answers to
 * items or options that no longer exist are dropped, a place that no longer exists falls back to
 * the start of its module, and scores or a pass are kept as they were.
 */
export function fitProgress(data: Record<string, unknown>, manifest: CourseManifest): Progress {
  const items = new Map(courseModules(manifest).flatMap((m) => m.items.map((i) => [i.id, i] as const)));
  const answers: Answers = {};
  if (isRecord(data.answers)) {
    for (const [id, attempts] of Object.entries(data.answers)) {
      const item = items.get(id);
      if (!item || !Array.isArray(attempts)) continue;
      const kept = attempts.filter((a): a is string => typeof a === 'string' && isValidResponse(item, a)).slice(-MAX_ATTEMPTS);
      if (kept.length) answers[id] = kept;
    }
  }
  const modules: Record<string, ModuleProgress> = {};
  if (isRecord(data.modules)) {
    for (const m of courseModules(manifest)) {
      const saved = data.modules[m.id];
      if (!isRecord(saved)) continue;
      const score = isPercent(saved.score) ? saved.score : undefined;
      const best = Math.max(isPercent(saved.best) ? saved.best : -1, score ?? -1);
      const round = Number.isInteger(saved.round) && (saved.round as number) >= 0 && (saved.round as number) <= MAX_ROUND ? (saved.round as number) : undefined;
      modules[m.id] = { ...(score !== undefined && { score }), ...(best >= 0 && { best }), ...(round !== undefined && { round }) };
    }
  }
  const review: Progress['review'] = {};
  if (isRecord(data.review)) {
    for (const [id, entry] of Object.entries(data.review)) {
      if (items.has(id) && Array.isArray(entry) && entry.length === 2 && entry.every((n) => Number.isInteger(n) && n >= 0)) {
        review[id] = [entry[0], entry[1]];
      }
    }
  }
  // A Practice session holds distinct items, at most PRACTICE_SIZE of them.
  const practice = Array.isArray(data.practice)
    ? [...new Set(data.practice.filter((id): id is string => items.has(id as string)))].slice(0, PRACTICE_SIZE)
    : [];
  let place = fitPlace(data.place, manifest);
  if (place?.screen === 'quiz') {
    const module = courseModules(manifest).find((m) => m.id === place?.module)!;
    const item = quizItems({ modules, practice }, module)[place.item];
    if (!item) place = module.id === PRACTICE ? null : { screen: 'lesson', module: module.id, page: 0 };
    else if (place.answered && !answers[item.id]) place = { ...place, answered: false };
  }
  const final = isRecord(data.final) && isPercent(data.final.score) && typeof data.final.passed === 'boolean' ? fitFinal(data.final) : null;
  return {
    v: PROGRESS_FORMAT,
    courseVersion: manifest.version,
    lang: LANGS.includes(data.lang as Lang) ? (data.lang as Lang) : null,
    atWelcome: place === null || data.atWelcome !== false,
    place,
    answers,
    modules,
    review,
    practice,
    final,
  };
}

function fitFinal(data: Record<string, unknown>): FinalRecord {
  const minutes = (n: unknown) => (Number.isInteger(n) && (n as number) >= 0 ? (n as number) : undefined);
  const at = minutes(data.at);
  const passedAt = minutes(data.passedAt);
  // A pass ends an attempt, so it is never later than the latest one; a pass time without a pass is damage.
  const keepPassedAt = data.passed === true && at !== undefined && passedAt !== undefined && passedAt <= at;
  return { score: data.score as number, passed: data.passed as boolean, ...(at !== undefined && { at }), ...(keepPassedAt && { passedAt }) };
}

function fitPlace(value: unknown, manifest: CourseManifest): Place | null {
  if (!isRecord(value)) return null;
  const module = courseModules(manifest).find((m) => m.id === value.module);
  if (!module) return null;
  const index = (n: unknown, size: number) => (Number.isInteger(n) && (n as number) >= 0 && (n as number) < size ? (n as number) : null);
  const start: Place = { screen: 'lesson', module: module.id, page: 0 };
  switch (value.screen) {
    case 'lesson': {
      const page = index(value.page, module.pages);
      return page === null ? start : { screen: 'lesson', module: module.id, page };
    }
    case 'quiz': {
      const item = index(value.item, Math.min(module.quizSize, module.items.length));
      return item === null ? start : { screen: 'quiz', module: module.id, item, answered: value.answered === true };
    }
    case 'summary':
      return { screen: 'summary', module: module.id };
    default:
      return start;
  }
}

/**
 * Combines the record of another tab (or device) with ours so that no answer is lost: per item the
 * longer attempt history wins, best scores and a pass are kept; our own place and language stay.
 */
export function mergeProgress(ours: Progress, theirs: Progress): Progress {
  const answers = { ...theirs.answers };
  for (const [id, attempts] of Object.entries(ours.answers)) {
    if (attempts.length >= (answers[id]?.length ?? 0)) answers[id] = attempts;
  }
  const modules = { ...theirs.modules };
  for (const [id, mine] of Object.entries(ours.modules)) {
    const other = modules[id] ?? {};
    const best = Math.max(mine.best ?? -1, other.best ?? -1);
    // The quiz round stays ours: our place points into our round's questions.
    const { round: _theirs, ...rest } = other;
    modules[id] = { ...rest, ...mine, ...(best >= 0 && { best }) };
  }
  const passed = (p: Progress) => p.final?.passed ?? false;
  const kept = passed(theirs) && !passed(ours) ? theirs.final : (ours.final ?? theirs.final);
  // The retake wait counts from the latest attempt either tab finished; completion, from the first pass.
  const at = Math.max(ours.final?.at ?? -1, theirs.final?.at ?? -1);
  const passedAt = Math.min(...[ours.final, theirs.final].flatMap((f) => (f?.passed && f.passedAt !== undefined ? [f.passedAt] : [])));
  const final = kept && at >= 0 ? { ...kept, at, ...(kept.passed && passedAt !== Infinity && { passedAt }) } : kept;
  return { ...ours, answers, modules, review: { ...theirs.review, ...ours.review }, final };
}
