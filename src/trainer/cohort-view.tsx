import { I18nextProvider } from 'react-i18next';
import { fetchWelcome } from '../content/module-text.ts';
import type { CourseManifest, Lang } from '../content/types.ts';
import { createI18n, loadNamespaces } from '../i18n/i18n.ts';
import { CohortApp } from './cohort-app.tsx';
import { readers } from './cohort-readers.ts';
import './trainer-strings.ts';

/**
 * The cohort view (`?view=cohort`): the trainer brings in the results learners sent and sees what
 * the class misunderstands. Loaded as a chunk of its own; everything is read in this browser, and
 * it never touches the learner's Progress record or trackers on this device.
 */
export async function bootCohortView({ manifest, lang, storage }: { manifest: CourseManifest; lang: Lang; storage: Storage | undefined }) {
  const i18n = createI18n(lang, {});
  await Promise.all([loadNamespaces(i18n, lang, ['ui', 'course', 'trainer']), fetchWelcome(lang)]);
  return (
    <I18nextProvider i18n={i18n}>
      <CohortApp manifest={manifest} storage={storage} readers={readers} />
    </I18nextProvider>
  );
}
