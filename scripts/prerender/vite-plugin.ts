import fs from 'node:fs';
import path from 'node:path';
import { createServer, type Plugin } from 'vite';
import { LANGS, type Lang } from '../../src/content/types.ts';
import { prerenderedPage, type PageStrings } from './page.ts';

type RenderWelcome = typeof import('../../src/prerender/render-welcome.tsx').renderWelcome;

/** Where each language's page goes: Indonesian, the default, at the root; English in en/. */
export const PAGE_OF: Record<Lang, string> = { id: 'index.html', en: 'en/index.html' };

/**
 * Renders the welcome screen into the built index.html (Indonesian) and en/index.html (English),
 * from the same components the browser runs, so the first screen paints from HTML before any
 * script. `content` is the build's own content plugin (its compiled lessons are reused);
 * `define` the build's compile-time constants.
 */
export function prerenderWelcome({ content, define }: { content: Plugin; define: Record<string, string> }): Plugin {
  let root = process.cwd();
  return {
    name: 'berdaya-prerender',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    generateBundle: {
      order: 'post',
      async handler(_, bundle) {
        const built = bundle['index.html'];
        if (built?.type !== 'asset') this.error('Prerender: the build made no index.html');
        const template = String(built.source);
        // The page's stylesheet, inlined into it: `./assets/x.css` in the template is the bundle's `assets/x.css`.
        const inlined = new Set<string>();
        const stylesheet = (href: string) => {
          const file = href.replace(/^\.\//, '');
          const asset = bundle[file];
          if (asset?.type !== 'asset') return undefined;
          inlined.add(file);
          return String(asset.source);
        };
        // What start-up runs after the entry: its imports and the parts src/main.tsx imports in turn, with theirs.
        const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
        if (entry?.type !== 'chunk') this.error('Prerender: the build made no entry chunk');
        const parts = new Set<string>();
        const addPart = (fileName: string) => {
          const chunk = bundle[fileName];
          if (parts.has(fileName) || chunk?.type !== 'chunk') return;
          parts.add(fileName);
          chunk.imports.forEach(addPart);
        };
        [...entry.imports, ...entry.dynamicImports].forEach(addPart);
        const strings = Object.fromEntries(
          LANGS.map((lang) => [lang, JSON.parse(fs.readFileSync(path.join(root, `locales/${lang}/page.json`), 'utf8')) as PageStrings]),
        ) as Record<Lang, PageStrings>;
        // Vite's server-side module loader runs the app's TypeScript and the virtual course modules in Node.
        const server = await createServer({
          root,
          configFile: false,
          logLevel: 'error',
          appType: 'custom',
          plugins: [content],
          define,
          server: { middlewareMode: true, hmr: false, watch: null, ws: false },
          optimizeDeps: { noDiscovery: true, include: [] },
        });
        try {
          const { renderWelcome } = (await server.ssrLoadModule('/src/prerender/render-welcome.tsx')) as { renderWelcome: RenderWelcome };
          for (const lang of LANGS) {
            const { html: body, title } = await renderWelcome(lang);
            const fileName = PAGE_OF[lang];
            const depth = fileName.split('/').length - 1;
            // The default page leaves the language to the learner's browser; a page in a folder names its own.
            const source = prerenderedPage(template, { lang, body, title, strings, depth, namesLanguage: depth > 0, stylesheet, parts: [...parts] });
            if (fileName === 'index.html') built.source = source;
            else this.emitFile({ type: 'asset', fileName, source });
          }
        } finally {
          await server.close();
        }
        // Every page has it inline: the file itself would only be downloaded (and precached) for nothing.
        for (const file of inlined) delete bundle[file];
      },
    },
  };
}
