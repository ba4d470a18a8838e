import { renderToString } from 'react-dom/server';
import { manifest } from 'virtual:berdaya/course';
import { courseView } from '../boot.tsx';
import { fetchWelcome } from '../content/module-text.ts';
import type { Lang } from '../content/types.ts';
import { createProgress } from '../course/progress.ts';
import { createI18n, loadStrings } from '../i18n/i18n.ts';
import { createLocalStore } from '../tracking/local-store.ts';

/**
 * Run at build time (scripts/prerender/vite-plugin.ts): a new learner's welcome screen in `lang`,
 * rendered by the same components the browser runs, so the browser can take the HTML over as it is.
 */
export async function renderWelcome(lang: Lang): Promise<{ html: string; title: string }> {
  const [ui, welcome] = await Promise.all([loadStrings(lang, 'ui'), fetchWelcome(lang)]);
  const i18n = createI18n(lang, { [lang]: { ui } });
  // A device with nothing stored yet: what a first visit shows, and nothing a learner could not see.
  const store = createLocalStore(manifest, undefined);
  const html = renderToString(courseView(i18n, { manifest, progress: { ...createProgress(manifest), lang }, store }));
  return { html, title: welcome.title };
}
