import { StrictMode, startTransition, useEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { manifest } from 'virtual:berdaya/course';
import { startCourse } from './boot.tsx';
import { isLang } from './i18n/i18n.ts';
import { nextTask } from './platform/next-task.ts';
import { startOffline } from './platform/offline.ts';

const storage = (() => {
  try {
    return window.localStorage; // throws in some privacy modes and sandboxed frames
  } catch {
    return undefined;
  }
})();

// The build prerendered a new learner's welcome screen into #root (scripts/prerender/), in the
// page's language, under a layer that holds taps back until the app has taken it over.
const container = document.getElementById('root')!;
const { prerendered, pageLang } = container.dataset;

/**
 * Lets taps through once the screen is the app's own (it adds no DOM): removes the layer the page
 * holds them with, after the commit's passive effects, its children's included (the course machine
 * starting, the address sync), since a tap handled before them was undone by them (the welcome
 * screen came back).
 */
function TakeOver({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.getElementById('tap-hold')?.remove();
    performance.mark('berdaya:live'); // what `npm run bench` times the take-over by
  }, []);
  return children;
}

/**
 * Starts the course over the prerendered screen (src/main.tsx runs this once the libraries it needs
 * have been evaluated, each in a task of its own).
 */
export async function takeOver() {
  const { view, lang, firstVisit } = await startCourse({ manifest, storage, search: location.search, browserLanguages: navigator.languages, pageLang: isLang(pageLang) ? pageLang : null });
  await nextTask();
  const course = (
    <StrictMode>
      <TakeOver>{view}</TakeOver>
    </StrictMode>
  );
  // The same screen as the HTML: adopt it as it is. Any other (saved progress, another language,
  // an LMS, class mode): render it in place of the prerendered one, in one commit. Either way taps
  // are held back until that commit (when they went through from the hydrateRoot call instead, one
  // slow-phone bench run lost a Start pressed during hydration; the cause was not established).
  // In a transition React renders in slices of a few milliseconds, yielding to the browser in
  // between, instead of in one long task; the screen shown meanwhile is the prerendered one.
  startTransition(() => {
    if (firstVisit && lang === prerendered) hydrateRoot(container, course);
    else createRoot(container).render(course);
  });
  startOffline(); // after load, when idle: the service worker that keeps the course for offline use
}
