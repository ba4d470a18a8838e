declare module 'virtual:berdaya/course' {
  import type { CourseManifest, Lang, ModuleText } from './types.ts';
  export const manifest: CourseManifest;
  export function loadModuleText(moduleId: string, lang: Lang): Promise<ModuleText>;
}
