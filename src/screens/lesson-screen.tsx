import { useTranslation } from 'react-i18next';
import { RichText } from '../components/rich-text.tsx';
import type { ModuleSpec } from '../content/types.ts';
import { ModuleFrame } from './module-frame.tsx';
import { useCourse } from './use-course.ts';

export function LessonScreen({ module, page }: { module: ModuleSpec; page: number }) {
  const { send } = useCourse();
  const { t } = useTranslation('course');
  const last = page + 1 === module.pages;
  return (
    <ModuleFrame module={module} focusKey={`lesson-${module.id}-${page}`} heading={(text) => <RichText as="span" html={text.pages[page].title} />}>
      {(text) => (
        <>
          <p className="page-count">{t('lesson.pageOf', { page: page + 1, total: module.pages })}</p>
          <RichText className="prose" html={text.pages[page].html} />
          <nav className="pager" aria-label={t('lesson.pageOf', { page: page + 1, total: module.pages })}>
            {page > 0 && (
              <button type="button" onClick={() => send({ type: 'page.back' })}>
                {t('lesson.previous')}
              </button>
            )}
            <button type="button" className="primary" onClick={() => send({ type: 'page.next' })}>
              {!last ? t('lesson.next') : module.items.length ? t('lesson.toQuiz') : t('lesson.toSummary')}
            </button>
          </nav>
        </>
      )}
    </ModuleFrame>
  );
}
