import { useEffect } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { courseMachine } from '../course/course-machine.ts';
import type { ProgressStore } from './local-store.ts';

/**
 * The local tracker only listens: it stores the Progress record whenever it changes, and again
 * when the page is hidden or closed (never on `unload`, which mobile browsers skip).
 */
export function usePersistProgress(actor: ActorRefFrom<typeof courseMachine>, store: ProgressStore, onFail: () => void) {
  useEffect(() => {
    let saved = actor.getSnapshot().context.progress;
    let failed = false;
    const save = () => {
      saved = actor.getSnapshot().context.progress;
      if (!store.save(saved) && !failed) {
        failed = true;
        onFail();
      }
    };
    const subscription = actor.subscribe((snapshot) => {
      if (snapshot.context.progress !== saved) save();
    });
    const onHide = () => document.visibilityState === 'hidden' && save();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      subscription.unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
    };
  }, [actor, store, onFail]);
}
