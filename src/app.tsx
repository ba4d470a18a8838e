import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/language-switch.tsx';
import { fetchModuleText } from './content/module-text.ts';
import { LANGS, type CourseManifest, type Lang } from './content/types.ts';
import { CourseContext } from './course/course-context.ts';
import type { Progress } from './course/progress.ts';
import { LessonScreen } from './screens/lesson-screen.tsx';
import { QuizScreen } from './screens/quiz-screen.tsx';
import { SummaryScreen } from './screens/summary-screen.tsx';
import { WelcomeScreen } from './screens/welcome-screen.tsx';
import type { LoadNotice, ProgressStore } from './tracking/local-store.ts';
import { usePersistProgress } from './tracking/use-persist-progress.ts';

interface AppProps {
  manifest: CourseManifest;
  progress: Progress;
  store: ProgressStore;
  notice?: LoadNotice;
}

export function App({ manifest, progress, store, notice }: AppProps) {
  return (
    <CourseContext.Provider options={{ input: { manifest, progress } }}>
      <Shell store={store} notice={notice} />
    </CourseContext.Provider>
  );
}

type Notice = LoadNotice | 'saveFailed';
const NOTICE_KEYS = { unreadable: 'errors.progressUnreadable', future: 'errors.progressFuture', saveFailed: 'errors.saveFailed' } as const;

function Shell({ store, notice: loadNotice }: { store: ProgressStore; notice?: LoadNotice }) {
  const { t, i18n } = useTranslation();
  const actor = CourseContext.useActorRef();
  const state = CourseContext.useSelector((s) => s.value);
  const place = CourseContext.useSelector((s) => s.context.progress.place);
  const manifest = CourseContext.useSelector((s) => s.context.manifest);
  const [notice, setNotice] = useState<Notice | undefined>(loadNotice);
  usePersistProgress(actor, store, useCallback(() => setNotice('saveFailed'), []));

  const lang = i18n.language as Lang;
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = manifest.title[lang];
  }, [lang, manifest]);

  const switchLanguage = async (next: Lang) => {
    // Load the new language's text first, so the learner's screen never blanks out.
    if (state !== 'welcome' && place) await fetchModuleText(place.module, next).catch(() => undefined);
    await i18n.changeLanguage(next);
    actor.send({ type: 'lang.set', lang: next });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        {state === 'welcome' ? (
          <span className="brand">Berdaya</span>
        ) : (
          <button type="button" className="brand" onClick={() => actor.send({ type: 'course.home' })}>
            {t('app.home')}
          </button>
        )}
        <LanguageSwitch
          label={t('language.label')}
          current={lang}
          names={Object.fromEntries(LANGS.map((l) => [l, t('language.self', { lng: l })])) as Record<Lang, string>}
          onChange={switchLanguage}
        />
      </header>
      <main id="main" tabIndex={-1}>
        {notice && (
          <div className="notice" role="alert">
            <p>{t(NOTICE_KEYS[notice])}</p>
            <button type="button" onClick={() => setNotice(undefined)}>
              {t('app.dismiss')}
            </button>
          </div>
        )}
        <Screen />
      </main>
    </>
  );
}

/** One main view, chosen by the machine's state. */
function Screen() {
  const snapshot = CourseContext.useSelector((s) => ({ value: s.value, place: s.context.progress.place }), shallowPlace);
  const manifest = CourseContext.useSelector((s) => s.context.manifest);
  const { place } = snapshot;
  const module = manifest.modules.find((m) => m.id === place?.module);
  if (!module || !place || snapshot.value === 'welcome') return <WelcomeScreen />;
  if (place.screen === 'lesson') return <LessonScreen module={module} page={place.page} />;
  if (place.screen === 'quiz') {
    return <QuizScreen key={`${module.id}-${place.item}`} module={module} index={place.item} answered={place.answered} />;
  }
  return <SummaryScreen module={module} />;
}

const shallowPlace = (a: { value: unknown; place: unknown }, b: { value: unknown; place: unknown }) =>
  a.place === b.place && JSON.stringify(a.value) === JSON.stringify(b.value);
