import type { CourseManifest } from '../content/types.ts';
import { MAX_INTAKE_BYTES, type Intake, type IntakeProblem, type LearnerResults, type SkippedSource } from '../results/learner-results.ts';

/**
 * The readers the cohort view brings results in with: the results file/text format
 * (src/results/results-format.ts) and Moodle's interactions report (src/trainer/moodle-report.ts).
 * Passed in rather than imported, so the routing below is tested with small stand-ins and the view
 * is handed the real ones in one place (cohort-view.tsx).
 */
export interface Readers {
  decodeResults: (text: string, sourceName: string, manifest: CourseManifest) => { learner: LearnerResults } | { problem: IntakeProblem };
  findResultBlocks: (pasted: string) => string[];
  readMoodleReport: (text: string, fileName: string, manifest: CourseManifest, lastModified?: number) => Intake;
  looksLikeMoodleReport: (text: string) => boolean;
}

/**
 * What the intake needs of a chosen or dropped file (a browser File has all of it). A chosen File's
 * `size` and `lastModified` are looked up on disk when first asked for, one blocking round trip to
 * the browser per file (in Chromium): a class of 300 files spent a fifth of a second on sizes alone
 * before reading began. So a file is read as a stream that stops at the size limit, and its date is
 * asked for only when it is a Moodle report (which dates undated rows by it).
 */
export interface SourceFile {
  name: string;
  size: number;
  lastModified?: number;
  text: () => Promise<string>;
  /** Every current browser has it; without it (an older browser, jsdom) the size is checked before `text()`. */
  stream?: () => ReadableStream<Uint8Array>;
}

const join = (intakes: readonly Intake[]): Intake => ({ learners: intakes.flatMap((i) => i.learners), skipped: intakes.flatMap((i) => i.skipped) });
const skip = (name: string, problem: IntakeProblem): Intake => ({ learners: [], skipped: [{ name, problem }] });

/**
 * One source's text: a Moodle report, one results file or block, or text holding several blocks (a
 * chat export saved as a file or pasted). `kind` is where it came from, kept on each learner found.
 */
function readText(text: string, name: string, kind: 'file' | 'text', manifest: CourseManifest, readers: Readers, lastModified?: () => number | undefined): Intake {
  if (!text.trim()) return skip(name, 'empty');
  if (readers.looksLikeMoodleReport(text)) return readers.readMoodleReport(text, name, manifest, lastModified?.());
  // Several blocks (a chat export): each is read on its own. Otherwise the text is one file or block.
  const blocks = readers.findResultBlocks(text);
  if (blocks.length <= 1) {
    const whole = readers.decodeResults(text, name, manifest);
    return 'learner' in whole ? { learners: [{ ...whole.learner, source: { kind, name } }], skipped: [] } : skip(name, whole.problem);
  }
  return join(blocks.map((block, i) => {
    const blockName = `${name} (${i + 1})`;
    const read = readers.decodeResults(block, blockName, manifest);
    return 'learner' in read ? { learners: [{ ...read.learner, source: { kind, name: blockName } }], skipped: [] } : skip(blockName, read.problem);
  }));
}

/** A file's text as UTF-8 (a byte order mark dropped, as `Blob.text()` does), or null once it passes MAX_INTAKE_BYTES. */
async function readCapped(file: SourceFile): Promise<string | null> {
  if (!file.stream) return file.size > MAX_INTAKE_BYTES ? null : file.text();
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let bytes = 0; ; ) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > MAX_INTAKE_BYTES) {
      // The rest is never read; a failure to stop reading changes nothing for the trainer.
      reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * Reads many files at once, each on its own: one bad file is listed with its reason and the rest
 * load. A file is read no further than MAX_INTAKE_BYTES.
 */
export async function readFiles(files: readonly SourceFile[], manifest: CourseManifest, readers: Readers): Promise<Intake> {
  return join(await Promise.all(files.map(async (file) => {
    let text: string | null;
    try {
      text = await readCapped(file);
    } catch {
      return skip(file.name, 'damaged');
    }
    if (text === null) return skip(file.name, 'tooLarge');
    return readText(text, file.name, 'file', manifest, readers, () => file.lastModified);
  })));
}

/**
 * Reads pasted text: many results blocks, a whole chat export (only the blocks count, the chat
 * around them is ignored), or a pasted Moodle report. `name` says what to call the paste in lists.
 */
export function readPaste(text: string, name: string, manifest: CourseManifest, readers: Readers): Intake {
  if (text.length > MAX_INTAKE_BYTES) return skip(name, 'tooLarge');
  return readText(text, name, 'text', manifest, readers);
}

/** One learner after merging every source found for them. */
export interface CohortLearner extends LearnerResults {
  /** Every source merged into this learner, oldest first (one when not merged). */
  sources: LearnerResults['source'][];
}

/** Names that differ only in case, spacing or Unicode form are one learner. */
export const learnerKey = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');

const time = (date: string) => {
  const t = Date.parse(date);
  return Number.isNaN(t) ? -Infinity : t;
};

const betterFinal = (a: LearnerResults['final'], b: LearnerResults['final']) =>
  !a ? b : !b ? a : (b.passed && !a.passed) || (b.passed === a.passed && b.score > a.score) ? b : a;

/**
 * Merges the sources of each learner (same name or code, see learnerKey): per item the newest
 * source's answers win (by `date`); module bests and the final keep the best; unknown items and
 * modules are the union. Learners keep the order they first appear in.
 */
export function mergeLearners(found: readonly LearnerResults[]): CohortLearner[] {
  const groups = new Map<string, LearnerResults[]>();
  for (const learner of found) {
    const key = learnerKey(learner.learner);
    const group = groups.get(key);
    if (group) group.push(learner);
    else groups.set(key, [learner]);
  }
  return [...groups.values()].map((group) => {
    const ordered = group.length === 1 ? group : [...group].sort((a, b) => time(a.date) - time(b.date));
    const newest = ordered[ordered.length - 1];
    if (ordered.length === 1) return { ...newest, sources: [newest.source] };
    const modules: Record<string, number> = {};
    for (const s of ordered) for (const [id, best] of Object.entries(s.modules)) modules[id] = Math.max(modules[id] ?? 0, best);
    return {
      ...newest,
      responses: Object.assign({}, ...ordered.map((s) => s.responses)) as LearnerResults['responses'],
      modules,
      final: ordered.reduce<LearnerResults['final']>((best, s) => betterFinal(best, s.final), null),
      unknownItems: [...new Set(ordered.flatMap((s) => s.unknownItems))],
      unknownModules: [...new Set(ordered.flatMap((s) => s.unknownModules))],
      sources: ordered.map((s) => s.source),
    };
  });
}

/** Everything brought in so far, with what was skipped; a new intake adds to it. */
export interface Cohort {
  found: LearnerResults[];
  skipped: SkippedSource[];
}

export const addIntake = (cohort: Cohort, intake: Intake): Cohort => ({ found: [...cohort.found, ...intake.learners], skipped: [...cohort.skipped, ...intake.skipped] });
