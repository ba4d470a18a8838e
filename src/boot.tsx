import type { i18n as I18n } from 'i18next';
import type { ComponentProps, ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { App } from './app.tsx';
import { fetchWelcome } from './content/module-text.ts';
import type { CourseManifest, Lang } from './content/types.ts';
import type { Progress } from './course/progress.ts';
import { isFirstVisit } from './prerender/first-visit.ts';
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
  /** The language of the page opened, when it names one (en/index.html): after `?lang=` and the saved choice. */
  pageLang?: Lang | null;
}

/** The course as rendered: the same tree at build time (src/prerender/) and in the browser. */
export const courseView = (i18n: I18n, props: ComponentProps<typeof App>) => (
  <I18nextProvider i18n={i18n}>
    <App {...props} />
  </I18nextProvider>
);

/**
 * Loads saved progress — from the LMS when the course runs in one, else from this device — picks
 * the language, loads its strings and returns the course to render.
 */
export const bootCourse = async (options: BootOptions) => (await startCourse(options)).view;

/**
 * The same, also saying whether the view is the first-visit welcome screen in `lang` that the build
 * prerendered (src/prerender/), so the browser may take over that HTML as it is.
 */
export async function startCourse({ manifest, storage, search, browserLanguages, pageLang }: BootOptions): Promise<{ view: ReactElement; lang: Lang; firstVisit: boolean }> {
  // An LMS runs the course in a frame or a pop-up (or, offline players, gives this window the API):
  // only then is the LMS code loaded to look for it.
  if (TARGET === 'kolibri') (await import('./platform/kolibri-progress.ts')).reportProgressToKolibri(window, manifest);
  const launched = launchedByHost(window);
  const lms = launched ? (await import('./tracking/lms.ts')).findLms(manifest, storage) : null;
  const store = lms?.session?.store ?? createLocalStore(manifest, storage);
  const { progress, notice }: { progress: Progress; notice?: CourseNotice } = lms?.session ?? { ...store.load(), ...(lms?.failed && { notice: 'lmsUnavailable' }) };
  const saved = progress.lang ?? lms?.session?.lang;
  const lang = resolveLanguage({ query: new URLSearchParams(search).get('lang'), saved, page: pageLang, browser: browserLanguages });
  // Class mode (a trainer's projector view, src/trainer/) replaces the course: its own lazily loaded chunk.
  if (new URLSearchParams(search).get('view') === 'class') {
    return { view: await (await import('./trainer/class-view.tsx')).bootClassView({ manifest, lang, storage }), lang, firstVisit: false };
  }
  if (new URLSearchParams(search).get('view') === 'cohort') {
    return { view: await (await import('./trainer/cohort-view.tsx')).bootCohortView({ manifest, lang, storage }), lang, firstVisit: false };
  }
  const [ui] = await Promise.all([loadStrings(lang, 'ui'), fetchWelcome(lang)]);
  const i18n = createI18n(lang, { [lang]: { ui } });
  const view = courseView(i18n, { manifest: lms?.session?.manifest ?? manifest, progress: { ...progress, lang }, store, notice, lms: lms?.session ?? undefined });
  return { view, lang, firstVisit: !lms && !notice && isFirstVisit(progress, manifest) };
}
