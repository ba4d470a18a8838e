import itemIds from 'virtual:berdaya/item-ids';
import type { CourseManifest, ItemSpec } from '../content/types.ts';
import { isValidResponse } from '../quiz/scoring.ts';
import { MAX_INTAKE_BYTES, type Intake, type IntakeProblem, type LearnerResults } from '../results/learner-results.ts';
import { identifier, interactionId } from '../tracking/scorm/scorm-format.ts';
import { detectDelimiter, readDelimited, stripBom } from './delimited-text.ts';
import { cellText, coreColumn, numbered, parseMoodleDate, RESULT_WORDS, roleOfLabel, ROLES, type CoreColumn, type Role } from './moodle-columns.ts';

/**
 * Reads Moodle's SCORM Interactions report download (the "CSV" text download, tab-separated, or the
 * same table saved as CSV) for this course's SCORM 1.2 package into one LearnerResults per learner.
 * Columns: Name, the site's identity fields, Attempt, Started on, Last accessed on, Score, one
 * column per SCO, then for i = 0, 1, … "Question i", "Response i", "Right answer i", "Result i"
 * (only those the trainer ticked). One row per attempt. Answers are keyed by the id in each
 * "Question i" cell, never by position: positions differ between learners and attempts.
 */

/** Where each kind of column is; interaction groups by index. */
interface Layout {
  core: Partial<Record<CoreColumn, number>>;
  sco: number[];
  groups: Map<number, Partial<Record<Role, number>>>;
}

/** Item by interaction id: the id the tracker writes now (the author's id) and `q_<code>` (earlier packages). */
export function itemsByInteractionId(manifest: CourseManifest, ids: Record<string, string> = itemIds): Map<string, ItemSpec> {
  const map = new Map<string, ItemSpec>();
  for (const item of manifest.modules.flatMap((m) => m.items)) {
    for (const id of [interactionId(item, ids[item.code]), interactionId(item), identifier(item.id)]) if (!map.has(id)) map.set(id, item);
  }
  return map;
}

/**
 * A SCORM 1.2 response as the course's tracker writes it, back in the Progress record's encoding:
 * a choice's letter (`a` = the first option) → the option key; a sort's or case's keys joined by
 * `.` → one option index (base 36) per part. Option keys as such (a 2004 package's form) are read
 * too. Null when it is no response the item can have.
 */
export function responseFrom12(item: ItemSpec, value: string): string | null {
  const text = value.trim();
  let response: string | null;
  if (item.parts) {
    const keys = text.split('.');
    const indexes = keys.map((key, k) => item.parts![k]?.options.indexOf(key) ?? -1);
    response = indexes.every((i) => i >= 0 && i < 36) ? indexes.map((i) => i.toString(36)).join('') : null;
  } else if (item.options.includes(text)) {
    response = text;
  } else {
    response = /^[a-z]$/.test(text) ? (item.options[text.charCodeAt(0) - 97] ?? null) : null;
  }
  return response !== null && isValidResponse(item, response) ? response : null;
}

/** The header row's columns; null when it has no learner column or neither attempts nor interactions. */
function readLayout(header: string[], rows: string[][], byId: Map<string, ItemSpec>): Layout | null {
  const core: Layout['core'] = {};
  header.forEach((cell, i) => {
    const column = coreColumn(cell);
    if (column && core[column] === undefined) core[column] = i;
  });
  // Interactions: the longest run of numbered columns at the end whose numbers start at 0 and never go down.
  let start = header.length;
  while (start > 0) {
    const here = numbered(header[start - 1]);
    const next = start < header.length ? numbered(header[start]) : null;
    if (!here || coreColumn(header[start - 1]) || (next && next.index < here.index)) break;
    start -= 1;
  }
  while (start < header.length && numbered(header[start])!.index !== 0) start += 1;
  // A SCO titled like "Part 0" may sit just before: the interactions start at the first known label,
  // or before it by as many columns of its group as Moodle writes ahead of that role.
  const known = header.findIndex((cell, i) => i >= start && roleOfLabel(numbered(cell)!.label));
  if (known > start) {
    const { index, label } = numbered(header[known])!;
    let first = known;
    for (let ahead = ROLES.indexOf(roleOfLabel(label)!); ahead > 0 && first > start && numbered(header[first - 1])!.index === index; ahead--) first -= 1;
    start = first;
  }
  const groups: Layout['groups'] = new Map();
  const unnamed: number[] = [];
  for (let i = start; i < header.length; i++) {
    const { label, index } = numbered(header[i])!;
    const role = roleOfLabel(label);
    const group = groups.get(index) ?? {};
    groups.set(index, group);
    if (role && group[role] === undefined) group[role] = i;
    else unnamed.push(i);
  }
  for (const i of unnamed) assignByValues(i, groups.get(numbered(header[i])!.index)!, rows, byId);
  // SCO columns: after the last core column before the interactions.
  const lastCore = Math.max(-1, ...Object.values(core).filter((i) => i < start));
  const sco = Array.from({ length: Math.max(0, start - lastCore - 1) }, (_, k) => lastCore + 1 + k);
  const learnerColumn = ['name', 'firstName', 'lastName', 'username', 'email'].some((c) => core[c as CoreColumn] !== undefined);
  return learnerColumn && (core.attempt !== undefined || groups.size > 0) ? { core, sco, groups } : null;
}

/**
 * A numbered column whose label is not known (a translation that changed): a column of
 * correct/wrong is a result, one of this course's ids a question; otherwise the first role the
 * group still lacks, in Moodle's order.
 */
function assignByValues(column: number, group: Partial<Record<Role, number>>, rows: string[][], byId: Map<string, ItemSpec>) {
  const values = rows.map((r) => r[column] ?? '').filter((v) => v.trim() !== '');
  const role: Role | undefined = values.length && values.every((v) => RESULT_WORDS.has(v.trim().toLowerCase()) || /^-?\d+(\.\d+)?$/.test(v.trim()))
    ? 'result'
    : values.some((v) => byId.has(v.trim()))
      ? 'question'
      : ROLES.find((r) => group[r] === undefined);
  if (role && group[role] === undefined) group[role] = column;
}

/** A SCO cell's score as a percent: `85`, `85/100` (raw/max), or null for a status word. */
function scoPercent(cell: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?$/.exec(cell.trim());
  if (!match) return null;
  const percent = match[2] ? (Number(match[1]) / Number(match[2])) * 100 : Number(match[1]);
  return Number.isFinite(percent) && percent >= 0 && percent <= 100 ? Math.round(percent * 100) / 100 : null;
}

const skip = (name: string, problem: IntakeProblem): Intake => ({ learners: [], skipped: [{ name, problem }] });

/**
 * The file is an Excel or ODS download (a zip, or an old binary workbook, whose bytes read as text
 * hold NULs): only the text download is read. It is skipped as `notResults`; the cohort view may
 * add `MOODLE_HELP.spreadsheet`.
 */
export const isSpreadsheet = (text: string, fileName: string) =>
  text.startsWith('PK\u0003\u0004') || text.slice(0, 1024).includes('\u0000') || /\.(xlsx?|ods)$/i.test(fileName.trim());

interface Answer {
  attempt: number;
  index: number;
  response: string;
}

/**
 * Moodle's Interactions report → learners (one per Name and identity, all their attempts together:
 * `first` from the earliest attempt, `latest` from the latest) and the file skipped with why, if it
 * cannot be read. `lastModified` (the file's) dates learners whose rows carry no date.
 */
export function readMoodleReport(text: string, fileName: string, manifest: CourseManifest, lastModified?: Date, ids: Record<string, string> = itemIds): Intake {
  if (text.length > MAX_INTAKE_BYTES) return skip(fileName, 'tooLarge');
  // A spreadsheet has the same table, but reading it would need a zip and XML reader: out of scope.
  if (isSpreadsheet(text, fileName)) return skip(fileName, 'notResults');
  if (stripBom(text).trim() === '') return skip(fileName, 'empty');
  const delimiter = detectDelimiter(text);
  if (!delimiter) return skip(fileName, 'notResults');
  const [header, ...rest] = readDelimited(text, delimiter).map((row) => row.map(cellText));
  // Spreadsheets save trailing empty columns.
  while (header.length && header[header.length - 1].trim() === '') header.pop();
  const rows = rest.filter((row) => row.some((cell) => cell.trim() !== ''));
  const byId = itemsByInteractionId(manifest, ids);
  const layout = readLayout(header, rows, byId);
  if (!layout) return skip(fileName, 'unknownColumns');
  const { core, groups } = layout;
  const cell = (row: string[], column: number | undefined) => (column === undefined ? '' : (row[column] ?? '').trim());
  const interactionCells = [...groups.values()].flatMap((g) => Object.values(g));
  const attempted = rows.some((row) => /^\d+$/.test(cell(row, core.attempt)));
  // A 2004 package: Moodle keeps its answers where the report does not look, and writes one empty group.
  if (attempted && groups.size === 1 && groups.has(0) && rows.every((row) => interactionCells.every((c) => cell(row, c) === ''))) {
    return skip(fileName, 'moodleScorm2004');
  }
  if (![...groups.values()].some((g) => g.question !== undefined && g.response !== undefined)) {
    return skip(fileName, attempted || groups.size ? 'moodleNoResponses' : 'empty');
  }
  const seen = rows.flatMap((row) => [...groups.values()].map((g) => cell(row, g.question)).filter(Boolean));
  if (!seen.length) return skip(fileName, 'empty');
  if (!seen.some((id) => byId.has(id))) return skip(fileName, 'moodleOtherPackage');

  const fallbackDate = (lastModified ?? new Date()).toISOString();
  const learners = new Map<string, { result: LearnerResults; answers: Map<string, Answer[]>; unknown: Set<string>; latest: Date | null }>();
  const order = [...groups.entries()].sort(([a], [b]) => a - b);
  rows.forEach((row, r) => {
    const fullName = cell(row, core.name) || [cell(row, core.firstName), cell(row, core.lastName)].filter(Boolean).join(' ');
    const learner = (fullName || cell(row, core.username) || cell(row, core.email) || `#${r + 1}`).replace(/\s+/g, ' ').slice(0, 200);
    const key = [learner, cell(row, core.email), cell(row, core.username)].join('\u0000');
    let entry = learners.get(key);
    if (!entry) {
      entry = {
        result: {
          learner, courseId: manifest.id, courseVersion: manifest.version, date: fallbackDate, responses: {}, modules: {}, final: null,
          unknownItems: [], unknownModules: [], source: { kind: 'moodle', name: fileName },
        },
        answers: new Map(), unknown: new Set(), latest: null,
      };
      learners.set(key, entry);
    }
    // Without an attempt column, rows count in file order.
    const attempt = Number(cell(row, core.attempt)) || r + 1;
    for (const [index, group] of order) {
      const id = cell(row, group.question);
      if (!id) continue;
      const item = byId.get(id);
      if (!item) {
        entry.unknown.add(id);
        continue;
      }
      const given = cell(row, group.response);
      const response = responseFrom12(item, given);
      if (response === null) {
        // An answer the item cannot have now (its options changed): named, like an item the course no longer has.
        if (given) entry.unknown.add(id);
        continue;
      }
      const list = entry.answers.get(item.id) ?? [];
      list.push({ attempt, index, response });
      entry.answers.set(item.id, list);
    }
    const when = parseMoodleDate(cell(row, core.last)) ?? parseMoodleDate(cell(row, core.started));
    if (when && (!entry.latest || when > entry.latest)) entry.latest = when;
    const score = layout.sco.map((c) => scoPercent(cell(row, c))).find((s) => s !== null);
    if (score !== undefined && score !== null && score >= (entry.result.final?.score ?? -1)) {
      entry.result.final = { score, passed: score >= manifest.final.passMark };
    }
  });
  const byTime = (a: Answer, b: Answer) => a.attempt - b.attempt || a.index - b.index;
  return {
    learners: [...learners.values()].map(({ result, answers, unknown, latest }) => {
      for (const [id, list] of answers) {
        list.sort(byTime);
        result.responses[id] = { first: list[0].response, latest: list[list.length - 1].response };
      }
      return { ...result, unknownItems: [...unknown], date: latest ? latest.toISOString() : result.date };
    }),
    skipped: [],
  };
}

/**
 * Whether a file or paste is a table for readMoodleReport (which then says what is wrong with it)
 * rather than a results file: its first line holds tab-separated cells, or at least three
 * comma- or semicolon-separated ones. Check the results format first: this is the fallback.
 */
export function looksLikeMoodleReport(text: string): boolean {
  const head = stripBom(text).slice(0, 64 * 1024).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return false;
  const delimiter = detectDelimiter(head);
  if (!delimiter) return false;
  const [header = [], second] = readDelimited(head, delimiter);
  return header.length >= (delimiter === '\t' ? 2 : 3) && (delimiter === '\t' || second !== undefined);
}

/**
 * What to tell a trainer whose report cannot give the class picture (keys of the trainer strings):
 * which boxes to tick under the report, named as Moodle names them, passed into `howToTick`.
 */
export const MOODLE_HELP = {
  moodleNoResponses: 'cohort.moodle.howToTick',
  moodleScorm2004: 'cohort.moodle.use12',
  spreadsheet: 'cohort.moodle.textDownload',
  /** The values for `howToTick`: Moodle's own words for the report and its options. */
  howToTickValues: {
    report: 'cohort.moodle.report',
    question: 'cohort.moodle.optionQuestion',
    response: 'cohort.moodle.optionResponse',
    right: 'cohort.moodle.optionRightAnswer',
    result: 'cohort.moodle.optionResult',
  },
} as const;
