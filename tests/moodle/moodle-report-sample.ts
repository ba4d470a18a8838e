/**
 * Writes Moodle's SCORM Interactions report download the way Moodle's code does (for the tests,
 * the fixtures and `npm run bench`; never shipped): headers in Moodle's English or Indonesian
 * interface, only the ticked interaction columns, values HTML-escaped by `s()`, each line written
 * by PHP's `fputcsv` with a tab, LF line ends, no byte order mark.
 *
 * Plain TypeScript with no Node or test-runner imports, so a bench page can use it too.
 */
import type { CourseManifest, ItemSpec } from '../../src/content/types.ts';
import { interactionId } from '../../src/tracking/scorm/scorm-format.ts';

export type MoodleLang = 'en' | 'id';

export const HEADERS = {
  en: { name: 'Name', email: 'Email address', attempt: 'Attempt', started: 'Started on', last: 'Last accessed on', score: 'Score', question: 'Question', response: 'Response', right: 'Right answer', result: 'Result', notAttempted: 'Not attempted' },
  id: { name: 'Nama', email: 'Alamat Email', attempt: 'Upaya', started: 'Dimulai pada', last: 'Terakhir diakses pada', score: 'Nilai', question: 'Soal', response: 'Jawaban', right: 'Jawaban benar', result: 'Hasil', notAttempted: 'Tidak dicoba' },
} as const;

/** One stored interaction, as Moodle keeps a 1.2 package's `cmi.interactions_N.*`. */
export interface StoredInteraction {
  id: string;
  response: string;
  /** All correct patterns (Moodle joins them with `,`). */
  right: string[];
  result: string;
}

export interface ReportRow {
  name: string;
  email?: string;
  /** Null: a user with no attempt (`-` in Attempt, dates and Score, "Not attempted" for the SCO). */
  attempt: { number: number; started: Date; last: Date; score: string; sco: string } | null;
  interactions: StoredInteraction[];
}

export interface ReportOptions {
  lang?: MoodleLang;
  /** The identity columns after Name (default: the email address; [] for none). */
  identity?: 'email'[];
  /** The SCO titles (one column each). */
  scos?: string[];
  /** The boxes ticked under the report (Moodle's default is only the responses). */
  ticked?: { question?: boolean; response?: boolean; right?: boolean; result?: boolean };
  /** Groups written even if no row has that many interactions (Moodle counts over all users). */
  groups?: number;
}

/** Moodle's `s()`: htmlspecialchars with ENT_QUOTES (single quote as `&#039;`). */
export const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#039;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** PHP's fputcsv with a tab: a field holding a tab, space, quote, backslash or line break is quoted, quotes doubled. */
export const fputcsvLine = (cells: string[], delimiter = '\t') =>
  `${cells.map((c) => (/[\t \n\r"\\]/.test(c) || c.includes(delimiter) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)}\n`;

const DAYS = { en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'], id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] };
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
};

/** Moodle's `userdate()`: EN `Tuesday, 14 January 2025, 9:05 AM`, ID `Selasa, 14 Januari 2025, 09:05` (local time). */
export function moodleDate(date: Date, lang: MoodleLang): string {
  const day = `${DAYS[lang][date.getDay()]}, ${date.getDate()} ${MONTHS[lang][date.getMonth()]} ${date.getFullYear()}`;
  const mm = String(date.getMinutes()).padStart(2, '0');
  if (lang === 'id') return `${day}, ${String(date.getHours()).padStart(2, '0')}:${mm}`;
  const h = date.getHours() % 12 || 12;
  return `${day}, ${h}:${mm} ${date.getHours() < 12 ? 'AM' : 'PM'}`;
}

/** The report as Moodle's "CSV" (text) download writes it. */
export function writeMoodleReport(rows: ReportRow[], options: ReportOptions = {}): string {
  const lang = options.lang ?? 'en';
  const h = HEADERS[lang];
  const identity = options.identity ?? ['email'];
  const scos = options.scos ?? ['Berdaya'];
  const ticked = { question: true, response: true, right: true, result: true, ...options.ticked };
  const groups = Math.max(options.groups ?? 0, ...rows.map((r) => r.interactions.length));
  const roles = (['question', 'response', 'right', 'result'] as const).filter((r) => ticked[r]);
  const header = [h.name, ...identity.map(() => h.email), h.attempt, h.started, h.last, h.score, ...scos];
  for (let i = 0; i < groups; i++) header.push(...roles.map((r) => `${h[r]} ${i}`));
  let out = fputcsvLine(header);
  for (const row of rows) {
    const cells = [row.name, ...identity.map(() => escapeHtml(row.email ?? ''))];
    const a = row.attempt;
    if (!a) {
      cells.push('-', '-', '-', '-', ...scos.map(() => h.notAttempted));
      for (let i = 0; i < groups * roles.length; i++) cells.push('');
    } else {
      cells.push(String(a.number), moodleDate(a.started, lang), moodleDate(a.last, lang), a.score, ...scos.map(() => a.sco));
      for (let i = 0; i < groups; i++) {
        const x = row.interactions[i];
        const value = { question: x?.id, response: x?.response, right: x?.right.join(','), result: x?.result };
        cells.push(...roles.map((r) => (value[r] === undefined ? '' : escapeHtml(value[r]!))));
      }
    }
    out += fputcsvLine(cells);
  }
  return out;
}

/** What a strict 1.2 LMS holds after the tracker wrote answers (`cmi.interactions.N.*`), as Moodle stores it. */
export function storedInteractions(committed: Record<string, string>): StoredInteraction[] {
  const out: StoredInteraction[] = [];
  for (let n = 0; committed[`cmi.interactions.${n}.id`] !== undefined; n++) {
    const at = `cmi.interactions.${n}.`;
    const right: string[] = [];
    for (let m = 0; committed[`${at}correct_responses.${m}.pattern`] !== undefined; m++) right.push(committed[`${at}correct_responses.${m}.pattern`]);
    out.push({ id: committed[`${at}id`], response: committed[`${at}student_response`] ?? '', right, result: committed[`${at}result`] ?? '' });
  }
  return out;
}

/**
 * A response in the Progress record's encoding as the course's 1.2 tracker sends it: a choice's
 * option position as a letter; a sort's or case's chosen keys joined by `.`. (The round-trip test
 * checks this against the real tracker.)
 */
export function response12(item: ItemSpec, response: string): string {
  if (item.parts) return [...response].map((c, k) => item.parts![k]?.options[parseInt(c, 36)] ?? '_').join('.');
  return String.fromCharCode(97 + item.options.indexOf(response));
}

/** A small deterministic generator (mulberry32), so a sample is the same every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Some response an item can have: right about half the time. */
function someResponse(item: ItemSpec, next: () => number): string {
  if (next() < 0.5) return item.answer;
  if (!item.parts) return item.options[Math.floor(next() * item.options.length)];
  return item.parts.map((p) => Math.floor(next() * p.options.length).toString(36)).join('');
}

export interface SampleOptions {
  attempts: number;
  interactions: number;
  lang?: MoodleLang;
  seed?: number;
  /** Interaction ids as packages before readable ids wrote them (`q_<code>`). */
  codeIds?: boolean;
}

/**
 * A report of `attempts` rows × `interactions` interactions for this course: learners with one or
 * two attempts each, answers drawn from every module, ids as the tracker writes them. Also returns
 * the responses put in, per learner name and item id, in the Progress record's encoding.
 */
export function sampleMoodleReport(manifest: CourseManifest, ids: Record<string, string>, options: SampleOptions) {
  const next = random(options.seed ?? 11);
  const items = manifest.modules.flatMap((m) => m.items);
  const rows: ReportRow[] = [];
  const put: Record<string, Record<string, string[]>> = {};
  const start = new Date(2025, 0, 14, 9, 5);
  for (let r = 0; r < options.attempts; r++) {
    // Every third learner comes back for a second attempt.
    const learner = r % 3 === 2 ? r - 1 : r;
    const name = `Peserta ${String(learner + 1).padStart(3, '0')}`;
    const number = learner === r ? 1 : 2;
    const interactions: StoredInteraction[] = [];
    for (let i = 0; i < options.interactions; i++) {
      const item = items[Math.floor(next() * items.length)];
      const response = someResponse(item, next);
      ((put[name] ??= {})[item.id] ??= []).push(response);
      interactions.push({
        id: interactionId(item, options.codeIds ? undefined : ids[item.code]),
        response: response12(item, response),
        right: [response12(item, item.answer)],
        result: response === item.answer ? 'correct' : 'wrong',
      });
    }
    const started = new Date(start.getTime() + r * 3_600_000);
    rows.push({ name, email: `peserta${learner + 1}@example.org`, attempt: { number, started, last: new Date(started.getTime() + 1_800_000), score: '0', sco: 'Incomplete' }, interactions });
  }
  return { text: writeMoodleReport(rows, { lang: options.lang }), put };
}
