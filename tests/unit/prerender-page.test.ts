import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import enPage from '../../locales/en/page.json';
import idPage from '../../locales/id/page.json';
import { CONTENT_SECURITY_POLICY, policyFor } from '../../scripts/csp-plugin.ts';
import { cannotStartHtml, prerenderedPage, SERVE_COMMAND } from '../../scripts/prerender/page.ts';
import { START_CHECK_SCRIPT } from '../../scripts/prerender/start-check.ts';

const strings = { id: idPage, en: enPage };
// The shape of the built index.html (Vite's output after the CSP plugin).
const TEMPLATE = `<!doctype html>
<html lang="id">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${policyFor('web')}" />
    <meta name="description" content="old" />
    <link rel="icon" href="./icon-192.png" sizes="192x192" type="image/png" />
    <title>Berdaya</title>
    <script type="module" crossorigin src="./assets/index-a1.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/runtime-c3.js">
    <link rel="stylesheet" crossorigin href="./assets/index-b2.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;
const BODY = '<main><h1>Judul &amp; isi</h1><a href="./somewhere">x</a><a href="?view=class&amp;lang=en">y</a></main>';
const CSS = ':root{color:#1b1f23}.lead{font-size:1.2rem}';
// What start-up runs after the entry (the entry's imports, then what src/main.tsx imports in turn).
const parts = ['assets/runtime-c3.js', 'assets/react-d4.js'];
const stylesheet = (href: string) => (href === './assets/index-b2.css' ? CSS : undefined);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('a prerendered page', () => {
  it('at the root: its language, title, description, the screen in #root, and links as built', () => {
    const html = prerenderedPage(TEMPLATE, { lang: 'id', body: BODY, title: 'Berdaya: "A" & <B>', strings, depth: 0, namesLanguage: false, stylesheet, parts });
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('<title>Berdaya: &quot;A&quot; &amp; &lt;B&gt;</title>');
    expect(html).toContain(`<meta name="description" content="${idPage.description}" />`);
    expect(html).toContain(`<div id="root" data-prerendered="id">${BODY}</div>`);
    // The app's code is named in the <head>, not fetched by it: the start check fetches and runs it after the first paint (start-check.ts).
    expect(html).toContain('<link rel="x-entry" crossorigin href="./assets/index-a1.js" data-entry>');
    // So are the chunks it runs (the start check fetches them with it), Vite's modulepreload among them.
    for (const part of parts) expect(html).toContain(`<link rel="x-entry" crossorigin href="./${part}" data-entry-part>`);
    expect(html).not.toContain('<link rel="modulepreload"');
    expect(html).not.toContain('<script type="module"');
    // The first paint waits until the whole screen is parsed (no partial screen that then shifts).
    expect(html).toContain('<link rel="expect" href="#screen-end" blocking="render">');
    expect(html).toContain(`${BODY}</div><div id="screen-end" hidden></div>`);
    // The stylesheet is in the page, so the first paint waits for no other request.
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(html).not.toContain('index-b2.css');
  });

  it('in en/: English, names its language, reaches the assets one folder up, and leaves the screen\'s own links alone', () => {
    const html = prerenderedPage(TEMPLATE, { lang: 'en', body: BODY, title: 'T', strings, depth: 1, namesLanguage: true, stylesheet, parts });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<meta name="description" content="${enPage.description}" />`);
    expect(html).toContain(`<div id="root" data-prerendered="en" data-page-lang="en">${BODY}</div>`);
    expect(html).toContain('<link rel="x-entry" crossorigin href="../assets/index-a1.js" data-entry>');
    expect(html).toContain('<link rel="x-entry" crossorigin href="../assets/react-d4.js" data-entry-part>');
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(html).toContain('href="../icon-192.png"');
    expect(html).not.toContain('"./assets/');
  });

  it('runs the start check in <head>, before #root is parsed, exactly as the Content-Security-Policy hashes it', () => {
    const html = prerenderedPage(TEMPLATE, { lang: 'id', body: BODY, title: 'T', strings, depth: 0, namesLanguage: false, stylesheet });
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([START_CHECK_SCRIPT]);
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('</head>'));
    expect(html.indexOf('<script>')).toBeGreaterThan(html.indexOf('Content-Security-Policy'));
    expect(html.indexOf('id="cannot-start"')).toBeLessThan(html.indexOf('<div id="root"'));
    // The layer that holds taps back until the app has the screen is parsed before the screen.
    expect(html.indexOf('<div id="tap-hold" aria-hidden="true"></div>')).toBeGreaterThan(html.indexOf('</head>'));
    expect(html.indexOf('<div id="tap-hold" aria-hidden="true"></div>')).toBeLessThan(html.indexOf('<div id="root"'));
    const hash = sha256(START_CHECK_SCRIPT);
    expect(policyFor('web')).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(policyFor('kolibri')).not.toContain(hash);
  });

  it('allows its inlined stylesheet by hash and nothing else inline', () => {
    const html = prerenderedPage(TEMPLATE, { lang: 'en', body: BODY, title: 'T', strings, depth: 1, namesLanguage: true, stylesheet, parts });
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)![1];
    expect(policy).toBe(policyFor('web').replace("style-src 'self'", `style-src 'self' 'sha256-${sha256(CSS)}'`));
    expect(policy).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self';");
  });

  it('refuses a stylesheet it cannot find rather than ship a page without its styles', () => {
    expect(() => prerenderedPage(TEMPLATE, { lang: 'id', body: BODY, title: 'T', strings, depth: 0, namesLanguage: false, stylesheet: () => undefined })).toThrow(/index-b2\.css/);
  });

  it('refuses a template it does not recognise instead of shipping a page without the screen', () => {
    expect(() => prerenderedPage(TEMPLATE.replace('<div id="root"></div>', '<div id="app"></div>'), { lang: 'id', body: BODY, title: 'T', strings, depth: 0, namesLanguage: false, stylesheet })).toThrow(/root/);
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
