import type { ModuleSpec } from '../content/types.ts';
import { drawFinal, drawModuleQuiz } from '../quiz/selection.ts';
import type { FinalModuleSpec } from './final-assessment.ts';
import type { Progress } from './progress.ts';

/** The questions of the module's current quiz round (the final assessment draws its own mix). */
export function quizItems(progress: Progress, module: ModuleSpec) {
  const round = progress.modules[module.id]?.round ?? 0;
  return 'mix' in module ? drawFinal(module.items, (module as FinalModuleSpec).mix, round) : drawModuleQuiz(module, round);
}
