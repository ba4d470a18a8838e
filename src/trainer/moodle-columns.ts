/**
 * What the columns of Moodle's SCORM Interactions report download are called, in Moodle's English
 * and Indonesian interfaces, and how its cells are written (HTML-escaped values, `-` for "none",
 * dates in words). Header cells are compared whole, ignoring case and spacing.
 */

/** A header cell as compared: NFC, spaces collapsed, lower case. */
export const headerKey = (cell: string) => cell.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export type CoreColumn = 'name' | 'firstName' | 'lastName' | 'username' | 'email' | 'attempt' | 'started' | 'last' | 'score';

/** Moodle's words for the columns before the SCO and interaction columns (later translations too). */
const CORE: Record<CoreColumn, readonly string[]> = {
  name: ['name', 'nama', 'full name', 'nama lengkap'],
  firstName: ['first name', 'nama depan'],
  lastName: ['last name', 'surname', 'nama belakang'],
  username: ['username', 'nama pengguna'],
  email: ['email address', 'email', 'alamat email', 'alamat surel'],
  attempt: ['attempt', 'upaya', 'percobaan'],
  started: ['started on', 'dimulai pada'],
  last: ['last accessed on', 'terakhir diakses pada'],
  score: ['score', 'nilai'],
};

const CORE_BY_KEY = new Map(Object.entries(CORE).flatMap(([column, words]) => words.map((w) => [w, column as CoreColumn])));

export const coreColumn = (cell: string): CoreColumn | undefined => CORE_BY_KEY.get(headerKey(cell));

/** The four per-interaction columns, in the order Moodle writes them for each index i. */
export const ROLES = ['question', 'response', 'right', 'result'] as const;
export type Role = (typeof ROLES)[number];

/** "Question 3", "Soal 3", "Jawaban benar 3"…: the whole cell (so "Jawaban 0" never takes "Jawaban benar 0"). */
const ROLE_LABELS: Record<Role, readonly string[]> = {
  question: ['question', 'soal', 'pertanyaan'],
  response: ['response', 'jawaban', 'tanggapan', 'respons'],
  right: ['right answer', 'jawaban benar', 'jawaban yang benar'],
  result: ['result', 'hasil'],
};
const ROLE_BY_LABEL = new Map(Object.entries(ROLE_LABELS).flatMap(([role, words]) => words.map((w) => [w, role as Role])));

/** A numbered header cell: its label (compared form) and its index, or null. */
export function numbered(cell: string): { label: string; index: number } | null {
  const match = /^(.*?) ?(\d{1,4})$/.exec(headerKey(cell));
  return match ? { label: match[1], index: Number(match[2]) } : null;
}

export const roleOfLabel = (label: string): Role | undefined => ROLE_BY_LABEL.get(label);

/** What SCORM 1.2 `result` holds (and 2004's `incorrect`): a column of these is a result column. */
export const RESULT_WORDS = new Set(['correct', 'wrong', 'incorrect', 'unanticipated', 'neutral']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A cell's text: HTML entities decoded (Moodle escapes every value with `s()`: `&amp; &lt; &gt;
 * &quot; &#039;`, numeric ones kept as written), newer Moodle's `'` before a value starting with
 * `= + - @` removed. The result is plain text, shown as text only.
 */
export function cellText(cell: string): string {
  const text = cell.includes('&')
    ? cell.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos|nbsp);/gi, (whole, name: string) => {
        if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      })
    : cell;
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ['january', 'januari', 'jan'], ['february', 'februari', 'feb'], ['march', 'maret', 'mar'], ['april', 'apr'],
    ['may', 'mei'], ['june', 'juni', 'jun'], ['july', 'juli', 'jul'], ['august', 'agustus', 'aug', 'agu', 'agt'],
    ['september', 'sep', 'sept'], ['october', 'oktober', 'oct', 'okt'], ['november', 'nov', 'nop'], ['december', 'desember', 'dec', 'des'],
  ].flatMap((names, month) => names.map((n) => [n, month])),
);

/**
 * A date as Moodle's `userdate()` writes it: EN `Tuesday, 14 January 2025, 9:05 AM`, ID `Selasa,
 * 14 Januari 2025, 09:05` (24-hour, sometimes `09.05`); also `2025-01-14 09:05`. Read as the
 * trainer's local time (the report carries no time zone). Null when it is none of these.
 */
export function parseMoodleDate(cell: string): Date | null {
  const text = cell.trim().toLowerCase();
  let y: number, mo: number, d: number, h = 0, mi = 0;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ t](\d{1,2})[:.](\d{2}))?/.exec(text);
  const words = /(\d{1,2})\s+([a-z]+)\.?\s+(\d{4}),?\s*(?:(?:pukul\s+)?(\d{1,2})[:.](\d{2})\s*(am|pm)?)?/.exec(text);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])];
    if (iso[4]) [h, mi] = [Number(iso[4]), Number(iso[5])];
  } else if (words && words[2] in MONTHS) {
    [y, mo, d] = [Number(words[3]), MONTHS[words[2]], Number(words[1])];
    if (words[4]) {
      [h, mi] = [Number(words[4]), Number(words[5])];
      if (words[6] === 'pm' && h < 12) h += 12;
      if (words[6] === 'am' && h === 12) h = 0;
    }
  } else {
    return null;
  }
  const date = new Date(y, mo, d, h, mi);
  // Reject what Date would roll over (31 February, 25:00).
  return date.getDate() === d && date.getMonth() === mo && h < 24 && mi < 60 ? date : null;
}
