import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints } from '../../scripts/compile-hints-plugin.ts';

type Bundle = Record<string, { type: 'chunk'; code: string } | { type: 'asset'; source: string }>;

/** Runs the plugin's generateBundle hook on a bundle, as the build does once every chunk is final. */
function finish(bundle: Bundle) {
  const hook = compileHints().generateBundle as { order: string; handler: (options: unknown, bundle: Bundle) => void };
  expect(hook.order).toBe('post'); // after Vite has put its preload map at the top of chunks
  hook.handler({}, bundle);
  return bundle;
}

describe('the compile hint', () => {
  it('is the first line of every chunk, whose code is otherwise unchanged', () => {
    const bundle = finish({
      'assets/react-a1.js': { type: 'chunk', code: 'import{t as e}from"./r.js";var n=1;' },
      'assets/index-b2.js': { type: 'chunk', code: 'const __vite__mapDeps=(i)=>i;\nexport{};' },
    });
    expect(bundle['assets/react-a1.js']).toEqual({ type: 'chunk', code: `${COMPILE_HINT}\nimport{t as e}from"./r.js";var n=1;` });
    expect(bundle['assets/index-b2.js']).toEqual({ type: 'chunk', code: `${COMPILE_HINT}\nconst __vite__mapDeps=(i)=>i;\nexport{};` });
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
  });

  it('leaves stylesheets, pages and other assets alone', () => {
    const bundle = finish({ 'assets/cohort-c3.css': { type: 'asset', source: '.a{color:red}' }, 'index.html': { type: 'asset', source: '<!doctype html>' } });
    expect(bundle).toEqual({ 'assets/cohort-c3.css': { type: 'asset', source: '.a{color:red}' }, 'index.html': { type: 'asset', source: '<!doctype html>' } });
  });
});
