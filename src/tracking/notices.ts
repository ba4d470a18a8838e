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
  | 'lmsFinished'
  | 'lmsCompleted'
  | 'lmsUnavailable';

export interface NoticeControl {
  show(kind: CourseNotice): void;
  /** Takes a notice down when what it said is no longer true (the LMS is reachable again). */
  clear(kind: CourseNotice): void;
}
