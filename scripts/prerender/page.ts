import type { Lang } from '../../src/content/types.ts';
import { allowInlineStyle } from '../csp-plugin.ts';
import { START_CHECK_SCRIPT, TAP_HOLD } from './start-check.ts';

/** locales/<lang>/page.json: the words of the page around the app (read only at build time). */
export interface PageStrings {
  description: string;
  noScript: { heading: string; how: string };
  cannotStart: { heading: string; folder: string; browser: string; offline: string };
}

/** An empty element after the prerendered screen: what the first paint waits for (see prerenderedPage). */
export const SCREEN_END = 'screen-end';

/** What to run in the course folder to serve it (named in the "cannot start here" message). */
export const SERVE_COMMAND = 'npx serve';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Both languages, the page's own first, each marked with its language for screen readers. */
const inBothLanguages = (lang: Lang, strings: Record<Lang, PageStrings>, part: (s: PageStrings, lang: Lang) => string) =>
  (lang === 'id' ? (['id', 'en'] as const) : (['en', 'id'] as const)).map((l) => `<div lang="${l}">${part(strings[l], l)}</div>`).join('');

/**
 * Why the course cannot start and how to open it properly: shown by the browser when JavaScript is
 * off (<noscript>), and by the start check (start-check.ts) when the app's script cannot run.
 * Sections with a name are landmarks, so the message is found like the rest of the page.
 */
export function cannotStartHtml(lang: Lang, strings: Record<Lang, PageStrings>): string {
  const noScript = inBothLanguages(lang, strings, (s, l) => `<h2 id="no-script-${l}">${escapeHtml(s.noScript.heading)}</h2><p>${escapeHtml(s.noScript.how)}</p>`);
  const cannotStart = inBothLanguages(lang, strings, (s, l) => {
    const folder = escapeHtml(s.cannotStart.folder).replace('{{command}}', `<code>${escapeHtml(SERVE_COMMAND)}</code>`);
    return `<h2 id="cannot-start-${l}">${escapeHtml(s.cannotStart.heading)}</h2><p>${folder}</p><p>${escapeHtml(s.cannotStart.browser)}</p><p>${escapeHtml(s.cannotStart.offline)}</p>`;
  });
  return [
    `<noscript><section class="notice notice--error page-notice" aria-labelledby="no-script-${lang}">${noScript}</section></noscript>`,
    `<section id="cannot-start" class="notice notice--error page-notice" aria-labelledby="cannot-start-${lang}" hidden>${cannotStart}</section>`,
  ].join('\n    ');
}

interface PageOptions {
  lang: Lang;
  /** The welcome screen rendered at build time (src/prerender/render-welcome.tsx). */
  body: string;
  title: string;
  strings: Record<Lang, PageStrings>;
  /** How many folders below the build's root the page lives (en/index.html: 1), for its relative links. */
  depth: number;
  /** The page names its language as the learner's choice (see resolveLanguage in src/i18n/i18n.ts). */
  namesLanguage: boolean;
  /** The text of a built stylesheet, by its address in the template (`./assets/index-….css`). */
  stylesheet: (href: string) => string | undefined;
  /**
   * The chunks start-up runs after the entry (`assets/….js`, from the build's root): the entry's
   * imports and the parts src/main.tsx imports in turn, with theirs. The start check has them
   * fetched together with the entry.
   */
  parts?: readonly string[];
}

/**
 * One prerendered page from the built index.html: language, title and description, the "cannot
 * start" message, the welcome screen inside #root (which the app takes over) and the start check.
 * What the first paint needs is in the page itself: the stylesheet is inlined (allowed by its hash
 * in the Content-Security-Policy), so the screen paints without waiting for one more request. The
 * app's entry script and the parts it runs become links the browser does not fetch (an unknown
 * rel), that the start check fetches and runs once the screen is on screen (start-check.ts).
 */
export function prerenderedPage(template: string, { lang, body, title, strings, depth, namesLanguage, stylesheet, parts = [] }: PageOptions): string {
  const up = '../'.repeat(depth);
  const root = `<div id="root" data-prerendered="${lang}"${namesLanguage ? ` data-page-lang="${lang}"` : ''}>${body}</div>`;
  const replaced = (html: string, pattern: RegExp, by: string | ((...match: string[]) => string)) => {
    if (!pattern.test(html)) throw new Error(`Prerender: index.html has no ${pattern}`);
    return html.replace(pattern, typeof by === 'string' ? () => by : by);
  };
  let html = template;
  let styles = '';
  html = replaced(html, /<link rel="stylesheet" crossorigin href="([^"]+)">/, (_, href: string) => {
    const css = stylesheet(href);
    if (css === undefined || /<\/style/i.test(css)) throw new Error(`Prerender: cannot inline ${href}`);
    styles = css;
    return `<style>${css}</style>`;
  });
  html = allowInlineStyle(html, styles);
  html = replaced(html, /<script type="module" crossorigin src="([^"]+)"><\/script>/, (_, src: string) =>
    [`<link rel="x-entry" crossorigin href="${src}" data-entry>`, ...parts.map((part) => `<link rel="x-entry" crossorigin href="./${part}" data-entry-part>`), `<script>${START_CHECK_SCRIPT}</script>`].join('\n    '));
  // Vite's modulepreloads of the entry's imports would be fetched before the first paint: they are parts.
  html = html.replace(/\n\s*<link rel="modulepreload" crossorigin href="[^"]+">/g, '');
  // Assets sit at the build's root: a page in a folder reaches them one level up per folder.
  if (depth) html = html.replace(/ (src|href)="\.\//g, (_, attr: string) => ` ${attr}="${up}`);
  html = replaced(html, /<html lang="[^"]*">/, `<html lang="${lang}">`);
  html = replaced(html, /<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
  html = replaced(html, /<meta name="description" content="[^"]*" \/>/, `<meta name="description" content="${escapeHtml(strings[lang].description)}" />`);
  // No paint of a half-parsed screen (a page arriving in pieces, a parser that yields): the first
  // paint waits until the whole screen is parsed, so it never shifts as the rest streams in (CLS 0).
  // Browsers without rel=expect ignore it.
  html = replaced(html, /<\/title>/, `</title>\n    <link rel="expect" href="#${SCREEN_END}" blocking="render">`);
  return replaced(html, /<div id="root"><\/div>/, `${cannotStartHtml(lang, strings)}\n    <div id="${TAP_HOLD}" aria-hidden="true"></div>\n    ${root}<div id="${SCREEN_END}" hidden></div>`);
}
