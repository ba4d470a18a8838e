import type { CourseManifest } from '../content/types.ts';
import { decodeProgress } from '../course/progress-codec.ts';
import type { Progress } from '../course/progress.ts';
import { findScormApi, type Scorm12Api } from '../tracking/scorm/find-api.ts';

/**
 * Kolibri's SCORM 1.2 shim turns what it stores into one progress figure (0–1): the score when
 * there is one (raw / max), else the status (`passed` 1; `failed`, `incomplete` 0.5; `completed`
 * is ignored). The course's final-assessment score is not progress through the course, so the
 * Kolibri build reports progress in the score: the share of modules mastered, 100 once every module
 * is mastered or the final assessment is passed. Everything else reaches Kolibri unchanged.
 */
export function progressShare(progress: Progress, manifest: CourseManifest): number {
  if (progress.final?.passed) return 1;
  const mastered = manifest.modules.filter((m) => (progress.modules[m.id]?.best ?? -1) >= manifest.mastery).length;
  return manifest.modules.length ? mastered / manifest.modules.length : 0;
}

/** The API the tracker talks to in Kolibri: the course's own score stays out, progress goes in. */
export function kolibriApi(api: Scorm12Api, manifest: CourseManifest): Scorm12Api {
  let reported = '';
  /** Progress from suspend data (the course's saved record); from the start, so it never jumps back. */
  const report = (suspend: string) => {
    const decoded = suspend ? decodeProgress(suspend, manifest) : null;
    const percent = decoded === null ? '0' : decoded.ok ? String(Math.round(progressShare(decoded.progress, manifest) * 100)) : reported;
    if (!percent || percent === reported) return;
    api.LMSSetValue('cmi.core.score.min', '0');
    api.LMSSetValue('cmi.core.score.max', '100');
    if (String(api.LMSSetValue('cmi.core.score.raw', percent)) === 'true') reported = percent;
  };
  return {
    LMSInitialize(p) {
      const result = api.LMSInitialize(p);
      if (String(result) === 'true') report(String(api.LMSGetValue('cmi.suspend_data') ?? ''));
      return result;
    },
    LMSFinish: (p) => api.LMSFinish(p),
    LMSGetValue: (element) => api.LMSGetValue(element),
    LMSCommit: (p) => api.LMSCommit(p),
    LMSGetLastError: () => api.LMSGetLastError(),
    LMSSetValue(element, value) {
      // The course's own score is not what Kolibri shows; progress goes there instead (above).
      if (element.startsWith('cmi.core.score.')) return 'true';
      const result = api.LMSSetValue(element, value);
      if (element === 'cmi.suspend_data' && String(result) === 'true') report(value);
      return result;
    },
  };
}

/** In the Kolibri build, before the course looks for an LMS: put the progress-reporting API in front. */
export function reportProgressToKolibri(win: Window, manifest: CourseManifest) {
  const found = findScormApi(win);
  if (found?.version !== '1.2') return;
  (win as unknown as { API: Scorm12Api }).API = kolibriApi(found.api, manifest);
}
