/**
 * The one inline script of the built page, at the end of its body (allowed by its hash in the
 * Content-Security-Policy, scripts/csp-plugin.ts). It makes the prerendered screen inert until the
 * app has taken it over (src/main.tsx lifts it), so no tap or key lands on a button that does
 * nothing yet; and it shows the "cannot start here" message (#cannot-start) when the app's module
 * script cannot run: the page was opened from a folder (file://, where browsers refuse module
 * scripts), the browser is older than the build's target (es2020; String.prototype.replaceAll
 * stands for it), or the script failed to download; the screen is then readable again, as it is
 * with JavaScript off. Plain ES5, so the oldest browser runs it too.
 * With JavaScript off it does not run: the page stays readable and <noscript> says what to do.
 */
export const START_CHECK_SCRIPT = [
  '(function () {',
  "  var root = document.getElementById('root');",
  '  if (root) root.inert = true;',
  "  function show() { document.getElementById('cannot-start').hidden = false; if (root) root.inert = false; }",
  "  if (location.protocol === 'file:' || !('noModule' in document.createElement('script')) || !('replaceAll' in String.prototype)) show();",
  "  window.addEventListener('error', function (e) { var t = e.target; if (t && t.tagName === 'SCRIPT' && t.type === 'module') show(); }, true);",
  '})();',
].join('\n');
