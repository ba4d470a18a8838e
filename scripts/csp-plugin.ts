import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { START_CHECK_SCRIPT } from './prerender/start-check.ts';

/**
 * The built course ships a strict Content-Security-Policy: no eval'd script and no inline script but
 * the ones allowed by hash (below), nothing from other origins. It runs inside LMS pages, where a script injected through content could reach the
 * LMS. Dev mode is left alone (Vite's dev client needs inline scripts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The one line Kolibri inserts as the first element of <head> of every HTML file it serves from an
 * HTML5 app zip: it hands the app Kolibri's SCORM API and per-learner storage.
 */
export const KOLIBRI_HEAD_SCRIPT =
  'if (window.parent && window.parent.hashi) {try {window.parent.hashi.initializeIframe(window);} catch (e) {}}';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Inline scripts are allowed only by their hashes: in the web build the prerendered page's start
 * check (scripts/prerender/), in the Kolibri build (not prerendered) exactly Kolibri's line.
 */
export const policyFor = (target: 'web' | 'kolibri') =>
  CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${sha256(target === 'kolibri' ? KOLIBRI_HEAD_SCRIPT : START_CHECK_SCRIPT)}`);

/**
 * Allows one inline <style> by its hash in a built page's policy (the prerendered pages inline their
 * stylesheet, scripts/prerender/page.ts); a page without the policy (tests, dev) is left as it is.
 */
export const allowInlineStyle = (html: string, css: string) =>
  html.replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*style-src 'self')/, `$1 ${sha256(css)}`);

export const contentSecurityPolicy = (target: 'web' | 'kolibri' = 'web'): Plugin => ({
  name: 'berdaya-content-security-policy',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(/(<meta charset="UTF-8" \/>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${policyFor(target)}" />`),
});
