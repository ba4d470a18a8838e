import { nextTask } from './platform/next-task.ts';
import './styles.css';
// The later screens' styles too: a stylesheet added after the first paint restyles the whole page
// in one long task on a slow phone. The build inlines both into the page.
import './screens/screens.css';

/**
 * The app's code comes in parts (vite.config.ts: STARTUP_PARTS, then the app), each evaluated in a
 * task of its own: a chunk is evaluated in one go with everything it imports, and all of them in
 * one chunk made the longest task of start-up on a slow phone. The start check
 * (scripts/prerender/start-check.ts) has the browser fetch them all at once; here they run in turn.
 */
const PARTS = [
  () => import('react-dom/client'),
  () => import('i18next'),
  () => import('xstate'),
  () => import('./course/course-machine.ts'),
  () => import('virtual:berdaya/course'),
];

async function start() {
  let takeOver;
  try {
    for (const load of PARTS) {
      await load();
      await nextTask();
    }
    ({ takeOver } = await import('./take-over.tsx'));
  } catch {
    // A part failed to download: the prerendered page says why the course cannot start, and holds
    // no tap back.
    document.getElementById('tap-hold')?.remove();
    document.getElementById('cannot-start')?.removeAttribute('hidden');
    return;
  }
  await nextTask();
  await takeOver();
}

void start();
