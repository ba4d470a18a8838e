import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { RichText } from '../components/rich-text.tsx';
import { useTitles, useWelcome } from '../content/module-text.ts';
import { createLazyScreen } from './lazy-screen.tsx';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { CourseContext } from '../course/course-context.ts';
import { isModuleUnlocked } from '../course/course-machine.ts';
import { FINAL, hasPassedFinal, isFinalOpen } from '../course/final-assessment.ts';
import { dueItems } from '../quiz/review.ts';
import { useCourse } from './use-course.ts';

// Export, import and reset are rarely needed: their code loads only when asked for.
const ProgressPanel = createLazyScreen(() => import('./progress-panel.tsx'));

export function WelcomeScreen() {
  const [managing, setManaging] = useState(false);
  const { manifest, place, send, lang } = useCourse();
  const { t } = useTranslation();
  const progress = CourseContext.useSelector((s) => s.context.progress);
  const minutes = manifest.modules.reduce((sum, m) => sum + m.minutes, 0);
  const welcome = useWelcome(lang);
  const titles = useTitles(lang);
  const finalOpen = isFinalOpen(manifest, progress);
  const finalBest = progress.modules[FINAL]?.best;

  const status = (moduleId: string) => {
    const saved = progress.modules[moduleId];
    if (!isModuleUnlocked(manifest, progress, moduleId)) return t('welcome.statusLocked');
    if (saved?.best !== undefined) {
      return saved.best >= manifest.mastery ? t('welcome.statusMastered', { score: saved.best }) : t('welcome.statusNotMastered', { score: saved.best });
    }
    return saved ? t('welcome.statusInProgress') : t('welcome.statusNotStarted');
  };

  return (
    <>
      <ScreenHeading focusKey="welcome">{titles.course}</ScreenHeading>
      {welcome.text && (
        <>
          <p className="lead">{welcome.text.tagline}</p>
          <h2>{t('welcome.outcomesHeading')}</h2>
          <ul>
            {welcome.text.outcomes.map((outcome) => (
              <RichText as="li" key={outcome} html={outcome} />
            ))}
          </ul>
        </>
      )}
      <p>{t('welcome.estimatedTime', { minutes })}</p>
      <button type="button" className="primary" onClick={() => send({ type: 'course.start' })}>
        {place ? t('welcome.continue') : t('welcome.start')}
      </button>
      <h2>{t('welcome.modulesHeading')}</h2>
      <ol className="module-list">
        {manifest.modules.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className="module-list__open"
              aria-describedby={`status-${m.id}`}
              disabled={!isModuleUnlocked(manifest, progress, m.id)}
              onClick={() => send({ type: 'module.open', module: m.id })}
            >
              {t('welcome.moduleNumber', { number: m.number })}: {titles.module(m.id)}
            </button>
            <span className="module-list__meta">
              <span id={`status-${m.id}`}>{status(m.id)}</span> · {t('welcome.moduleMinutes', { minutes: m.minutes })}
            </span>
          </li>
        ))}
      </ol>
      <h2>{t('welcome.finalHeading')}</h2>
      <p>{t('welcome.finalIntro', { count: manifest.final.perLevel * 3 + manifest.final.strategies, passMark: manifest.final.passMark })}</p>
      {finalBest !== undefined && (
        <p>{hasPassedFinal(manifest, progress) ? t('welcome.finalPassed', { score: finalBest }) : t('welcome.finalNotPassed', { score: finalBest })}</p>
      )}
      <button type="button" aria-describedby={finalOpen ? undefined : 'final-locked'} disabled={!finalOpen} onClick={() => send({ type: 'final.start' })}>
        {t('welcome.finalStart')}
      </button>
      {!finalOpen && <p id="final-locked">{t('welcome.finalLocked')}</p>}
      <ReviewSection />
      <button type="button" aria-expanded={managing} aria-controls="progress-panel" onClick={() => setManaging(!managing)}>
        {t('progress.manage')}
      </button>
      <div id="progress-panel">
        {managing && <ProgressPanel.LazyScreen />}
      </div>
    </>
  );
}

/** Missed scenarios come back on a schedule (src/quiz/review.ts): how many are due, and Practice. */
function ReviewSection() {
  const { send, lang } = useCourse();
  const { t } = useTranslation();
  const review = CourseContext.useSelector((s) => s.context.progress.review);
  const today = CourseContext.useSelector((s) => s.context.today());
  const due = dueItems(review, today).length;
  const next = Math.min(...Object.values(review).map(([, day]) => day));
  if (!Object.keys(review).length) return null;
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
