import type { CourseManifest } from '../content/types.ts';
import { courseModules } from './final-assessment.ts';
import { isModuleUnlocked } from './gating.ts';
import type { Place, Progress } from './progress.ts';
import { quizItems } from './quiz-round.ts';

/**
 * A screen the learner asks for by Back, Forward or a link (the shell maps addresses to these,
 * src/routing/): home, a lesson page, a question of the current round, or a summary.
 */
export type Stop =
  | { screen: 'home' }
  | { screen: 'lesson'; module: string; page: number }
  | { screen: 'quiz'; module: string; item: number }
  | { screen: 'summary'; module: string };

/**
 * An earlier screen of the module the learner is in, shown read-only while their place stays
 * where it is: a lesson page, or a question already answered in this round. It holds only while
 * `of` is still the place (every move forward makes a new place object).
 */
export interface Look {
  of: Place;
  at: Place;
}

export type Visit =
  | { kind: 'home' }
  /** Somewhere new: another page of the lesson the learner is reading, or another module's page. */
  | { kind: 'move'; place: Place }
  | { kind: 'look'; at: Place }
  /** Where the learner is: the place itself, no longer looking back. */
  | { kind: 'here' }
  | null;

const moduleOf = (manifest: CourseManifest, id: string) => courseModules(manifest).find((m) => m.id === id);

/** Where a screen comes in its module: lesson pages, then the round's questions, then the summary. */
function order(pages: number, questions: number, stop: Place | Stop): number | undefined {
  if (stop.screen === 'lesson') return stop.page >= 0 && stop.page < pages ? stop.page : undefined;
  if (stop.screen === 'quiz') return stop.item >= 0 && stop.item < questions ? pages + stop.item : undefined;
  if (stop.screen === 'summary') return pages + questions;
  return undefined;
}

function stopAt(module: string, pages: number, index: number): Place {
  return index < pages ? { screen: 'lesson', module, page: index } : { screen: 'quiz', module, item: index - pages, answered: true };
}

/**
 * What going to `stop` means for this learner, or null when it is refused: nothing ahead of
 * where they are in a module (no skipping questions), nothing in a locked module, and never an
 * answer taken back (earlier questions are shown answered).
 */
export function planVisit(manifest: CourseManifest, progress: Progress, stop: Stop): Visit {
  if (stop.screen === 'home') return { kind: 'home' };
  const module = moduleOf(manifest, stop.module);
  if (!module) return null;
  const place = progress.place;
  if (place?.module !== module.id) {
    // Another module opens at one of its lesson pages, as its card on the welcome screen does.
    const real = manifest.modules.includes(module);
    if (!real || stop.screen !== 'lesson' || !isModuleUnlocked(manifest, progress, module.id)) return null;
    return order(module.pages, 0, stop) === undefined ? null : { kind: 'move', place: { ...stop } };
  }
  const questions = quizItems(progress, module).length;
  const wanted = order(module.pages, questions, stop);
  const here = order(module.pages, questions, place);
  if (wanted === undefined || here === undefined) return null;
  if (wanted === here) return { kind: 'here' };
  // Lesson pages are free to read in any order; a quiz is not skipped ahead.
  if (place.screen === 'lesson') return stop.screen === 'lesson' ? { kind: 'move', place: { ...stop } } : null;
  return wanted < here ? { kind: 'look', at: stopAt(module.id, module.pages, wanted) } : null;
}

/** The screen one step before or after what the learner is looking back at (Previous / Next on it). */
export function lookStep(manifest: CourseManifest, progress: Progress, look: Look, by: 1 | -1): Visit {
  const module = moduleOf(manifest, look.at.module);
  if (!module) return null;
  const questions = quizItems(progress, module).length;
  const index = order(module.pages, questions, look.at);
  if (index === undefined || index + by < 0) return null;
  if (index + by === module.pages + questions) return planVisit(manifest, progress, { screen: 'summary', module: module.id });
  const next = stopAt(module.id, module.pages, index + by);
  return planVisit(manifest, progress, next.screen === 'quiz' ? { screen: 'quiz', module: module.id, item: next.item } : next);
}

/** The screen to show: what the learner looked back at, while that look holds, else their place. */
export function shownPlace(progress: Progress, look: Look | null): Place | null {
  return look && look.of === progress.place && !progress.atWelcome ? look.at : progress.place;
}
