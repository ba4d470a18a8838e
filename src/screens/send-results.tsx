import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CourseContext } from '../course/course-context.ts';
import { isInFinal } from '../course/final-assessment.ts';
import { createLazyScreen } from './lazy-screen.tsx';

// Rarely opened: the panel and the results format load when the learner asks for them.
const Panel = createLazyScreen(() => import('./send-results-panel.tsx'));

/**
 * "Send results to my trainer": a button that opens the panel below it. Not offered during a final
 * attempt (like the trainers' links), where the learner's answers are not theirs to share yet.
 */
export function SendResults() {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('course');
  const inFinal = CourseContext.useSelector((s) => isInFinal(s.context.progress));
  if (inFinal) return null;
  return (
    <>
      <button type="button" aria-expanded={open} aria-controls="send-results" onClick={() => setOpen(!open)}>
        {t('results.open')}
      </button>
      <div id="send-results">{open && <Panel.LazyScreen />}</div>
    </>
  );
}
