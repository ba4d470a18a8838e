import type { StoreNotice } from './local-store.ts';

/**
 * What the learner may need to be told about where their progress lives: the device's storage
 * (local-store.ts), another tab, a language that could not load, or the LMS session (lms.ts).
 */
export type CourseNotice =
  | StoreNotice
  | 'textFailed'
  | 'lmsRetrying'
  | 'lmsEnded'
  | 'lmsCompleted'
  | 'lmsUnavailable'
  /** The LMS's resume data could not be read (or is from a newer version): nothing is written over it. */
  | 'lmsUnreadable'
  | 'lmsFuture'
  /** …or none came while the LMS resumes the learner to a bookmark or answers. */
  | 'lmsNoData'
  /** Save and exit did not get everything into the LMS: the course stays open. */
  | 'lmsExitFailed';

export interface NoticeControl {
  show(kind: CourseNotice): void;
  /** Takes a notice down when what it said is no longer true (the LMS is reachable again). */
  clear(kind: CourseNotice): void;
}
