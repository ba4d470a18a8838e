import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { manifest } from 'virtual:berdaya/course';
import { bootCourse } from './boot.tsx';
import { startOffline } from './platform/offline.ts';
import './styles.css';

const storage = (() => {
  try {
    return window.localStorage; // throws in some privacy modes and sandboxed frames
  } catch {
    return undefined;
  }
})();

void bootCourse({ manifest, storage, search: location.search, browserLanguages: navigator.languages }).then((course) =>
  createRoot(document.getElementById('root')!).render(<StrictMode>{course}</StrictMode>),
);
startOffline(); // after load, when idle: the service worker that keeps the course for offline use
