import type { CourseManifest, ModuleSpec } from '../content/types.ts';
import { PRACTICE_SIZE } from '../quiz/review.ts';
import type { FinalMix } from '../quiz/selection.ts';
import type { Progress } from './progress.ts';

/**
 * The final assessment runs through the same quiz machinery as a module quiz, as a pseudo-module
 * with this id (which no lesson folder may use): its place, rounds and best score live in the
 * Progress record like any module's, and its questions come from `drawFinal`.
 */
export const FINAL = 'final';

export interface FinalModuleSpec extends ModuleSpec {
  mix: FinalMix;
  /** The modules whose banks it draws from. */
  sources: ModuleSpec[];
}

/** Without `final.concepts` in course.yaml: this many concept questions from every module that has them. */
export const DEFAULT_CONCEPTS = 2;

const finals = new WeakMap<CourseManifest, FinalModuleSpec>();

export function finalModule(manifest: CourseManifest): FinalModuleSpec {
  const cached = finals.get(manifest);
  if (cached) return cached;
  const { perLevel, strategies } = manifest.final;
  const conceptsOf = (m: ModuleSpec) => m.items.filter((i) => i.type === 'choice').length;
  const concepts = manifest.final.concepts
    ?? Object.fromEntries(manifest.modules.filter(conceptsOf).map((m) => [m.id, Math.min(DEFAULT_CONCEPTS, conceptsOf(m))]));
  // Everything an attempt may ask: concept questions of the listed modules, and level and strategy scenarios.
  const items = manifest.modules.flatMap((m) =>
    m.items.filter((i) => (i.type === 'choice' ? (concepts[m.id] ?? 0) > 0 : i.type === 'classify-level' || i.type === 'classify-strategy')),
  );
  const conceptCount = Object.values(concepts).reduce((sum, n) => sum + n, 0);
  const final: FinalModuleSpec = {
    id: FINAL, number: manifest.modules.length + 1, minutes: 20, pages: 0,
    quizSize: perLevel * 3 + strategies + conceptCount, items, mix: { perLevel, strategies, concepts }, sources: manifest.modules,
  };
  finals.set(manifest, final);
  return final;
}

/**
 * Practice sessions review missed scenarios (src/quiz/review.ts) as one more pseudo-module: its
 * questions are the ones fixed in `Progress.practice` when the session starts.
 */
export const PRACTICE = 'practice';

const practiceModule = (manifest: CourseManifest): ModuleSpec => ({
  id: PRACTICE, number: 0, minutes: 5, pages: 0, quizSize: PRACTICE_SIZE, items: manifest.modules.flatMap((m) => m.items),
});

const all = new WeakMap<CourseManifest, ModuleSpec[]>();

/** Every module the learner can be in, the final assessment and Practice included. */
export function courseModules(manifest: CourseManifest): ModuleSpec[] {
  if (!all.has(manifest)) all.set(manifest, [...manifest.modules, finalModule(manifest), practiceModule(manifest)]);
  return all.get(manifest)!;
}

/** Whether a (pseudo-)module's questions come from other modules, whose text they show. */
export const isDrawnFromBank = (moduleId: string) => moduleId === FINAL || moduleId === PRACTICE;

/** The final assessment opens once every module's quiz is done (mastered, in strict gating). */
export const isFinalOpen = (manifest: CourseManifest, progress: Progress) =>
  manifest.modules.every((m) => {
    const best = progress.modules[m.id]?.best;
    return best !== undefined && (manifest.gating === 'open' || best >= manifest.mastery);
  });

export const hasPassedFinal = (manifest: CourseManifest, progress: Progress) =>
  progress.final?.passed === true || (progress.modules[FINAL]?.best ?? -1) >= manifest.final.passMark;

/**
 * When the learner completed the course (minutes since 1970 UTC): the end of the attempt that first
 * passed the final. Records written before that was kept give the end of their latest attempt.
 */
export const finalPassedAt = (progress: Progress): number | undefined =>
  progress.final?.passed ? (progress.final.passedAt ?? progress.final.at) : undefined;

/** Attempts started so far (each attempt is a quiz round of the final). */
export const finalAttempts = (progress: Progress) => (progress.modules[FINAL]?.round ?? -1) + 1;

/** An attempt has started and not been finished: the learner is in it (home included) until its result. */
export const isInFinal = (progress: Progress) => progress.place?.module === FINAL && progress.place.screen === 'quiz';

/**
 * Whether the learner may start the final now (`now` in milliseconds):
 * `open`, `resume` (an attempt is unfinished), `locked` (module quizzes first), `wait` until
 * `opensAt` (course.yaml `final.retakeWait` hours after the last attempt ended), or `spent`
 * (`final.maxAttempts` used).
 */
export type FinalAccess =
  | { kind: 'open' | 'resume' | 'locked' }
  | { kind: 'wait'; opensAt: number }
  | { kind: 'spent'; attempts: number };

export function finalAccess(manifest: CourseManifest, progress: Progress, now: number): FinalAccess {
  if (isInFinal(progress)) return { kind: 'resume' };
  if (!isFinalOpen(manifest, progress)) return { kind: 'locked' };
  const { maxAttempts, retakeWait } = manifest.final;
  const attempts = finalAttempts(progress);
  if (maxAttempts !== undefined && attempts >= maxAttempts) return { kind: 'spent', attempts };
  const ended = progress.final?.at;
  const opensAt = ended === undefined ? 0 : (ended + Math.round(retakeWait * 60)) * 60_000;
  return opensAt > now ? { kind: 'wait', opensAt } : { kind: 'open' };
}
