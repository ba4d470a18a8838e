/**
 * The one inline script of the built page, in its <head> (allowed by its hash in the
 * Content-Security-Policy, scripts/csp-plugin.ts). Plain ES5, so the oldest browser runs it too.
 *
 * - Until the app has taken the screen over, a tap or key on it does nothing (a tap during the
 *   take-over was once lost to the effects that start the course). A transparent layer over the
 *   page (#tap-hold, prerendered before the screen and shown where scripts run, src/styles.css)
 *   takes the taps, and a click a key makes, or a form's submit, is stopped before it reaches the
 *   page. The app removes the layer once the screen is its own (src/take-over.tsx); so does the
 *   page when it cannot start. Not `inert`, which did the same: lifting it restyled the whole screen
 *   in one long task on a slow phone.
 * - It starts the app (the module script named by <link data-entry>, and the chunks it runs, named
 *   by <link data-entry-part> and fetched alongside as modulepreloads, one a task, since each
 *   request costs a slow phone's main thread a few milliseconds; the browser fetches none of them
 *   by itself) once the page is parsed and the browser reports its first contentful paint:
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
/** The layer over the screen until the app has it (also named in src/styles.css and src/take-over.tsx). */
export const TAP_HOLD = 'tap-hold';

export const START_CHECK_SCRIPT = [
  '(function () {',
  '  var doc = document;',
  `  function hold(e) { if (!doc.getElementById('${TAP_HOLD}')) return release(); e.preventDefault(); e.stopImmediatePropagation(); }`,
  "  function release() { window.removeEventListener('click', hold, true); window.removeEventListener('submit', hold, true); }",
  "  window.addEventListener('click', hold, true);",
  "  window.addEventListener('submit', hold, true);",
  `  function show() { var layer = doc.getElementById('${TAP_HOLD}'); if (layer) layer.parentNode.removeChild(layer); doc.getElementById('cannot-start').hidden = false; }`,
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
  "      var parts = doc.querySelectorAll('link[data-entry-part]'), i = 0;",
  "      (function next() { if (i < parts.length) { add('link', parts[i], { rel: 'modulepreload', href: parts[i].href }); i++; setTimeout(next, 0); } })();",
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
