import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Screens and strings load lazily (dynamic imports): on a busy 2-core CI machine that can take
// longer than Testing Library's default 1 s wait.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  history.replaceState(null, '', '/'); // each test opens the course afresh, at a bare address
});
