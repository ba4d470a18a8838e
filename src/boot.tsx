import { I18nextProvider } from 'react-i18next';
import { App } from './app.tsx';
import { fetchWelcome } from './content/module-text.ts';
import type { CourseManifest } from './content/types.ts';
import { createI18n, loadStrings, resolveLanguage } from './i18n/i18n.ts';
import { createLocalStore } from './tracking/local-store.ts';

interface BootOptions {
  manifest: CourseManifest;
  storage: Storage | undefined;
  search: string;
  browserLanguages: readonly string[];
}

/** Loads saved progress, picks the language, loads its strings and returns the course to render. */
export async function bootCourse({ manifest, storage, search, browserLanguages }: BootOptions) {
  const store = createLocalStore(manifest, storage);
  const { progress, notice } = store.load();
  const lang = resolveLanguage({ query: new URLSearchParams(search).get('lang'), saved: progress.lang, browser: browserLanguages });
  const [ui] = await Promise.all([loadStrings(lang, 'ui'), fetchWelcome(lang)]);
  const i18n = createI18n(lang, { [lang]: { ui } });
  return (
    <I18nextProvider i18n={i18n}>
      <App manifest={manifest} progress={{ ...progress, lang }} store={store} notice={notice} />
    </I18nextProvider>
  );
}
