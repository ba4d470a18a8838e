import { useTranslation } from 'react-i18next';
import type { Lang } from '../content/types.ts';
import { CourseContext } from '../course/course-context.ts';

/** What every screen needs: the learner's place, its module, and the current language. */
export function useCourse() {
  const manifest = CourseContext.useSelector((s) => s.context.manifest);
  const place = CourseContext.useSelector((s) => s.context.progress.place);
  const send = CourseContext.useActorRef().send;
  const { i18n } = useTranslation();
  const module = manifest.modules.find((m) => m.id === place?.module);
  return { manifest, place, module, send, lang: i18n.language as Lang };
}
