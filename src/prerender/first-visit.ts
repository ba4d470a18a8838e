import type { CourseManifest } from '../content/types.ts';
import { createProgress, type Progress } from '../course/progress.ts';

/**
 * True when the record is a new learner's (nothing answered, opened or scheduled; the language
 * aside): then the welcome screen is exactly the one the build prerendered in that language.
 */
export function isFirstVisit(progress: Progress, manifest: CourseManifest): boolean {
  const fresh = createProgress(manifest);
  return (Object.keys(fresh) as (keyof Progress)[]).every((key) => key === 'lang' || JSON.stringify(progress[key]) === JSON.stringify(fresh[key]));
}
