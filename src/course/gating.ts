import type { CourseManifest } from '../content/types.ts';
import type { Progress } from './progress.ts';

/** Gating rule: in strict courses a module opens once the one before it is mastered. */
export function isModuleUnlocked(manifest: CourseManifest, progress: Progress, moduleId: string): boolean {
  const index = manifest.modules.findIndex((m) => m.id === moduleId);
  if (index < 0) return false;
  if (manifest.gating === 'open' || index === 0) return true;
  const previous = progress.modules[manifest.modules[index - 1].id];
  return (previous?.best ?? 0) >= manifest.mastery;
}
