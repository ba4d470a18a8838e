/**
 * The first-view half of working offline: when to start the service worker, and the "new version
 * ready" offer the app shows. The registration itself (service-worker.ts) loads later, in its own
 * chunk, once the welcome screen is interactive, so it never delays it.
 */
import { TARGET } from './capabilities.ts';
import { nextTask } from './next-task.ts';

/**
 * True when an LMS (or an offline player) runs the course: in a frame or a pop-up, or it handed this
 * window a SCORM API. src/boot.tsx then looks for the LMS; a service worker stays out (an LMS serves
 * many courses from one origin, and it decides which version learners get).
 */
export const launchedByHost = (win: Window) =>
  win.parent !== win || !!win.opener || 'API' in win || 'API_1484_11' in win;

/** Only a web build in its own tab, over HTTPS or on localhost, gets a service worker. */
export const mayWorkOffline = (win: Window, target = TARGET) =>
  target === 'web' && 'serviceWorker' in win.navigator && win.isSecureContext && !launchedByHost(win);

type Listener = () => void;

/**
 * Holds the learner's way to a waiting new version (null while there is none). React reads it with
 * useSyncExternalStore (src/components/update-prompt.tsx).
 */
export function createUpdateOffer() {
  let apply: (() => void) | null = null;
  const listeners = new Set<Listener>();
  return {
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    current: () => apply,
    offer(next: () => void) {
      apply = next;
      for (const listener of listeners) listener();
    },
  };
}

export type UpdateOffer = ReturnType<typeof createUpdateOffer>;
export const updateOffer = createUpdateOffer();

/** Runs `task` once the page has loaded and the browser is idle (no later than `timeout` ms after load). */
export function whenIdle(win: Window, task: () => void, timeout = 3000) {
  // Safari has no requestIdleCallback.
  const idle = () => (typeof win.requestIdleCallback === 'function' ? win.requestIdleCallback(task, { timeout }) : win.setTimeout(task, 1));
  if (win.document.readyState === 'complete') idle();
  else win.addEventListener('load', idle, { once: true });
}

/** From src/take-over.tsx: registers the service worker after the first screen, where it belongs. */
export function startOffline(win: Window = window) {
  if (!import.meta.env.PROD || !mayWorkOffline(win)) return;
  whenIdle(win, () => {
    // Its code evaluated in one task, the registration in the next: each stays short on a slow phone.
    void import('./service-worker.ts').then(async ({ registerServiceWorker }) => {
      await nextTask();
      registerServiceWorker(win, updateOffer.offer);
    });
  });
}
