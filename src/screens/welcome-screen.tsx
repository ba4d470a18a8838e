import { useTranslation } from 'react-i18next';
import { RichText } from '../components/rich-text.tsx';
import { useTitles, useWelcome } from '../content/module-text.ts';
import { createLazyScreen } from './lazy-screen.tsx';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { CourseContext } from '../course/course-context.ts';
import { isModuleUnlocked } from '../course/course-machine.ts';
import { isInFinal } from '../course/final-assessment.ts';
import { useCourse } from './use-course.ts';

// Below the module list, and needing the `course` strings: review, final assessment, progress file.
const WelcomeExtras = createLazyScreen(() => import('./welcome-extras.tsx'), { quiet: true });

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
      {/* Class mode reveals answers: not during a final attempt, like the trainers' notes. */}
      {!isInFinal(progress) && <p><a href={`?view=class&lang=${lang}`}>{t('reference.trainers')}</a></p>}
      <WelcomeExtras.LazyScreen />
    </>
  );
}

