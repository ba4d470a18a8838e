import type { Plugin } from 'vite';

/** V8's explicit compile hint for a whole file (Chrome 136 and later); other browsers read a comment. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Starts every chunk of the course with V8's compile hint. A chunk is only loaded when its code is
 * about to run, and most of it runs: with the hint the browser compiles its functions on a
 * background thread while the chunk downloads, instead of each one on the main thread when it is
 * first called. On a slow phone those first calls made the take-over's tasks long (`npm run bench`,
 * Lighthouse's Total Blocking Time). The hint must be the file's first line, so it is added to the
 * finished chunk.
 */
export function compileHints(): Plugin {
  return {
    name: 'berdaya:compile-hints',
    apply: 'build',
    enforce: 'post',
    // Last of all, after Vite has put its preload map at the top of the chunks that use it.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) if (file.type === 'chunk') file.code = `${COMPILE_HINT}\n${file.code}`;
      },
    },
  };
}
