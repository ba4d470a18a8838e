import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CourseContext } from '../course/course-context.ts';
import { FINAL, finalModule, hasPassedFinal } from '../course/final-assessment.ts';
import { dueItems } from '../quiz/review.ts';
import { FinalAccessNote, useFinalAccess } from './final-access.tsx';
import { createLazyScreen } from './lazy-screen.tsx';
import { SendResults } from './send-results.tsx';
import { useCourse } from './use-course.ts';

// Export, import and reset are rarely needed: their code loads only when asked for.
const ProgressPanel = createLazyScreen(() => import('./progress-panel.tsx'));

/** The welcome screen below the module list: the final assessment, the progress file and results for a trainer. */
export default function WelcomeExtras() {
  const [managing, setManaging] = useState(false);
  const { manifest, send } = useCourse();
  const { t } = useTranslation('course');
  const progress = CourseContext.useSelector((s) => s.context.progress);
  const access = useFinalAccess();
  const finalOpen = access.kind === 'open' || access.kind === 'resume';
  const finalBest = progress.modules[FINAL]?.best;
  return (
    <>
      <h2>{t('welcome.finalHeading')}</h2>
      <p>{t('welcome.finalIntro', { count: finalModule(manifest).quizSize, passMark: manifest.final.passMark })}</p>
      {finalBest !== undefined && (
        <p>{hasPassedFinal(manifest, progress) ? t('welcome.finalPassed', { score: finalBest }) : t('welcome.finalNotPassed', { score: finalBest })}</p>
      )}
      <button type="button" aria-describedby={finalOpen ? undefined : 'final-locked'} disabled={!finalOpen} onClick={() => send({ type: 'final.start' })}>
        {t('welcome.finalStart')}
      </button>
      {access.kind === 'locked' && <p id="final-locked">{t('welcome.finalLocked')}</p>}
      <FinalAccessNote access={access} id={access.kind === 'locked' ? undefined : 'final-locked'} />
      <button type="button" aria-expanded={managing} aria-controls="progress-panel" onClick={() => setManaging(!managing)}>
        {t('progress.manage')}
      </button>
      <div id="progress-panel">{managing && <ProgressPanel.LazyScreen />}</div>
      <SendResults />
    </>
  );
}

/** Missed scenarios come back on a schedule (src/quiz/review.ts): how many are due, and Practice. */
export function ReviewSection() {
  const { send, lang } = useCourse();
  const { t } = useTranslation('course');
  const review = CourseContext.useSelector((s) => s.context.progress.review);
  const today = CourseContext.useSelector((s) => s.context.today());
  const due = dueItems(review, today).length;
  if (!Object.keys(review).length) return null;
  const next = Math.min(...Object.values(review).map(([, day]) => day));
  return (
    <>
      <h2>{t('welcome.reviewHeading')}</h2>
      {due > 0 ? (
        <>
          <p>{t('welcome.reviewDue', { count: due })}</p>
          <button type="button" onClick={() => send({ type: 'practice.start' })}>
            {t('welcome.practiceStart')}
          </button>
        </>
      ) : (
        <p>{t('welcome.reviewNone', { when: new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(next - today, 'day') })}</p>
      )}
    </>
  );
}
