/**
 * One learner's results as the trainer's cohort view sees them, whatever they came from: a results
 * file or text block the learner shared (src/results/results-format.ts), or a row group of Moodle's
 * SCORM interactions report (src/trainer/moodle-report.ts). Ids and numbers only, never lesson text.
 */
export interface LearnerResults {
  /** The name or code the learner typed for their trainer (plain text, never rendered as HTML). */
  learner: string;
  courseId: string;
  courseVersion: string;
  /** When the results were made or, for a Moodle report, the latest activity: ISO 8601. */
  date: string;
  /** Item id → the first and the latest response the learner gave, in the Progress record's encoding. */
  responses: Record<string, { first: string; latest: string }>;
  /** Module id → best percent. */
  modules: Record<string, number>;
  final: { score: number; passed: boolean } | null;
  /** Item ids in the source that the current course no longer has: counted and named, not dropped silently. */
  unknownItems: string[];
  /**
   * Modules whose best score the source holds but the current course no longer has (their ids; a
   * text block carries only module codes, so those): named too, their scores not counted.
   */
  unknownModules: string[];
  /** Where it came from, shown when learners are merged or a source is skipped. */
  source: { kind: 'file' | 'text' | 'moodle'; name: string };
}

/** Why a source (a file, a pasted block, a Moodle report) was skipped; the cohort view words each in the trainer's language. */
export type IntakeProblem =
  | 'notResults' // neither a results file/block nor a Moodle report
  | 'otherCourse' // results of another course
  | 'newerVersion' // written by a newer results format than this course reads
  | 'damaged' // checksum or structure does not match: truncated or hand-edited
  | 'tooLarge' // over the size the browser will read (MAX_INTAKE_BYTES)
  | 'empty'
  | 'moodleScorm2004' // a report of the SCORM 2004 package: upload the 1.2 zip instead
  | 'moodleNoResponses' // the report lacks the response column: tick "Student response" (and "Interaction ID")
  | 'moodleOtherPackage' // no interaction id of this course
  | 'unknownColumns'; // a table whose columns are none of the known ones

export interface SkippedSource {
  name: string;
  problem: IntakeProblem;
}

/** What reading a set of files or a paste yields: the learners found and the sources skipped, with why. */
export interface Intake {
  learners: LearnerResults[];
  skipped: SkippedSource[];
}

/** Larger files are refused before they are read (a results file is a few KB; a Moodle report of 300 × 60 rows is a few MB). */
export const MAX_INTAKE_BYTES = 20 * 1024 * 1024;
