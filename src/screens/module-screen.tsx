import type { ModuleSpec } from '../content/types.ts';
import type { Place } from '../course/progress.ts';
import { LessonScreen } from './lesson-screen.tsx';
import { QuizScreen } from './quiz-screen.tsx';
import { FINAL, PRACTICE } from '../course/final-assessment.ts';
import { PracticeSummary } from './practice-summary.tsx';
import { ResultScreen } from './result-screen.tsx';
import { SummaryScreen } from './summary-screen.tsx';

/** The screens inside a module: a lesson page, a question, or the module summary. */
export default function ModuleScreen({ module, place }: { module: ModuleSpec; place: Place }) {
  if (place.screen === 'lesson') return <LessonScreen module={module} page={place.page} />;
  if (place.screen === 'quiz') {
    return <QuizScreen key={`${module.id}-${place.item}`} module={module} index={place.item} answered={place.answered} />;
  }
  if (module.id === PRACTICE) return <PracticeSummary module={module} />;
  return module.id === FINAL ? <ResultScreen module={module} /> : <SummaryScreen module={module} />;
}
