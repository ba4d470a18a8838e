// `npm test`: every check the README promises, then one closing line "N passed, N failed".
// Runs the typecheck, the content check, unit + component tests, and the browser tests
// (production build in Debian's Chromium). Without Chromium the browser tests are skipped
// with a plain message, except under CI=true, where a missing browser is a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'; // overridable to try the no-browser path
const totals = { passed: 0, failed: 0, skipped: 0 };

const run = (label, command, args) => {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: process.env }).status === 0;
};

const check = (label, command, args) => {
  const ok = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  return ok;
};

/** Runs Vitest with a JSON report and adds its true counts. */
const vitest = (label, args, report) => {
  fs.rmSync(report, { force: true });
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  if (!fs.existsSync(report)) {
    totals.failed += 1; // Vitest could not even start
    return;
  }
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (!ok && r.numFailedTests === 0 ? 1 : 0); // a file that failed to load
  totals.skipped += r.numPendingTests + r.numTodoTests;
};

check('Typecheck', 'npx', ['tsc', '--noEmit']);
check('Lesson files', 'npx', ['tsx', 'scripts/content-check.ts']);
vitest('Unit and component tests', [], 'test-results/unit.json');

if (fs.existsSync(CHROMIUM)) {
  if (check('Production build', 'npx', ['vite', 'build'])) {
    vitest('Browser tests', ['--config', 'vitest.e2e.config.ts'], 'test-results/e2e.json');
  }
} else if (process.env.CI === 'true') {
  console.error(`\n✗ Browser tests could not run: Chromium is missing at ${CHROMIUM} (CI requires them).`);
  totals.failed += 1;
} else {
  console.warn(`\n! Browser tests were SKIPPED: Chromium is not installed at ${CHROMIUM}.`);
  console.warn('  Install it with: sudo apt-get install -y chromium   (then run npm test again)');
  totals.skipped += 1;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed ? 1 : 0;
