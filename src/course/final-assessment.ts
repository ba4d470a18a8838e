import type { CourseManifest, ModuleSpec } from '../content/types.ts';
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

/** Every module the learner can be in, the final assessment included. */
export const courseModules = (manifest: CourseManifest): ModuleSpec[] => [...manifest.modules, finalModule(manifest)];

/** The final assessment opens once every module's quiz is done (mastered, in strict gating). */
export const isFinalOpen = (manifest: CourseManifest, progress: Progress) =>
  manifest.modules.every((m) => {
    const best = progress.modules[m.id]?.best;
    return best !== undefined && (manifest.gating === 'open' || best >= manifest.mastery);
  });

export const hasPassedFinal = (manifest: CourseManifest, progress: Progress) =>
  progress.final?.passed === true || (progress.modules[FINAL]?.best ?? -1) >= manifest.final.passMark;
