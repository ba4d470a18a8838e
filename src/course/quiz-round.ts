import type { ModuleSpec } from '../content/types.ts';
import { drawFinal, drawModuleQuiz } from '../quiz/selection.ts';
import type { FinalModuleSpec } from './final-assessment.ts';
import type { Progress } from './progress.ts';

/** The questions of one quiz round of a module (the final assessment draws its own mix). */
const quizRound = (module: ModuleSpec, round: number) =>
  'mix' in module ? drawFinal(module.items, (module as FinalModuleSpec).mix, round) : drawModuleQuiz(module, round);

/** The questions of the module's current quiz round. */
export const quizItems = (progress: Pick<Progress, 'modules'>, module: ModuleSpec) =>
  quizRound(module, progress.modules[module.id]?.round ?? 0);
