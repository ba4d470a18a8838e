import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import enPage from '../../locales/en/page.json';
import idPage from '../../locales/id/page.json';
import { policyFor } from '../../scripts/csp-plugin.ts';
import { cannotStartHtml, prerenderedPage, SERVE_COMMAND } from '../../scripts/prerender/page.ts';
import { START_CHECK_SCRIPT } from '../../scripts/prerender/start-check.ts';

const strings = { id: idPage, en: enPage };
// The shape of the built index.html (Vite's output after the CSP plugin).
const TEMPLATE = `<!doctype html>
<html lang="id">
  <head>
    <meta name="description" content="old" />
    <link rel="icon" href="./favicon.svg" type="image/svg+xml" />
    <title>Berdaya</title>
    <script type="module" crossorigin src="./assets/index-a1.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-b2.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;
const BODY = '<main><h1>Judul &amp; isi</h1><a href="./somewhere">x</a><a href="?view=class&amp;lang=en">y</a></main>';

describe('a prerendered page', () => {
  it('at the root: its language, title, description, the screen in #root, and links as built', () => {
    const html = prerenderedPage(TEMPLATE, { lang: 'id', body: BODY, title: 'Berdaya: "A" & <B>', strings, depth: 0, namesLanguage: false });
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('<title>Berdaya: &quot;A&quot; &amp; &lt;B&gt;</title>');
    expect(html).toContain(`<meta name="description" content="${idPage.description}" />`);
    expect(html).toContain(`<div id="root" data-prerendered="id">${BODY}</div>`);
    expect(html).toContain('src="./assets/index-a1.js"');
    expect(html).toContain('href="./assets/index-b2.css"');
  });

  it('in en/: English, names its language, reaches the assets one folder up, and leaves the screen\'s own links alone', () => {
    const html = prerenderedPage(TEMPLATE, { lang: 'en', body: BODY, title: 'T', strings, depth: 1, namesLanguage: true });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<meta name="description" content="${enPage.description}" />`);
    expect(html).toContain(`<div id="root" data-prerendered="en" data-page-lang="en">${BODY}</div>`);
    expect(html).toContain('src="../assets/index-a1.js"');
    expect(html).toContain('href="../assets/index-b2.css"');
    expect(html).toContain('href="../favicon.svg"');
    expect(html).not.toContain('"./assets/');
  });

  it('runs the start check after #root and the message, exactly as the Content-Security-Policy hashes it', () => {
    const html = prerenderedPage(TEMPLATE, { lang: 'id', body: BODY, title: 'T', strings, depth: 0, namesLanguage: false });
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([START_CHECK_SCRIPT]);
    expect(html.indexOf('<script>')).toBeGreaterThan(html.indexOf('<div id="root"'));
    expect(html.indexOf('id="cannot-start"')).toBeLessThan(html.indexOf('<div id="root"'));
    const hash = createHash('sha256').update(START_CHECK_SCRIPT, 'utf8').digest('base64');
    expect(policyFor('web')).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(policyFor('kolibri')).not.toContain(hash);
  });

  it('refuses a template it does not recognise instead of shipping a page without the screen', () => {
    expect(() => prerenderedPage(TEMPLATE.replace('<div id="root"></div>', '<div id="app"></div>'), { lang: 'id', body: BODY, title: 'T', strings, depth: 0, namesLanguage: false })).toThrow(/root/);
  });
});

describe('the "cannot start here" message', () => {
  const doc = (lang: 'id' | 'en') => new DOMParser().parseFromString(`<body>${cannotStartHtml(lang, strings).replace(/<\/?noscript>/g, '')}</body>`, 'text/html');

  it.each(['id', 'en'] as const)('on the %s page: both languages, the page\'s own first, each marked with its language', (lang) => {
    const [noScript, cannotStart] = [...doc(lang).querySelectorAll('section')];
    const other = lang === 'id' ? 'en' : 'id';
    expect([...noScript.children].map((c) => c.getAttribute('lang'))).toEqual([lang, other]);
    expect([...cannotStart.children].map((c) => c.getAttribute('lang'))).toEqual([lang, other]);
    expect(noScript.querySelector(`[lang=${other}] h2`)?.textContent).toBe(strings[other].noScript.heading);
    expect(cannotStart.hasAttribute('hidden')).toBe(true);
    expect(cannotStart.getAttribute('aria-labelledby')).toBe(`cannot-start-${lang}`);
    expect(cannotStart.querySelector(`#cannot-start-${lang}`)?.textContent).toBe(strings[lang].cannotStart.heading);
    // The command to serve the folder, in place of its placeholder, in both languages.
    expect([...cannotStart.querySelectorAll('code')].map((c) => c.textContent)).toEqual([SERVE_COMMAND, SERVE_COMMAND]);
    expect(cannotStart.textContent).not.toContain('{{');
  });
});
