import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { CourseContext } from '../course/course-context.ts';
import { finalAccess, finalAttempts, type FinalAccess } from '../course/final-assessment.ts';
import { useCourse } from './use-course.ts';

/** Longest timer a browser keeps (about 24.8 days); a later opening shows on the next visit. */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * Whether the final can start now, by the machine's clock; while the learner waits for a retake,
 * the screen updates itself when the wait is over.
 */
export function useFinalAccess(): FinalAccess {
  const { manifest } = useCourse();
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const access = CourseContext.useSelector((s) => finalAccess(manifest, s.context.progress, s.context.now()), sameAccess);
  const now = CourseContext.useSelector((s) => s.context.now);
  const opensAt = access.kind === 'wait' ? access.opensAt : undefined;
  useEffect(() => {
    if (opensAt === undefined || opensAt - now() > MAX_TIMER) return;
    const timer = setTimeout(tick, opensAt - now() + 1000);
    return () => clearTimeout(timer);
  }, [opensAt, now]);
  return access;
}

const sameAccess = (a: FinalAccess, b: FinalAccess) => JSON.stringify(a) === JSON.stringify(b);

/** Says plainly when the next attempt opens, that none remain, or how many remain. */
export function FinalAccessNote({ access, id }: { access: FinalAccess; id?: string }) {
  const { t } = useTranslation('course');
  const { manifest, lang } = useCourse();
  const attempts = CourseContext.useSelector((s) => finalAttempts(s.context.progress));
  const { maxAttempts } = manifest.final;
  let note: string | undefined;
  if (access.kind === 'wait') {
    note = t('final.opensAt', { when: new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' }).format(access.opensAt) });
  } else if (access.kind === 'spent') {
    note = t('final.noAttemptsLeft', { count: access.attempts });
  } else if (access.kind === 'open' && maxAttempts !== undefined) {
    note = t('final.attemptsLeft', { count: maxAttempts - attempts });
  }
  return note ? <p id={id} className="final-access">{note}</p> : null;
}
