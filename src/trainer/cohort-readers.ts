import { decodeResults, findResultBlocks } from '../results/results-format.ts';
import type { Readers } from './cohort-intake.ts';
import { looksLikeMoodleReport, readMoodleReport } from './moodle-report.ts';

/** What the cohort view reads sources with: learners' results files and blocks, and Moodle's interactions report. */
export const readers: Readers = {
  decodeResults,
  findResultBlocks,
  readMoodleReport: (text, fileName, manifest, lastModified) =>
    readMoodleReport(text, fileName, manifest, lastModified === undefined ? undefined : new Date(lastModified)),
  looksLikeMoodleReport,
};
