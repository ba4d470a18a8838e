import type { ActorRefFrom } from 'xstate';
import { htmlToText } from '../components/html-text.ts';
import { loadedModuleText } from '../content/module-text.ts';
import itemIds from 'virtual:berdaya/item-ids';
import type { CourseManifest, ItemSpec, Lang } from '../content/types.ts';
import type { courseMachine } from '../course/course-machine.ts';
import { mergeProgress, type Progress } from '../course/progress.ts';
import { isCorrect } from '../quiz/scoring.ts';
import { createLocalStore, type ProgressStore, type StoreNotice } from './local-store.ts';
import type { CourseNotice, NoticeControl } from './notices.ts';
import { findScormApi, type FoundApi } from './scorm/find-api.ts';
import { localMirrorKey, startScormTracker, type ExitResult, type Missing } from './scorm/scorm-tracker.ts';

/** The course inside an LMS: what it starts from, and how it reports. Loaded only when an LMS API is found. */
export interface LmsSession {
  /** The course with the LMS's pass mark, when it sets one, so both judge a pass alike. */
  manifest: CourseManifest;
  /** The LMS's record merged with this device's copy of it (nothing from either is lost). */
  progress: Progress;
  /** A copy on this device, per LMS learner, for when the LMS cannot be reached. */
  store: ProgressStore;
  lang: Lang | null;
  notice?: CourseNotice;
  /** Feeds the LMS from the course machine; returns a disconnect (React may connect twice). */
  connect(actor: ActorRefFrom<typeof courseMachine>, notices: NoticeControl): () => void;
  /** The course's "Save and exit": finishes the LMS session, or says what did not reach it. */
  exit(): ExitResult;
  /** What has not reached the LMS yet. */
  missing(): Missing[];
  /** This device holds a readable record of this learner while the LMS's could not be read. */
  readonly deviceCopy: boolean;
  /** The learner chose the device's record over the unreadable one: it is written to the LMS. */
  useDeviceCopy(progress: Progress): void;
}

/** Whether a record holds anything of the learner's. */
const hasProgress = (p: Progress) => p.place !== null || p.final !== null || Object.keys(p.answers).length > 0 || Object.keys(p.modules).length > 0;

/**
 * Looks for an LMS API around this window. `session` is null when there is none (a plain frame:
 * the course runs standalone) and also when the LMS refused to start one (`failed`: say so).
 */
export function findLms(manifest: CourseManifest, storage: Storage | undefined): { session: LmsSession | null; failed: boolean } {
  const found = findScormApi();
  const session = found && startLms(found, manifest, storage);
  return { session, failed: !!found && !session };
}

export function startLms(found: FoundApi, manifest: CourseManifest, storage: Storage | undefined): LmsSession | null {
  const tracker = startScormTracker(found, manifest);
  if (tracker.state === 'failed-to-start') return null;
  const { launch } = tracker;
  const course = launch.masteryScore === null ? manifest : { ...manifest, final: { ...manifest.final, passMark: launch.masteryScore } };
  const store = createLocalStore(course, storage, localMirrorKey(course, launch.learnerId));
  const local = store.load();
  const progress = launch.progress ? mergeProgress(launch.progress, local.progress) : local.progress;
  const completed = !launch.progress && (launch.recorded === 'passed' || launch.recorded === 'completed');
  let notice: CourseNotice | undefined = completed ? 'lmsCompleted' : (local.notice as StoreNotice | undefined);
  const { unreadable } = launch;
  let deviceCopy = false;
  if (unreadable) {
    // What the LMS holds and the course cannot read stays there; a copy stays here, for support.
    if (unreadable.raw) store.keepAside(unreadable.raw);
    notice = unreadable.reason === 'future' ? 'lmsFuture' : unreadable.reason === 'missing' ? 'lmsNoData' : 'lmsUnreadable';
    deviceCopy = !local.notice && hasProgress(local.progress);
  }

  return {
    manifest: course,
    progress,
    store,
    lang: launch.lang,
    notice,
    connect(actor, notices) {
      let shownAt = Date.now();
      let place = actor.getSnapshot().context.progress.place;
      let saved = actor.getSnapshot().context.progress;
      // The scenario's words for the LMS's report, from the text already on screen (never fetched for it).
      const describe = (item: ItemSpec) => {
        const lang = actor.getSnapshot().context.progress.lang;
        const owner = course.modules.find((m) => m.items.some((i) => i.id === item.id));
        const html = lang && owner ? loadedModuleText(owner.id, lang)?.items[item.id]?.text : undefined;
        return html && lang ? { text: htmlToText(html), lang } : undefined;
      };
      const onProgress = actor.subscribe(({ context: { progress: next } }) => {
        if (next.place !== place && next.place?.screen === 'quiz' && !next.place.answered) shownAt = Date.now();
        place = next.place;
        if (next !== saved) tracker.record((saved = next));
      });
      const onAnswer = actor.on('answered', ({ item, response }) =>
        tracker.answered({ item, response, correct: isCorrect(item, response), at: new Date(), latencyMs: Date.now() - shownAt, description: describe(item), name: itemIds[item.code] }),
      );
      const onState = tracker.subscribe((state) => {
        if (state === 'retrying') notices.show('lmsRetrying');
        if (state === 'ok') notices.clear('lmsRetrying');
      });
      const onHide = () => document.visibilityState === 'hidden' && tracker.hide();
      const onPageHide = () => tracker.finish();
      // Back from the back-forward cache: the LMS session was finished when the page was hidden.
      const onPageShow = (event: PageTransitionEvent) => event.persisted && tracker.state === 'ended' && notices.show('lmsEnded');
      document.addEventListener('visibilitychange', onHide);
      window.addEventListener('pagehide', onPageHide);
      window.addEventListener('pageshow', onPageShow);
      return () => {
        onProgress.unsubscribe();
        onAnswer.unsubscribe();
        onState();
        document.removeEventListener('visibilitychange', onHide);
        window.removeEventListener('pagehide', onPageHide);
        window.removeEventListener('pageshow', onPageShow);
      };
    },
    exit: () => tracker.finish(),
    missing: () => tracker.missing(),
    get deviceCopy() {
      return deviceCopy;
    },
    useDeviceCopy(current) {
      deviceCopy = false;
      tracker.overwriteUnreadable(current);
    },
  };
}
