import { nextTask } from './platform/next-task.ts';
import './styles.css';

/**
 * The app's code comes in parts (vite.config.ts: STARTUP_PARTS, then the app), each evaluated in a
 * task of its own: a chunk is evaluated in one go with everything it imports, and all of them in
 * one chunk made the longest task of start-up on a slow phone. The start check
 * (scripts/prerender/start-check.ts) has the browser fetch them all at once; here they run in turn.
 */
async function start() {
  let takeOver;
  try {
    await import('react-dom/client');
    await nextTask();
    await import('i18next');
    await nextTask();
    await import('xstate');
    await nextTask();
    await import('./course/course-machine.ts');
    await nextTask();
    await import('virtual:berdaya/course');
    await nextTask();
    ({ takeOver } = await import('./take-over.tsx'));
  } catch {
    // A part failed to download: the prerendered page says why the course cannot start, readable again.
    const root = document.getElementById('root');
    document.getElementById('cannot-start')?.removeAttribute('hidden');
    if (root) root.inert = false;
    return;
  }
  await nextTask();
  await takeOver();
}

void start();
