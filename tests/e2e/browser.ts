import axe from 'axe-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far: a healthy course has none. */
  errors: string[];
  /** Dialogs opened (alert/confirm/prompt): injected script would show itself here. */
  dialogs: string[];
  /** Content-Security-Policy violations reported by the page. */
  violations: () => Promise<string[]>;
  close: () => Promise<void>;
}

/**
 * A fresh Chromium profile (empty storage), as a new learner's phone (in the system's time zone unless given).
 * Service workers are blocked unless asked for: a journey that cuts the network to see a failure
 * must see it, not a copy the worker kept (tests/e2e/offline.test.ts tests the worker).
 */
export async function openBrowser(
  options: { locale?: string; timezoneId?: string; viewport?: { width: number; height: number }; touch?: boolean; javaScript?: boolean; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<Session> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: options.locale ?? 'id-ID',
    ...(options.timezoneId && { timezoneId: options.timezoneId }),
    viewport: options.viewport ?? { width: 412, height: 860 },
    ...(options.touch && { hasTouch: true, isMobile: true }),
    ...(options.javaScript === false && { javaScriptEnabled: false }),
    serviceWorkers: options.serviceWorkers ?? 'block',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const dialogs: string[] = [];
  context.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  context.on('weberror', (error) => errors.push(error.error().message));
  context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    context,
    page,
    errors,
    dialogs,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The two screens every new browser test runs on: a phone held upright (touch) and a laptop. */
export const PHONE = { viewport: { width: 360, height: 740 }, touch: true } as const;
export const LAPTOP = { viewport: { width: 1280, height: 800 } } as const;

/** A healthy page: no console errors, no dialogs, no CSP violations. */
export async function expectClean(session: Session) {
  expect(session.errors, 'console errors').toEqual([]);
  expect(session.dialogs, 'dialogs').toEqual([]);
  expect(await session.violations(), 'CSP violations').toEqual([]);
}

type Axe = typeof axe;

/**
 * In the page: the app has the screen. It removes the layer that holds taps back over a prerendered
 * screen once the screen is its own (src/take-over.tsx); a page without one shows nothing before the
 * app renders. Not the 'berdaya:live' mark, which a page with a faked clock does not keep.
 */
export const screenIsLive = () => !document.getElementById('tap-hold') && (document.getElementById('root')?.childElementCount ?? 0) > 0;

/** In the page: nothing will take it over (no script: JavaScript off; no course: an LMS's own page), or it says it cannot start. */
const nothingToWaitFor = () => {
  const cannotStart = document.getElementById('cannot-start');
  return !document.getElementById('root') || !document.querySelector('script') || (cannotStart !== null && !cannotStart.hidden);
};

/**
 * Runs axe-core (every rule, its defaults) on the page as it is now; any violation fails with its
 * rule and target (in frames too). axe is put into each document once and run there directly:
 * AxeBuilder's per-call injection and extra page cost most of a second per screen, which adds
 * minutes to the journeys that audit every screen.
 */
export async function expectAccessible(page: Page, screen: string) {
  for (const frame of page.frames()) {
    // The screen as a learner can use it, not the prerendered HTML before the app has it. Fail if it never is.
    const usable = async () => (await frame.evaluate(nothingToWaitFor)) || frame.evaluate(screenIsLive);
    await expect.poll(usable, { message: `${screen}: the screen never became live` }).toBe(true);
    // once per document; axe in the top frame asks the one in each frame (a course inside an LMS)
    if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axe.source);
  }
  const summary = await page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}
