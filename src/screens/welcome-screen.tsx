import { RichText } from '../components/rich-text.tsx';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { CourseContext } from '../course/course-context.ts';
import { isModuleUnlocked } from '../course/course-machine.ts';
import { useCourse } from './use-course.ts';

export function WelcomeScreen() {
  const { manifest, place, send, t, lang } = useCourse();
  const progress = CourseContext.useSelector((s) => s.context.progress);
  const minutes = manifest.modules.reduce((sum, m) => sum + m.minutes, 0);

  const status = (moduleId: string) => {
    const saved = progress.modules[moduleId];
    if (!isModuleUnlocked(manifest, progress, moduleId)) return t('welcome.statusLocked');
    if (saved?.score !== undefined) return t('welcome.statusCompleted', { score: saved.score });
    return saved ? t('welcome.statusInProgress') : t('welcome.statusNotStarted');
  };

  return (
    <>
      <ScreenHeading focusKey="welcome">{manifest.title[lang]}</ScreenHeading>
      <p className="lead">{manifest.tagline[lang]}</p>
      <h2>{t('welcome.outcomesHeading')}</h2>
      <ul>
        {manifest.outcomes[lang].map((outcome) => (
          <RichText as="li" key={outcome} html={outcome} />
        ))}
      </ul>
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
              {t('welcome.moduleNumber', { number: m.number })}: {m.title[lang]}
            </button>
            <span className="module-list__meta">
              <span id={`status-${m.id}`}>{status(m.id)}</span> · {t('welcome.moduleMinutes', { minutes: m.minutes })}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
