import type { CourseManifest } from '../content/types.ts';
import type { IntakeProblem, LearnerResults } from '../results/learner-results.ts';
import type { Readers } from './cohort-intake.ts';

/*
 * PLACEHOLDER READERS, to be replaced when the results format and the Moodle report parser land:
 * this module should then only say
 *   export const readers: Readers = { decodeResults, findResultBlocks, readMoodleReport, looksLikeMoodleReport };
 * importing them from '../results/results-format.ts' and './moodle-report.ts'.
 * Until then it reads a LearnerResults object written as one line of JSON (what the browser tests'
 * fixture helper writes), so the cohort view can be built and tested end to end.
 */

const BLOCK = /\{"learner":.*\}(?=\s*$)/gm;

function decodeResults(text: string, sourceName: string, manifest: CourseManifest): { learner: LearnerResults } | { problem: IntakeProblem } {
  let raw: Partial<LearnerResults>;
  try {
    raw = JSON.parse(text) as Partial<LearnerResults>;
  } catch {
    return { problem: 'notResults' };
  }
  if (typeof raw !== 'object' || raw === null || typeof raw.learner !== 'string' || typeof raw.responses !== 'object' || raw.responses === null) return { problem: 'notResults' };
  if (raw.courseId !== manifest.id) return { problem: 'otherCourse' };
  const codes = new Set(manifest.modules.flatMap((m) => m.items.map((item) => item.code)));
  const responses = Object.fromEntries(Object.entries(raw.responses).filter(([code]) => codes.has(code)));
  return {
    learner: {
      learner: raw.learner,
      courseId: raw.courseId,
      courseVersion: String(raw.courseVersion ?? ''),
      date: String(raw.date ?? ''),
      responses,
      modules: raw.modules ?? {},
      final: raw.final ?? null,
      unknownItems: Object.keys(raw.responses).filter((code) => !codes.has(code)),
      source: { kind: 'file', name: sourceName },
    },
  };
}

export const readers: Readers = {
  decodeResults,
  findResultBlocks: (pasted) => pasted.match(BLOCK) ?? [],
  readMoodleReport: (_text, fileName) => ({ learners: [], skipped: [{ name: fileName, problem: 'notResults' }] }),
  looksLikeMoodleReport: () => false,
};
