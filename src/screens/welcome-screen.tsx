import { useTranslation } from 'react-i18next';
import { RichText } from '../components/rich-text.tsx';
import { useTitles, useWelcome } from '../content/module-text.ts';
import { createLazyScreen } from './lazy-screen.tsx';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { CourseContext } from '../course/course-context.ts';
import { isModuleUnlocked } from '../course/course-machine.ts';
import { courseModules, FINAL, isInFinal, PRACTICE } from '../course/final-assessment.ts';
import type { Place, Progress } from '../course/progress.ts';
import { quizItems } from '../course/quiz-round.ts';
import type { CourseManifest, ModuleSpec } from '../content/types.ts';
import { useCourse } from './use-course.ts';

// Below the module list, and needing the `course` strings: the final assessment, progress file.
const WelcomeExtras = createLazyScreen(() => import('./welcome-extras.tsx'), { quiet: true });
// Review due today comes right after Continue (same chunk, shown when it has loaded).
const ReviewDue = createLazyScreen<object>(() => import('./welcome-extras.tsx').then((m) => ({ default: m.ReviewSection })), { quiet: true });

type ModuleState = 'locked' | 'notStarted' | 'progress' | 'mastered';

/** How far into a module the learner is, 0–1: their place in it, else their best score. */
function moduleState(manifest: CourseManifest, progress: Progress, module: ModuleSpec): { state: ModuleState; share: number } {
  if (!isModuleUnlocked(manifest, progress, module.id)) return { state: 'locked', share: 0 };
  const saved = progress.modules[module.id];
  if (saved?.best !== undefined && saved.best >= manifest.mastery) return { state: 'mastered', share: 1 };
  if (!saved) return { state: 'notStarted', share: 0 };
  const place = progress.place?.module === module.id ? progress.place : null;
  const steps = module.pages + quizItems(progress, module).length;
  const at = !place ? 0 : place.screen === 'lesson' ? place.page + 1 : place.screen === 'quiz' ? module.pages + place.item : steps;
  return { state: 'progress', share: Math.max(at / steps, (saved.best ?? 0) / 100) };
}

export function WelcomeScreen() {
  const { manifest, place, send, lang } = useCourse();
  const { t } = useTranslation();
  const progress = CourseContext.useSelector((s) => s.context.progress);
  const minutes = manifest.modules.reduce((sum, m) => sum + m.minutes, 0);
  const welcome = useWelcome(lang);
  const titles = useTitles(lang);

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
      {/* What the course is about leads for a first visit; a returning learner sees their next step first. */}
      {welcome.text && !place && <p className="lead">{welcome.text.tagline}</p>}
      <div className="home-next">
        <button type="button" className="primary" aria-describedby={place ? 'resume-at' : undefined} onClick={() => send({ type: 'course.start' })}>
          {place ? t('welcome.continue') : t('welcome.start')}
        </button>
        <p id={place ? 'resume-at' : undefined}>{place ? <ResumeAt place={place} /> : t('welcome.estimatedTime', { minutes })}</p>
      </div>
      <ReviewDue.LazyScreen />
      <h2>{t('welcome.modulesHeading')}</h2>
      <ol className="module-list">
        {manifest.modules.map((m) => {
          const { state, share } = moduleState(manifest, progress, m);
          return (
            <li key={m.id} className={`module--${state}`}>
              <button
                type="button"
                className="module-list__open"
                aria-describedby={`status-${m.id}`}
                disabled={state === 'locked'}
                onClick={() => send({ type: 'module.open', module: m.id })}
              >
                {t('welcome.moduleNumber', { number: m.number })}: {titles.module(m.id)}
              </button>
              <span className="module-list__meta">
                <span id={`status-${m.id}`} className="module-list__state">
                  {status(m.id)}
                </span>
                <span aria-hidden="true">·</span>
                <span>{t('welcome.moduleMinutes', { minutes: m.minutes })}</span>
                {state === 'progress' || state === 'mastered' ? (
                  <span className="module-bar" aria-hidden="true">
                    <span style={{ width: `${Math.round(share * 100)}%` }} />
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
      <WelcomeExtras.LazyScreen />
      {/* Class mode reveals answers: not during a final attempt, like the trainers' notes. */}
      {!isInFinal(progress) && <p><a href={`?view=class&lang=${lang}`}>{t('reference.trainers')}</a> · <a href={`?view=cohort&lang=${lang}`}>{t('reference.cohort')}</a></p>}
      {welcome.text && (
        <>
          {place && <p className="lead">{welcome.text.tagline}</p>}
          <h2>{t('welcome.outcomesHeading')}</h2>
          <ul>
            {welcome.text.outcomes.map((outcome) => (
              <RichText as="li" key={outcome} html={outcome} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Where Continue lands: the module and the page, question or summary. */
function ResumeAt({ place }: { place: Place }) {
  const { t } = useTranslation();
  const { manifest, lang } = useCourse();
  const progress = CourseContext.useSelector((s) => s.context.progress);
  const titles = useTitles(lang);
  const module = courseModules(manifest).find((m) => m.id === place.module)!;
  const item = place.screen === 'quiz' ? place.item + 1 : 0;
  const total = quizItems(progress, module).length;
  if (place.module === FINAL) return place.screen === 'quiz' ? t('welcome.resumeFinal', { item, total }) : t('welcome.resumeResult');
  if (place.module === PRACTICE) return place.screen === 'quiz' ? t('welcome.resumePractice', { item, total }) : t('welcome.resumePracticeSummary');
  const values = { number: module.number, title: titles.module(module.id) };
  if (place.screen === 'lesson') return t('welcome.resumeLesson', { ...values, page: place.page + 1, total: module.pages });
  if (place.screen === 'quiz') return t('welcome.resumeQuiz', { ...values, item, total });
  return t('welcome.resumeSummary', values);
}
