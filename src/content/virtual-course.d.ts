// Made by the content compiler (scripts/content/vite-plugin.ts) at build time.
declare module 'virtual:berdaya/course' {
  export const manifest: import('./types.ts').CourseManifest;
  export function loadModuleText(moduleId: string, lang: import('./types.ts').Lang): Promise<import('./types.ts').ModuleText>;
  export function loadWelcome(lang: import('./types.ts').Lang): Promise<import('./types.ts').WelcomeText>;
  export function loadReference(kind: 'glossary', lang: import('./types.ts').Lang): Promise<import('./types.ts').GlossaryEntry[]>;
  export function loadReference(kind: 'facilitator', lang: import('./types.ts').Lang): Promise<Record<string, import('./types.ts').FacilitatorText>>;
}

// What trainers pick scenarios by, per item code (class mode only; a chunk of its own).
declare module 'virtual:berdaya/facts' {
  const facts: Record<string, import('./types.ts').ItemFacts>;
  export default facts;
}

// Each item's id as its author wrote it, per item code (the LMS tracker only; a chunk of its own).
declare module 'virtual:berdaya/item-ids' {
  const ids: Record<string, string>;
  export default ids;
}
