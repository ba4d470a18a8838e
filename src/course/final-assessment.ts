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
}

export function finalModule(manifest: CourseManifest): FinalModuleSpec {
  const { perLevel, strategies } = manifest.final;
  const items = manifest.modules.flatMap((m) => m.items).filter((i) => i.type !== 'choice');
  return {
    id: FINAL, number: manifest.modules.length + 1, minutes: 20, pages: 0,
    quizSize: perLevel * 3 + strategies, items, mix: { perLevel, strategies },
  };
}

/**
 * Practice sessions review missed scenarios (src/quiz/review.ts) as one more pseudo-module: its
 * questions are the ones fixed in `Progress.practice` when the session starts.
 */
export const PRACTICE = 'practice';

const practiceModule = (manifest: CourseManifest): ModuleSpec => ({
  id: PRACTICE, number: 0, minutes: 5, pages: 0, quizSize: PRACTICE_SIZE, items: manifest.modules.flatMap((m) => m.items),
});

/** Every module the learner can be in, the final assessment and Practice included. */
export const courseModules = (manifest: CourseManifest): ModuleSpec[] => [...manifest.modules, finalModule(manifest), practiceModule(manifest)];

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
