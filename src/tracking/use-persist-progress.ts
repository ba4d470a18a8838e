import { useEffect } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { courseMachine } from '../course/course-machine.ts';
import type { ProgressStore, StoreNotice } from './local-store.ts';

/**
 * The local tracker only listens: it stores the Progress record whenever it changes, and again
 * when the page is hidden or closed (never on `unload`, which mobile browsers skip and Moodle
 * blocks). Records saved by another tab are merged in, so two tabs never lose an answer; a record
 * another tab replaced (a reset, an import) is adopted.
 */
export function usePersistProgress(actor: ActorRefFrom<typeof courseMachine>, store: ProgressStore, onNotice: (notice: StoreNotice) => void) {
  useEffect(() => {
    let saved = actor.getSnapshot().context.progress;
    let merging = false;
    const save = () => {
      saved = actor.getSnapshot().context.progress;
      const notice = store.save(saved);
      if (notice) onNotice(notice);
    };
    const subscription = actor.subscribe((snapshot) => {
      if (snapshot.context.progress === saved) return;
      // A merge from another tab is already in storage (theirs) and is saved with our next change;
      // saving it now would make two open tabs answer each other forever.
      if (merging) saved = snapshot.context.progress;
      else save();
    });
    // A reset or an import in another tab replaces the record here too: merging would bring the
    // deleted answers back.
    const unwatch = store.watch((theirs, replaced) => {
      merging = true;
      actor.send({ type: replaced ? 'progress.replace' : 'progress.merge', progress: theirs });
      merging = false;
      onNotice(replaced ? 'otherTabReplaced' : 'otherTab');
    });
    const onHide = () => document.visibilityState === 'hidden' && save();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      subscription.unsubscribe();
      unwatch();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
    };
  }, [actor, store, onNotice]);
}
