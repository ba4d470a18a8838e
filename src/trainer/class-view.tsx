import { I18nextProvider } from 'react-i18next';
import { fetchWelcome } from '../content/module-text.ts';
import type { CourseManifest, Lang } from '../content/types.ts';
import { createI18n, loadNamespaces } from '../i18n/i18n.ts';
import { ClassApp } from './class-app.tsx';
import './trainer-strings.ts';

/**
 * Class mode (`?view=class`): a trainer's session on a projector, in place of the learner's course.
 * Loaded as a chunk of its own; it never touches the learner's machine, Progress record or trackers.
 */
export async function bootClassView({ manifest, lang, storage }: { manifest: CourseManifest; lang: Lang; storage: Storage | undefined }) {
  const i18n = createI18n(lang, {});
  const [{ default: facts }] = await Promise.all([import('virtual:berdaya/facts'), loadNamespaces(i18n, lang, ['ui', 'course', 'trainer']), fetchWelcome(lang)]);
  return (
    <I18nextProvider i18n={i18n}>
      <ClassApp manifest={manifest} facts={facts} storage={storage} />
    </I18nextProvider>
  );
}
