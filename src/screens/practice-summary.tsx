import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../components/screen-heading.tsx';
import type { ModuleSpec } from '../content/types.ts';
import { CourseContext } from '../course/course-context.ts';
import { quizItems } from '../course/quiz-round.ts';
import { REVIEW_DAYS } from '../quiz/review.ts';
import { useCourse } from './use-course.ts';

/** After a Practice session: which scenarios move to a later review and which come back tomorrow. */
export function PracticeSummary({ module }: { module: ModuleSpec }) {
  const { t } = useTranslation('course');
  const { send } = useCourse();
  const progress = CourseContext.useSelector((s) => s.context.progress);
  const today = CourseContext.useSelector((s) => s.context.today());
  const items = quizItems(progress, module);
  // A miss puts an item in box 1, due tomorrow; anything else moved up (or was learned).
  const again = items.filter((item) => {
    const entry = progress.review[item.id];
    return entry?.[0] === 1 && entry[1] === today + REVIEW_DAYS[0];
  }).length;

  return (
    <>
      <ScreenHeading focusKey="practice-summary">{t('practice.summaryHeading')}</ScreenHeading>
      <ul>
        <li>{t('practice.learned', { count: items.length - again })}</li>
        <li>{t('practice.again', { count: again })}</li>
      </ul>
      <p>{t('practice.explain')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => send({ type: 'course.home' })}>
          {t('summary.home')}
        </button>
      </div>
    </>
  );
}
