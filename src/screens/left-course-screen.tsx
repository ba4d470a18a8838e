import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * After a successful Save and exit: the LMS session is over and nothing more reaches the LMS, so
 * the course is not shown as if it still reported. Loaded only then.
 */
export default function LeftCourseScreen() {
  const { t } = useTranslation('course');
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <section className="left-course" aria-labelledby="left-heading">
      <h1 id="left-heading" ref={heading} tabIndex={-1}>
        {t('left.heading')}
      </h1>
      <p>{t('left.saved')}</p>
      <p>{t('left.again')}</p>
    </section>
  );
}
