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
    // expect.poll waits for what it checks; Vitest's 1 s default is shorter than a lazy chunk takes
    // to load on a busy 2-core machine, which made journeys fail at random under load.
    expect: { poll: { timeout: 10_000 } },
  },
});
