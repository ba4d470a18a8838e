import { defineConfig } from 'vitest/config';

/** Browser journeys: playwright-core driving Debian's Chromium against the production build. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/serve-build.ts'],
    fileParallelism: false, // one browser at a time on a 2-core machine
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Screens load lazily: on a busy 2-core machine one can take longer than expect.poll's default 1 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
