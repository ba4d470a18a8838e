import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/language-switch.tsx';
import { Notice } from './components/notice.tsx';
import { UpdatePrompt } from './components/update-prompt.tsx';
import { fetchModuleText, fetchWelcome, useTitles } from './content/module-text.ts';
import type { CourseManifest, Lang } from './content/types.ts';
import { LANGUAGE_NAMES, LANGUAGE_SHORT_NAMES, loadLanguage } from './i18n/i18n.ts';
import { CourseContext } from './course/course-context.ts';
import { courseModules, isInFinal } from './course/final-assessment.ts';
import { textModuleOf } from './course/quiz-round.ts';
import type { Progress } from './course/progress.ts';
import { shownPlace } from './course/visit.ts';
import { nextTask } from './platform/next-task.ts';
import { useHashRoutes } from './routing/use-hash-routes.ts';
import { createLazyScreen } from './screens/lazy-screen.tsx';
import { CertificateContext } from './screens/certificate-context.ts';
import { ReferenceContext } from './screens/reference-context.ts';
import { WelcomeScreen } from './screens/welcome-screen.tsx';
import type { ProgressStore } from './tracking/local-store.ts';
import type { LmsSession } from './tracking/lms.ts';
import { LmsContext } from './tracking/lms-context.ts';
import type { CourseNotice } from './tracking/notices.ts';
import { StoreContext } from './tracking/store-context.ts';
import { usePersistProgress } from './tracking/use-persist-progress.ts';

interface AppProps {
  manifest: CourseManifest;
  progress: Progress;
  store: ProgressStore;
  notice?: CourseNotice;
  /** Present when the course runs inside an LMS (src/tracking/lms.ts). */
  lms?: LmsSession;
}

export function App({ manifest, progress, store, notice, lms }: AppProps) {
  return (
    <CourseContext.Provider options={{ input: { manifest, progress } }}>
      <StoreContext.Provider value={store}>
        <LmsContext.Provider value={lms ?? null}>
          <Shell store={store} notice={notice} lms={lms} />
        </LmsContext.Provider>
      </StoreContext.Provider>
    </CourseContext.Provider>
  );
}

const ModuleScreen = createLazyScreen(() => import('./screens/module-screen.tsx'));
const ReferenceScreen = createLazyScreen(() => import('./screens/reference-screen.tsx'));

// Notices are rare: their code and words load when one is shown.
const NoticeScreen = createLazyScreen(() => import('./screens/notice-screen.tsx'));
const LeftCourseScreen = createLazyScreen(() => import('./screens/left-course-screen.tsx'));

function Shell({ store, notice: loadNotice, lms }: { store: ProgressStore; notice?: CourseNotice; lms?: LmsSession }) {
  const { t, i18n } = useTranslation();
  const actor = CourseContext.useActorRef();
  const state = CourseContext.useSelector((s) => s.value);
  const manifest = CourseContext.useSelector((s) => s.context.manifest);
  // The trainers' notes hold suggested answers: not on offer while a final attempt is under way.
  const inFinal = CourseContext.useSelector((s) => isInFinal(s.context.progress));
  const [notice, setNotice] = useState<CourseNotice | undefined>(loadNotice);
  // A link to a module that is still locked: said plainly, and the learner stays where they are.
  const [locked, setLocked] = useState<string | null>(null);
  // The glossary and trainers' notes open over the course; the learner's place does not move.
  const { reference, openReference, closeReference, certificate, showCertificate, goHome } = useHashRoutes(actor, manifest, setLocked);
  const certificateState = useMemo(() => ({ open: certificate, show: showCertificate }), [certificate, showCertificate]);
  const lockedModule = manifest.modules.findIndex((m) => m.id === locked);
  // Each kind of notice is shown until the learner closes it, and then not again.
  const dismissed = useRef(new Set<CourseNotice>());
  const show = useCallback((kind: CourseNotice) => !dismissed.current.has(kind) && setNotice(kind), []);
  usePersistProgress(actor, store, show);
  useEffect(() => lms?.connect(actor, { show, clear: (kind) => setNotice((now) => (now === kind ? undefined : now)) }), [lms, actor, show]);
  const [exited, setExited] = useState(false);
  const [exitTries, setExitTries] = useState(0);
  // "Saved" only when the LMS took everything and ended the session; else the course stays open and says what is missing.
  const exit = useCallback(() => {
    const ok = !!lms?.exit().ok;
    setExited(ok);
    setNotice(ok ? undefined : 'lmsExitFailed');
    setExitTries((n) => n + 1);
  }, [lms]);

  // Trainers' notes open at the module the learner is in.
  const currentModule = CourseContext.useSelector((s) => s.context.progress.place?.module);
  const lang = i18n.language as Lang;
  const titles = useTitles(lang);
  useEffect(() => {
    // Ready before the learner presses Start: loading starts in a task after this commit's, not in it.
    void nextTask()
      .then(() => ModuleScreen.preload(i18n))
      .catch(() => undefined);
  }, [i18n]);
  useEffect(() => {
    // Only when they change: the prerendered page has both right, and each write costs the browser work.
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    if (document.title !== titles.course) document.title = titles.course;
  }, [lang, titles.course]);

  const switchLanguage = async (next: Lang) => {
    // Load the new language's text first, so the learner's screen never blanks out.
    const textModule = state !== 'welcome' && textModuleOf(manifest, actor.getSnapshot().context.progress);
    try {
      await Promise.all([
        loadLanguage(i18n, next),
        fetchWelcome(next),
        textModule ? fetchModuleText(textModule, next).catch(() => undefined) : undefined,
      ]);
    } catch {
      setNotice('textFailed'); // offline: stay in the current language, say why
      return;
    }
    actor.send({ type: 'lang.set', lang: next }); // saved before the screen changes language
    await i18n.changeLanguage(next);
  };

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Focus the content without putting "#main" in the address, which names the screen.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className={lms && !exited ? 'site-header site-header--lms' : 'site-header'}>
        {state === 'welcome' && !reference ? (
          <span className="brand">Berdaya</span>
        ) : (
          <button type="button" className="brand" onClick={goHome}>
            <HomeIcon />
            <span className="brand__label">{t('app.home')}</span>
          </button>
        )}
        {lms && !exited && (
          <button type="button" className="site-header__action" onClick={exit}>
            <span className="narrow-only" aria-hidden="true">
              {t('app.exitShort')}
            </span>
            <span className="wide-only">{t('app.exit')}</span>
          </button>
        )}
        <LanguageSwitch
          label={t('language.label')}
          current={lang}
          names={LANGUAGE_NAMES}
          shortNames={LANGUAGE_SHORT_NAMES}
          onChange={switchLanguage}
        />
      </header>
      <main id="main" tabIndex={-1}>
        <UpdatePrompt />
        {exited && <LeftCourseScreen.LazyScreen />}
        {lockedModule > 0 && !exited && (
          <Notice
            message={t('routes.locked', { number: manifest.modules[lockedModule].number, previous: manifest.modules[lockedModule - 1].number })}
            dismissLabel={t('app.dismiss')}
            onDismiss={() => setLocked(null)}
          />
        )}
        {notice && !exited && (
          <NoticeScreen.LazyScreen
            key={notice === 'lmsExitFailed' ? exitTries : notice}
            kind={notice}
            onExit={exit}
            onDismiss={() => {
              dismissed.current.add(notice);
              setNotice(undefined);
            }}
          />
        )}
        <ReferenceContext.Provider value={openReference}>
          {exited ? null : reference ? (
            <>
              <ReferenceScreen.LazyScreen page={reference.page} anchor={reference.anchor} />
              <button type="button" className="primary" onClick={closeReference}>
                {t('reference.back')}
              </button>
            </>
          ) : (
            <CertificateContext.Provider value={certificateState}>
              <Screen />
            </CertificateContext.Provider>
          )}
        </ReferenceContext.Provider>
      </main>
      <footer className="site-footer">
        <nav aria-label={t('reference.label')}>
          <button type="button" aria-current={reference?.page === 'glossary' ? 'page' : undefined} onClick={() => openReference('glossary')}>
            {t('reference.glossary')}
          </button>
          {!inFinal && (
            <>
              <button type="button" aria-current={reference?.page === 'facilitator' ? 'page' : undefined} onClick={() => openReference('facilitator', currentModule)}>
                {t('reference.facilitator')}
              </button>
              <a href={`?view=class&lang=${lang}`}>{t('reference.trainers')}</a>
              <a href={`?view=cohort&lang=${lang}`}>{t('reference.cohort')}</a>
            </>
          )}
        </nav>
      </footer>
    </>
  );
}

/** A house: on a narrow screen inside an LMS it stands for "Home" alone (the word stays the button's name). */
const HomeIcon = () => (
  <svg className="brand__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
    <path d="M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-6h3v6h5V9.5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

/** One main view, chosen by the machine's state. */
function Screen() {
  const snapshot = CourseContext.useSelector((s) => ({ value: s.value, place: shownPlace(s.context.progress, s.context.look) }), shallowPlace);
  const manifest = CourseContext.useSelector((s) => s.context.manifest);
  const { place } = snapshot;
  const module = courseModules(manifest).find((m) => m.id === place?.module);
  if (!module || !place || snapshot.value === 'welcome') return <WelcomeScreen />;
  return <ModuleScreen.LazyScreen module={module} place={place} />;
}

const shallowPlace = (a: { value: unknown; place: unknown }, b: { value: unknown; place: unknown }) =>
  a.place === b.place && JSON.stringify(a.value) === JSON.stringify(b.value);
