import path from 'node:path';
import type { Plugin } from 'vite';
import { compactItem } from '../../src/content/compact-item.ts';
import { compileContent, ContentError, type CompiledCourse } from './compile.ts';
import { compactModuleText } from './compact-text.ts';

const COURSE_ID = 'virtual:berdaya/course';
const TEXT_PREFIX = 'virtual:berdaya/text/';
const FACTS_ID = 'virtual:berdaya/facts';
const ITEM_IDS_ID = 'virtual:berdaya/item-ids';
// The "\0" prefix marks virtual modules for other plugins; the text id's last segment names its chunk.
const resolved = (id: string) => `\0${id}`;

/**
 * Compiles lessons/ at build time. `virtual:berdaya/course` exports the small manifest and a loader;
 * each module's text in each language becomes its own lazily loaded chunk.
 */
export function berdayaContent(lessonsDir = 'lessons'): Plugin {
  lessonsDir = path.resolve(lessonsDir);
  let compiled: CompiledCourse | undefined;
  const compile = () => (compiled ??= compileContent(lessonsDir));

  return {
    name: 'berdaya-content',
    resolveId(id) {
      if (id === COURSE_ID || id === FACTS_ID || id === ITEM_IDS_ID || id.startsWith(TEXT_PREFIX)) return resolved(id);
    },
    load(id) {
      if (!id.startsWith('\0virtual:berdaya/')) return;
      let course: CompiledCourse;
      try {
        course = compile();
      } catch (error) {
        // The same report as `npm run content:check` (which `npm run build` runs first, without a stack).
        if (error instanceof ContentError) this.error(error.message);
        this.error(`The lesson files could not be compiled: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (id === resolved(COURSE_ID)) {
        const loaders = course.manifest.modules
          .map((m) => `${JSON.stringify(m.id)}: { id: () => import(${JSON.stringify(`${TEXT_PREFIX}${m.id}.id.js`)}), en: () => import(${JSON.stringify(`${TEXT_PREFIX}${m.id}.en.js`)}) }`)
          .join(',\n');
        // Items go out compact (src/content/compact-item.ts) and are expanded once at start-up.
        const modules = course.manifest.modules.map((m) => ({ ...m, items: m.items.map(compactItem) }));
        return [
          `import { expandItem } from ${JSON.stringify(path.resolve('src/content/compact-item.ts'))};`,
          `const course = ${JSON.stringify({ ...course.manifest, modules })};`,
          'export const manifest = { ...course, modules: course.modules.map((m) => ({ ...m, items: m.items.map(expandItem) })) };',
          `const loaders = {\n${loaders}\n};`,
          // A module's text goes out compact too (src/content/compact-text.ts), expanded when it loads;
          // the expansion loads with the first module's text, not with the app.
          `const expanding = () => import(${JSON.stringify(path.resolve('src/content/compact-text.ts'))});`,
          'export const loadModuleText = async (moduleId, lang) => {',
          '  const [text, { expandModuleText }] = await Promise.all([loaders[moduleId][lang](), expanding()]);',
          '  return expandModuleText(text.default, manifest.modules.find((m) => m.id === moduleId));',
          '};',
          `const reference = { glossary: { id: () => import("${TEXT_PREFIX}glossary.id.js"), en: () => import("${TEXT_PREFIX}glossary.en.js") }, facilitator: { id: () => import("${TEXT_PREFIX}facilitator.id.js"), en: () => import("${TEXT_PREFIX}facilitator.en.js") } };`,
          'export const loadReference = (kind, lang) => reference[kind][lang]().then((m) => m.default);',
          // The default language's welcome text ships with the app; the other loads when needed.
          `import welcomeId from "${TEXT_PREFIX}welcome.id.js";`,
          `const welcome = { id: async () => welcomeId, en: () => import("${TEXT_PREFIX}welcome.en.js").then((m) => m.default) };`,
          'export const loadWelcome = (lang) => welcome[lang]();',
        ].join('\n');
      }
      // Only class mode (src/trainer/) picks scenarios by difficulty, tags or contrast set: it imports this itself.
      if (id === resolved(FACTS_ID)) return `export default JSON.parse(${JSON.stringify(JSON.stringify(course.facts))});`;
      // Only the LMS tracker names items in reports by their authors' ids: it imports this itself.
      if (id === resolved(ITEM_IDS_ID)) {
        const ids = Object.fromEntries(course.manifest.modules.flatMap((m) => m.items.map((item) => [item.code, item.id])));
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(ids))});`;
      }
      const [moduleId, lang] = splitTextId(id.slice(resolved(TEXT_PREFIX).length)) as [string, 'id' | 'en'];
      // Glossary and trainers' notes are chunks of their own; module ids never clash (they have a number).
      const special = { glossary: course.glossary, facilitator: course.facilitator, welcome: course.welcome } as const;
      const text = moduleId in special ? special[moduleId as keyof typeof special][lang] : course.texts[moduleId]?.[lang];
      if (!text) this.error(`Unknown lesson chunk ${moduleId}.${lang}`);
      // A module's items follow the manifest's order; the browser keys them by code (compact-text.ts).
      const module = course.manifest.modules.find((m) => m.id === moduleId);
      const shipped = module ? compactModuleText(course.texts[moduleId][lang], module) : text;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(shipped))});`;
    },
    configureServer(server) {
      server.watcher.add(lessonsDir);
      server.watcher.on('all', (_event, file) => {
        if (!file.startsWith(lessonsDir)) return;
        compiled = undefined;
        for (const id of [...server.moduleGraph.idToModuleMap.keys()]) {
          if (id.startsWith('\0virtual:berdaya/')) {
            const mod = server.moduleGraph.getModuleById(id);
            if (mod) server.moduleGraph.invalidateModule(mod);
          }
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}

/** "01-welfare-mandate.id.js" → ["01-welfare-mandate", "id"] */
function splitTextId(rest: string): [string, string] {
  rest = rest.replace(/\.js$/, '');
  const dot = rest.lastIndexOf('.');
  return [rest.slice(0, dot), rest.slice(dot + 1)];
}
