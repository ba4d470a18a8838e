import type { CourseManifest, ItemSpec, ModuleSpec } from '../content/types.ts';
import { drawFinal, drawModuleQuiz } from '../quiz/selection.ts';
import { courseModules, isDrawnFromBank, PRACTICE, type FinalModuleSpec } from './final-assessment.ts';
import type { Progress } from './progress.ts';

const rounds = new WeakMap<ModuleSpec, Map<number, ItemSpec[]>>();

/**
 * The questions of one quiz round of a module (the final assessment draws its own mix). Screens and
 * guards ask for them often, and a draw replays the rounds before it: each is drawn once.
 */
function quizRound(module: ModuleSpec, round: number): ItemSpec[] {
  const drawn = rounds.get(module) ?? new Map<number, ItemSpec[]>();
  rounds.set(module, drawn);
  if (!drawn.has(round)) {
    const final = 'mix' in module ? (module as FinalModuleSpec) : undefined;
    drawn.set(round, final ? drawFinal(final.sources, final.mix, round) : drawModuleQuiz(module, round));
  }
  return drawn.get(round)!;
}

/** The questions of the module's current quiz round (of a Practice session: the ones fixed at its start). */
export function quizItems(progress: Pick<Progress, 'modules' | 'practice'>, module: ModuleSpec): ItemSpec[] {
  if (module.id !== PRACTICE) return quizRound(module, progress.modules[module.id]?.round ?? 0);
  const byId = new Map(module.items.map((item) => [item.id, item]));
  return progress.practice.flatMap((id) => byId.get(id) ?? []);
}

/** Whose text a screen shows: its module's, or for a question drawn from the bank, its home module's. */
export function textModuleOf(manifest: CourseManifest, progress: Progress, itemIndex?: number): string | undefined {
  const place = progress.place;
  if (!place || !isDrawnFromBank(place.module)) return place?.module;
  const index = itemIndex ?? (place.screen === 'quiz' ? place.item : -1);
  const module = courseModules(manifest).find((m) => m.id === place.module);
  const item = module && quizItems(progress, module)[index];
  return item ? manifest.modules.find((m) => m.items.some((i) => i.id === item.id))?.id : undefined;
}
