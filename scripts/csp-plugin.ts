import type { Plugin } from 'vite';

/**
 * The built course ships a strict Content-Security-Policy: no inline or eval'd script, nothing from
 * other origins. It runs inside LMS pages, where a script injected through content could reach the
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

export const contentSecurityPolicy = (): Plugin => ({
  name: 'berdaya-content-security-policy',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(/(<meta charset="UTF-8" \/>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
});
