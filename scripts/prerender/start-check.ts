/**
 * The one inline script of the built page, in its <head> (allowed by its hash in the
 * Content-Security-Policy, scripts/csp-plugin.ts). Plain ES5, so the oldest browser runs it too.
 *
 * - It makes the prerendered screen (#root) inert from the moment it is parsed until the app has
 *   taken it over (src/take-over.tsx lifts it), so no tap or key lands on a button that does nothing yet,
 *   even while the rest of the page is still streaming in. A MutationObserver's callback runs before
 *   the browser paints or handles input, so #root is never live before the app. (It may run after
 *   DOMContentLoaded, hence `failed`: a page that cannot start stays readable.)
 * - It starts the app (the module script named by <link data-entry>, and the chunks it runs, named
 *   by <link data-entry-part> and fetched alongside as modulepreloads; the browser fetches none of
 *   them by itself) once the page is parsed and the browser reports its first contentful paint:
 *   the welcome screen then paints before the browser spends its network and time on the app's
 *   code, which on a fast or offline load (service worker) would otherwise come first. (After "the
 *   first frame" was not enough: a browser may paint later than its first animation frame, and the
 *   code then downloaded before the screen was on it.) Where the browser reports no paints, it
 *   starts after the first frame; in a hidden tab, which paints nothing, at once; and at the latest
 *   after 3 s.
 * - It shows the "cannot start here" message (#cannot-start) when the app's module script cannot
 *   run: the page was opened from a folder (file://, where browsers refuse module scripts), the
 *   browser is older than the build's target (es2020; String.prototype.replaceAll stands for it),
 *   or the script failed to download; the screen is then readable again, as it is with JavaScript
 *   off. With JavaScript off it does not run: the page stays readable and <noscript> says what to do.
 */
export const START_CHECK_SCRIPT = [
  '(function () {',
  '  var doc = document, root = null, failed = false;',
  "  function hold() { root = doc.getElementById('root'); if (root) root.inert = !failed; return !!root; }",
  '  if (!hold()) { var watch = new MutationObserver(function () { if (hold()) watch.disconnect(); }); watch.observe(doc.documentElement, { childList: true, subtree: true }); }',
  "  function show() { failed = true; doc.getElementById('cannot-start').hidden = false; hold(); }",
  "  window.addEventListener('error', function (e) { var t = e.target; if (t && t.tagName === 'SCRIPT' && t.type === 'module') show(); }, true);",
  "  doc.addEventListener('DOMContentLoaded', function () {",
  "    if (location.protocol === 'file:' || !('noModule' in doc.createElement('script')) || !('replaceAll' in String.prototype)) return show();",
  "    var entry = doc.querySelector('link[data-entry]');",
  '    if (!entry) return;',
  '    function add(tag, from, props) {',
  '      var el = doc.createElement(tag);',
  '      for (var name in props) el[name] = props[name];',
  '      if (from.crossOrigin !== null) el.crossOrigin = from.crossOrigin;',
  '      doc.head.appendChild(el);',
  '    }',
  '    function start() {',
  "      add('script', entry, { type: 'module', src: entry.href });",
  "      var parts = doc.querySelectorAll('link[data-entry-part]');",
  "      for (var i = 0; i < parts.length; i++) add('link', parts[i], { rel: 'modulepreload', href: parts[i].href });",
  '    }',
  '    var started = false;',
  '    function once() { if (!started) { started = true; start(); } }',
  "    if (doc.visibilityState !== 'visible') return once();",
  "    doc.addEventListener('visibilitychange', once);",
  '    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;',
  "    if (types && types.indexOf('paint') >= 0) {",
  '      new PerformanceObserver(function (list) {',
  "        if (list.getEntriesByName('first-contentful-paint').length) setTimeout(once, 0);",
  "      }).observe({ type: 'paint', buffered: true });",
  '    } else requestAnimationFrame(function () { setTimeout(once, 0); });',
  '    setTimeout(once, 3000);',
  '  });',
  '})();',
].join('\n');
