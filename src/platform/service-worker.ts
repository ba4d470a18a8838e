/**
 * Registers the course's service worker (made by vite-plugin-pwa, see vite.config.ts) and offers a
 * new version to the learner instead of switching to it: a new worker waits until they choose
 * Reload, so no one is reloaded mid-quiz. Loaded by ./offline.ts after the first screen.
 */

/** What a waiting worker is told to take over (Workbox's generated worker listens for it). */
export const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

/**
 * The worker and its scope are at the root of the build. This chunk is in assets/, one folder down,
 * whichever page loaded it (index.html or a page in a language folder), so they are found from here.
 */
export function workerUrls(chunkUrl: string) {
  const root = new URL('../', chunkUrl);
  return { script: new URL('sw.js', root).href, scope: root.href };
}

/** Asks `worker` to take over, then reloads the page once it controls it: the learner chose Reload. */
export function activate(container: ServiceWorkerContainer, worker: ServiceWorker, reload: () => void) {
  container.addEventListener('controllerchange', () => reload(), { once: true });
  worker.postMessage(SKIP_WAITING);
}

/**
 * Calls `onWaiting` with each new version that has installed and waits. A first install is not an
 * update: there is no controller yet, and the worker claims the page at once (clientsClaim).
 */
export function watchForUpdates(container: ServiceWorkerContainer, registration: ServiceWorkerRegistration, onWaiting: (worker: ServiceWorker) => void) {
  const offer = (worker: ServiceWorker) => container.controller && onWaiting(worker);
  const track = (worker: ServiceWorker | null) => {
    if (!worker) return;
    if (worker.state === 'installed') offer(worker);
    else worker.addEventListener('statechange', () => worker.state === 'installed' && offer(worker));
  };
  // An update can have been found before this ran (the browser checks when the page is opened).
  if (registration.waiting) offer(registration.waiting);
  else track(registration.installing);
  registration.addEventListener('updatefound', () => track(registration.installing));
}

export async function registerServiceWorker(win: Window, offer: (apply: () => void) => void, chunkUrl = import.meta.url) {
  const container = win.navigator.serviceWorker;
  const { script, scope } = workerUrls(chunkUrl);
  let registration: ServiceWorkerRegistration | undefined;
  try {
    registration = await container.register(script, { scope });
  } catch {
    return; // e.g. storage refused: the course still works online, as before
  }
  if (!registration) return; // a browser told to block workers (a test harness) answers with nothing
  watchForUpdates(container, registration, (worker) => offer(() => activate(container, worker, () => win.location.reload())));
  // A phone resumes a tab without opening the page again: look for a new version then too.
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'visible') registration.update().catch(() => undefined);
  });
}
