import { I18nextProvider } from 'react-i18next';
import { App } from './app.tsx';
import { fetchWelcome } from './content/module-text.ts';
import type { CourseManifest } from './content/types.ts';
import type { Progress } from './course/progress.ts';
import { createI18n, loadStrings, resolveLanguage } from './i18n/i18n.ts';
import { TARGET } from './platform/capabilities.ts';
import { launchedByHost } from './platform/offline.ts';
import { createLocalStore } from './tracking/local-store.ts';
import type { CourseNotice } from './tracking/notices.ts';

interface BootOptions {
  manifest: CourseManifest;
  storage: Storage | undefined;
  search: string;
  browserLanguages: readonly string[];
}

/**
 * Loads saved progress — from the LMS when the course runs in one, else from this device — picks
 * the language, loads its strings and returns the course to render.
 */
export async function bootCourse({ manifest, storage, search, browserLanguages }: BootOptions) {
  // An LMS runs the course in a frame or a pop-up (or, offline players, gives this window the API):
  // only then is the LMS code loaded to look for it.
  if (TARGET === 'kolibri') (await import('./platform/kolibri-progress.ts')).reportProgressToKolibri(window, manifest);
  const launched = launchedByHost(window);
  const lms = launched ? (await import('./tracking/lms.ts')).findLms(manifest, storage) : null;
  const store = lms?.session?.store ?? createLocalStore(manifest, storage);
  const { progress, notice }: { progress: Progress; notice?: CourseNotice } = lms?.session ?? { ...store.load(), ...(lms?.failed && { notice: 'lmsUnavailable' }) };
  const saved = progress.lang ?? lms?.session?.lang;
  const lang = resolveLanguage({ query: new URLSearchParams(search).get('lang'), saved, browser: browserLanguages });
  // Class mode (a trainer's projector view, src/trainer/) replaces the course: its own lazily loaded chunk.
  if (new URLSearchParams(search).get('view') === 'class') return (await import('./trainer/class-view.tsx')).bootClassView({ manifest, lang, storage });
  const [ui] = await Promise.all([loadStrings(lang, 'ui'), fetchWelcome(lang)]);
  const i18n = createI18n(lang, { [lang]: { ui } });
  return (
    <I18nextProvider i18n={i18n}>
      <App manifest={lms?.session?.manifest ?? manifest} progress={{ ...progress, lang }} store={store} notice={notice} lms={lms?.session ?? undefined} />
    </I18nextProvider>
  );
}
