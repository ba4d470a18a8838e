import type { CourseManifest, ItemSpec } from '../content/types.ts';
import { courseModules } from '../course/final-assessment.ts';
import { formatVersion, type Progress } from '../course/progress.ts';
import { fnv1a, shortId } from '../course/short-id.ts';
import { isValidResponse } from '../quiz/scoring.ts';
import { readProgressFile, type ImportError } from '../tracking/progress-file.ts';
import { MAX_INTAKE_BYTES, type Intake, type IntakeProblem, type LearnerResults } from './learner-results.ts';

/**
 * What a learner sends their trainer: the results file (pretty JSON, to download or share) and the
 * same results as a text block that fits one chat message. Ids and numbers only, never lesson text.
 *
 * The text block (format 1), e.g.
 *
 *   BERDAYA-HASIL v1 berdaya 0.3.0
 *   Siti+Aminah;mz3k1a;0k3ab85,x1y2z100;80.1;k3x9a5p0c2x0…;7hq2m0121.0120,…
 *   BERDAYA-HASIL-SELESAI 1a2b3c4
 *
 * First line: format version, course id and version. Then the body, fields joined by `;`:
 * name (letters, digits, `.` and `-` as they are, a space as `+`, other ASCII as %XX, UTF-8),
 * date (minutes since 1970 UTC, base 36), modules (`<module code><best %>`, comma-separated),
 * final (`<score>.<passed 0|1>` or nothing), single questions (`<item code><pair>` with no
 * separator, pair = first option index × 6 + latest option index, one base-36 character), sorts
 * and cases (`<item code><first response>.<latest response>`, comma-separated). Codes are those of
 * src/course/short-id.ts. The last line holds the checksum: FNV-1a of the first line, a newline
 * and the body, base 36, seven characters.
 *
 * Whitespace in the body means nothing, so a chat app may re-wrap or join the lines; the body uses
 * no character a chat app turns into formatting (`*`, `_`, `~`, backquotes). Lines may carry chat
 * export prefixes ("[07/12/26 14.03] Budi: ") and quote marks: they are removed before reading.
 */
export const RESULTS_FILE_TYPE = 'berdaya-results';
export const RESULTS_FORMAT = 1;
/** A name or code longer than this is cut (the block must stay one chat message). */
export const MAX_NAME_LENGTH = 60;
/** The promise for a learner who has done everything: the block fits one chat message. */
export const MAX_BLOCK_CHARS = 1500;

const HEADER = 'BERDAYA-HASIL';
const END = 'BERDAYA-HASIL-SELESAI';
const LINE = 60;
/** Single questions have at most this many options, so a (first, latest) pair is one base-36 character. */
const PAIR = 6;

export interface Response {
  first: string;
  latest: string;
}

/** The results file, as written to JSON. Item responses are keyed by item code. */
export interface ResultsFile {
  format: typeof RESULTS_FILE_TYPE;
  v: number;
  course: string;
  courseVersion: string;
  learner: string;
  /** ISO 8601, to the minute (what the text block keeps too). */
  date: string;
  responses: Record<string, Response>;
  /** Module id → best percent. */
  modules: Record<string, number>;
  final: { score: number; passed: boolean } | null;
  /** Catches truncated or hand-edited files; not a security measure. */
  check: string;
}

type Decoded = { learner: LearnerResults } | { problem: IntakeProblem };

const hash = (text: string) => fnv1a(text).toString(36).padStart(7, '0');

/** The name as plain text on one line: no control characters, spaces collapsed, at most MAX_NAME_LENGTH characters. */
export function cleanName(name: string): string {
  // A file may hold a name of megabytes: only its start can matter.
  const oneLine = name.slice(0, MAX_NAME_LENGTH * 8).normalize('NFC').replace(/\s+/gu, ' ').replace(/\p{C}/gu, '').trim();
  return [...oneLine].slice(0, MAX_NAME_LENGTH).join('').trim();
}

const byCode = new WeakMap<CourseManifest, Map<string, ItemSpec>>();

/** Every item the learner can have answered, by code (built once per course: a class brings in hundreds of files). */
function itemsByCode(manifest: CourseManifest): Map<string, ItemSpec> {
  let items = byCode.get(manifest);
  if (!items) byCode.set(manifest, (items = new Map(courseModules(manifest).flatMap((m) => m.items.map((i) => [i.code, i] as const)))));
  return items;
}

const toMinute = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString();

/**
 * A record's entries in the order `Array.prototype.sort()` gives them (by their text,
 * `String(entry)`, which starts with the key and a comma): the order the checksum is taken in.
 */
function sortedEntries<V, E extends unknown[]>(record: Record<string, V>, entry: (key: string, value: V) => E): E[] {
  const keys = Object.keys(record);
  // Distinct keys of one length (item codes) differ before the comma, so they alone give the order.
  if (keys.every((key) => key.length === keys[0].length)) return keys.sort().map((key) => entry(key, record[key]));
  return keys
    .map((key) => {
      const e = entry(key, record[key]);
      return { e, text: String(e) };
    })
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map(({ e }) => e);
}

const fileCheck = (file: Omit<ResultsFile, 'check'>) =>
  hash(JSON.stringify([
    file.format, file.v, file.course, file.courseVersion, file.learner, file.date,
    sortedEntries(file.responses, (code, r) => [code, r.first, r.latest]),
    sortedEntries(file.modules, (id, best) => [id, best]),
    file.final && [file.final.score, file.final.passed],
  ]));

/** The results file of a learner's Progress record: the first and latest response kept per item, best module scores, the final. */
export function makeResults(progress: Progress, manifest: CourseManifest, learner: string, date: Date): ResultsFile {
  const items = new Map(courseModules(manifest).flatMap((m) => m.items.map((i) => [i.id, i] as const)));
  const responses: Record<string, Response> = {};
  for (const [id, attempts] of Object.entries(progress.answers)) {
    const item = items.get(id);
    if (item && attempts.length) responses[item.code] = { first: attempts[0], latest: attempts.at(-1)! };
  }
  const modules: Record<string, number> = {};
  for (const m of manifest.modules) {
    const best = progress.modules[m.id]?.best;
    if (best !== undefined) modules[m.id] = best;
  }
  const file: Omit<ResultsFile, 'check'> = {
    format: RESULTS_FILE_TYPE,
    v: RESULTS_FORMAT,
    course: manifest.id,
    courseVersion: manifest.version,
    learner: cleanName(learner),
    date: toMinute(date),
    responses,
    modules,
    final: progress.final && { score: progress.final.score, passed: progress.final.passed },
  };
  return { ...file, check: fileCheck(file) };
}

/** Whether results hold anything a trainer can count. */
export const hasResults = (results: Pick<ResultsFile, 'responses' | 'modules' | 'final'>) =>
  Object.keys(results.responses).length > 0 || Object.keys(results.modules).length > 0 || results.final !== null;

export const resultsFileText = (results: ResultsFile) => `${JSON.stringify(results, null, 2)}\n`;

/** A file name a trainer can tell apart from the other learners' files. */
export function resultsFileName(results: ResultsFile): string {
  const who = results.learner.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 30);
  return `${results.course}-results-${who ? `${who}-` : ''}${results.date.slice(0, 10)}.json`;
}

const encodeName = (name: string) =>
  [...name].map((c) => (/[A-Za-z0-9.-]/.test(c) || c.charCodeAt(0) > 0x7f ? c : c === ' ' ? '+' : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/** The results as a text block for one chat message (format above). */
export function resultsBlock(results: ResultsFile, manifest: CourseManifest): string {
  const items = itemsByCode(manifest);
  const singles: string[] = [];
  const parts: string[] = [];
  for (const [code, { first, latest }] of Object.entries(results.responses)) {
    const item = items.get(code);
    if (!item) continue;
    if (item.parts) parts.push(`${code}${first}.${latest}`);
    else singles.push(code + (item.options.indexOf(first) * PAIR + item.options.indexOf(latest)).toString(36));
  }
  const header = `${HEADER} v${results.v} ${results.course} ${results.courseVersion}`;
  const body = [
    encodeName(results.learner),
    (Date.parse(results.date) / 60_000).toString(36),
    Object.entries(results.modules).map(([id, best]) => `${shortId(id)}${best}`).join(','),
    results.final ? `${results.final.score}.${results.final.passed ? 1 : 0}` : '',
    singles.join(''),
    parts.join(','),
  ].join(';');
  const lines = body.match(new RegExp(`.{1,${LINE}}`, 'gu')) ?? [];
  return [header, ...lines, `${END} ${hash(`${header}\n${body}`)}`].join('\n');
}

/**
 * What chat apps put before a line of a message in an export or a copy: WhatsApp's
 * "[07/12/26 14.03] Budi: " (iOS, often after an invisible mark) and "07/12/26, 14:03 - Budi: "
 * (Android), Telegram's "[07.12.26 14:03] Budi: ", and quote marks ("> ").
 */
const CHAT_PREFIX =
  /^[\s\p{Cf}]*(?:\[?\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?\]?\s*(?:-\s+)?(?:[^:\n]{1,80}?:\s)?)?(?:>\s?)*/u;

const stripChatPrefixes = (text: string) => text.split(/\r\n|\r|\n/).map((line) => line.replace(CHAT_PREFIX, '')).join('\n');

const HEADER_AT = new RegExp(`${HEADER}\\s+v(\\d{1,6})(?!\\S)`, 'g');
// A narrow re-wrap may break the checksum itself across lines.
const END_AT = new RegExp(`${END}\\s+((?:[0-9a-z]\\s*){6}[0-9a-z])(?!\\S)`);

/**
 * Every results block in a paste (a whole chat export may be pasted): from its first line to its
 * end line, chat prefixes removed. A block cut short (no end line before the next block or the
 * end of the paste) is returned too: reading it says it is damaged. Everything else is ignored.
 */
export function findResultBlocks(pasted: string): string[] {
  // Most sources hold no block at all (results files, progress files): no need to read them line by line.
  if (!pasted.includes(HEADER)) return [];
  const text = stripChatPrefixes(pasted);
  const starts = [...text.matchAll(HEADER_AT)].map((m) => m.index);
  return starts.map((start, n) => {
    const until = text.slice(start, starts[n + 1] ?? text.length);
    const end = END_AT.exec(until);
    return (end ? until.slice(0, end.index + end[0].length) : until).trim();
  });
}

/**
 * Reads one source: a results file (JSON), a learner's progress file, or text holding a results
 * block (the first one; `readResults` reads them all). Every way it can fail has a problem.
 */
export function decodeResults(text: string, sourceName: string, manifest: CourseManifest): Decoded {
  if (text.length > MAX_INTAKE_BYTES) return { problem: 'tooLarge' };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { problem: 'empty' };
  if (trimmed.startsWith('{')) return decodeFile(trimmed, sourceName, manifest);
  const [block] = findResultBlocks(trimmed);
  return block === undefined ? { problem: 'notResults' } : decodeBlock(block, sourceName, manifest);
}

/** Reads a file or a paste holding any number of results blocks: the learners found and what was skipped, with why. */
export function readResults(text: string, sourceName: string, manifest: CourseManifest): Intake {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const blocks = trimmed.startsWith('{') || text.length > MAX_INTAKE_BYTES ? [] : findResultBlocks(trimmed);
  const sources = blocks.length > 1 ? blocks.map((block, n) => [block, `${sourceName} (${n + 1})`] as const) : [[text, sourceName] as const];
  const intake: Intake = { learners: [], skipped: [] };
  for (const [source, name] of sources) {
    const decoded = blocks.length > 1 ? decodeBlock(source, name, manifest) : decodeResults(source, name, manifest);
    if ('learner' in decoded) intake.learners.push(decoded.learner);
    else intake.skipped.push({ name, problem: decoded.problem });
  }
  return intake;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPercent = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 100;

function decodeFile(text: string, sourceName: string, manifest: CourseManifest): Decoded {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // A results file cut short or broken by hand is damaged; anything else is not ours.
    return { problem: text.includes(RESULTS_FILE_TYPE) ? 'damaged' : 'notResults' };
  }
  if (isRecord(data) && data.type === 'berdaya-progress') return fromProgressFile(text, sourceName, manifest);
  if (!isRecord(data) || data.format !== RESULTS_FILE_TYPE) return { problem: 'notResults' };
  const version = formatVersion(data.v);
  if (version === null) return { problem: 'damaged' };
  if (version > RESULTS_FORMAT) return { problem: 'newerVersion' };
  if (data.course !== manifest.id) return { problem: 'otherCourse' };
  const { responses, modules, final } = data;
  const valid =
    typeof data.courseVersion === 'string' && typeof data.learner === 'string' && typeof data.date === 'string' && !Number.isNaN(Date.parse(data.date)) &&
    isRecord(responses) && Object.values(responses).every((r) => isRecord(r) && typeof r.first === 'string' && typeof r.latest === 'string') &&
    isRecord(modules) && Object.values(modules).every(isPercent) &&
    (final === null || (isRecord(final) && isPercent(final.score) && typeof final.passed === 'boolean'));
  if (!valid) return { problem: 'damaged' };
  const file = data as unknown as ResultsFile;
  const { check, ...rest } = file;
  if (check !== fileCheck({ ...rest, v: RESULTS_FORMAT })) return { problem: 'damaged' };
  return fitResults(file, { kind: 'file', name: sourceName }, manifest);
}

/**
 * Fits what a source holds to the current course: responses it cannot read are named in
 * `unknownItems`, best scores of modules it no longer has in `unknownModules`.
 */
function fitResults(file: Omit<ResultsFile, 'check' | 'format' | 'v'>, source: LearnerResults['source'], manifest: CourseManifest): Decoded {
  const items = itemsByCode(manifest);
  const known: [string, Response][] = [];
  const unknownItems: string[] = [];
  let keyedById = true;
  for (const code of Object.keys(file.responses)) {
    const response = file.responses[code];
    const item = items.get(code);
    if (item && isValidResponse(item, response.first) && (response.latest === response.first || isValidResponse(item, response.latest))) {
      known.push([item.id, response]);
      keyedById &&= item.id === code;
    } else unknownItems.push(code);
  }
  // In the browser an item's id is its code: a file whose every response is known keeps its own
  // record (read fresh from the file), rather than a copy built key by key for each of 300 files.
  const responses: LearnerResults['responses'] = keyedById && !unknownItems.length ? file.responses : Object.fromEntries(known);
  const modules: Record<string, number> = {};
  const unknownModules: string[] = [];
  for (const [id, best] of Object.entries(file.modules)) {
    if (manifest.modules.some((m) => m.id === id)) modules[id] = best;
    else unknownModules.push(id);
  }
  const final = file.final && { score: file.final.score, passed: file.final.passed };
  if (!hasResults({ responses, modules, final }) && !unknownItems.length && !unknownModules.length) return { problem: 'empty' };
  return {
    learner: {
      learner: cleanName(file.learner), courseId: file.course, courseVersion: file.courseVersion, date: file.date,
      responses, modules, final, unknownItems, unknownModules, source,
    },
  };
}

const PROGRESS_PROBLEMS: Record<ImportError, IntakeProblem> = {
  tooLarge: 'tooLarge', notProgress: 'notResults', otherCourse: 'otherCourse', tampered: 'damaged', unreadable: 'damaged', future: 'newerVersion',
};

/** A learner's progress file carries no name: the file's name stands for it. */
function fromProgressFile(text: string, sourceName: string, manifest: CourseManifest): Decoded {
  const read = readProgressFile(text, manifest);
  if (!read.ok) return { problem: PROGRESS_PROBLEMS[read.error] };
  const results = makeResults(read.progress, manifest, sourceName.replace(/\.json$/i, ''), new Date(read.summary.exportedAt));
  return fitResults(results, { kind: 'file', name: sourceName }, manifest);
}

function decodeBlock(block: string, sourceName: string, manifest: CourseManifest): Decoded {
  const header = new RegExp(`^${HEADER}\\s+v(\\d{1,6})(?:\\s+(\\S+)\\s+(\\S+))?`).exec(block);
  if (!header) return { problem: 'notResults' };
  const version = formatVersion(header[1]);
  if (version === null) return { problem: 'damaged' };
  if (version > RESULTS_FORMAT) return { problem: 'newerVersion' };
  const [, , course, courseVersion] = header;
  if (course === undefined || courseVersion === undefined) return { problem: 'damaged' };
  if (course !== manifest.id) return { problem: 'otherCourse' };
  const end = END_AT.exec(block);
  if (!end) return { problem: 'damaged' };
  const body = block.slice(header[0].length, end.index).replace(/\s+/gu, '');
  if (end[1].replace(/\s+/g, '') !== hash(`${HEADER} v${version} ${course} ${courseVersion}\n${body}`)) return { problem: 'damaged' };
  const file = parseBody(body, manifest);
  return file ? fitResults({ ...file, course, courseVersion }, { kind: 'text', name: sourceName }, manifest) : { problem: 'damaged' };
}

/** The body's fields, or null when they do not have the format's shape (the checksum matched, so it was written so). */
function parseBody(body: string, manifest: CourseManifest): Pick<ResultsFile, 'learner' | 'date' | 'responses' | 'modules' | 'final'> | null {
  const fields = body.split(';');
  if (fields.length !== 6) return null;
  const [name, minutes, moduleField, finalField, singleField, partField] = fields;
  let learner: string;
  try {
    learner = decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return null;
  }
  if (!/^[0-9a-z]{1,9}$/.test(minutes)) return null;
  const moduleIds = new Map(manifest.modules.map((m) => [shortId(m.id), m.id]));
  const modules: Record<string, number> = {};
  for (const entry of moduleField ? moduleField.split(',') : []) {
    const match = /^([0-9a-z]{5})(\d{1,3})$/.exec(entry);
    if (!match || !isPercent(Number(match[2]))) return null;
    // A module the course no longer has stays under its code, to be named (see fitResults).
    modules[moduleIds.get(match[1]) ?? match[1]] = Number(match[2]);
  }
  const finalMatch = /^(\d{1,3})\.([01])$/.exec(finalField);
  if (finalField && (!finalMatch || !isPercent(Number(finalMatch[1])))) return null;
  const items = itemsByCode(manifest);
  const responses: Record<string, Response> = {};
  if (!/^(?:[0-9a-z]{6})*$/.test(singleField)) return null;
  for (const [, code, pairChar] of singleField.matchAll(/([0-9a-z]{5})([0-9a-z])/g)) {
    const pair = parseInt(pairChar, 36);
    const options = items.get(code)?.options ?? [];
    // An index the item does not have reads as '' and fails validation: the item is named as unknown.
    responses[code] = { first: options[Math.floor(pair / PAIR)] ?? '', latest: options[pair % PAIR] ?? '' };
  }
  for (const entry of partField ? partField.split(',') : []) {
    const match = /^([0-9a-z]{5})([0-9a-z]+)\.([0-9a-z]+)$/.exec(entry);
    if (!match) return null;
    responses[match[1]] = { first: match[2], latest: match[3] };
  }
  return {
    learner,
    date: new Date(parseInt(minutes, 36) * 60_000).toISOString(),
    responses,
    modules,
    final: finalMatch ? { score: Number(finalMatch[1]), passed: finalMatch[2] === '1' } : null,
  };
}
