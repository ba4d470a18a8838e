/**
 * Pure SCORM value formatting. Each output must pass Moodle's validators (mod/scorm/datamodels
 * scorm_12.js / scorm_13.js), which are stricter than the spec in places: at most 2 decimals on
 * seconds, 2–4 hour digits in 1.2 timespans, 2 fractional digits and years ≤ 2038 in timestamps.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whole hundredths of a second in a non-negative duration; anything odd counts as zero. */
const centiseconds = (ms: number) => (Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 10) : 0);

/** Largest value a 1.2 CMITimespan can hold (4 hour digits). */
const MAX_TIMESPAN_CS = (9999 * 3600 + 59 * 60 + 59) * 100 + 99;

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (session_time, interaction latency), e.g. `00:00:05.00`. */
export function timespan12(ms: number): string {
  const cs = Math.min(centiseconds(ms), MAX_TIMESPAN_CS);
  const s = Math.floor(cs / 100);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}.${pad(cs % 100)}`;
}

/** SCORM 2004 ISO 8601 duration (session_time, latency): `PT5S`, `PT59M`, `PT10H0M3.25S`. */
export function duration2004(ms: number): string {
  const cs = centiseconds(ms);
  const s = Math.floor(cs / 100);
  const [h, m] = [Math.floor(s / 3600), Math.floor(s / 60) % 60];
  const frac = cs % 100 ? `.${pad(cs % 100)}`.replace(/0$/, '') : '';
  const sec = `${s % 60}${frac}S`;
  // Moodle's regex needs hours before minutes before seconds; zero parts in front are left out.
  return h ? `PT${h}H${m}M${sec}` : m ? `PT${m}M${sec}` : `PT${sec}`;
}

/** SCORM 1.2 CMITime `HH:MM:SS` (interaction time): the learner's local time of day. */
export const time12 = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;

/**
 * SCORM 2004 timestamp in UTC with exactly 2 fractional digits, e.g. `2026-11-28T09:05:03.45Z`.
 * Moodle rejects `toISOString()`'s 3 digits, and only accepts a zone after a fraction.
 */
export function timestamp2004(date: Date): string {
  const d = date;
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(Math.floor(d.getUTCMilliseconds() / 10))}Z`;
}

/** A plain decimal string (never exponent notation) with at most `digits` decimals. */
export function decimal(n: number, digits = 7): string {
  if (!Number.isFinite(n)) return '0';
  if (Math.abs(n) >= 1e21) return BigInt(n).toString(); // toFixed switches to exponents there
  const text = n.toFixed(digits).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

const clamp = (n: number, lo: number, hi: number) => (Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo);

/** A percent as a SCORM score: 0–100 (1.2 score.raw range; also 2004 raw with min 0, max 100). */
export const scoreRaw = (percent: number) => decimal(clamp(percent, 0, 100), 2);

/** A percent as a 2004 scaled score in [0, 1] with at most 7 decimals. */
export const scoreScaled = (percent: number) => decimal(clamp(percent, 0, 100) / 100, 7);

/** A share in [0, 1] (2004 progress_measure), at most 7 decimals. */
export const share = (n: number) => decimal(clamp(n, 0, 1), 7);

/** The course's languages from an LMS language preference: `id`, `ind`, `in`, `id-ID`, `en_US`, `eng`… */
export function parseLanguage(value: string | null | undefined): 'id' | 'en' | null {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'id' || primary === 'ind' || primary === 'in') return 'id';
  if (primary === 'en' || primary === 'eng') return 'en';
  return null;
}

/** A valid SCORM identifier (`^[\w.]{1,250}$`, Moodle's short identifier): other characters become `_`. */
export const identifier = (text: string) => (text.replace(/[^\w.]/g, '_') || '_').slice(0, 250);

/**
 * An answer's interaction id in the LMS: the item's id as its author wrote it (`name`, from
 * `virtual:berdaya/item-ids`), else `q_<item code>`, in SCORM identifier characters. Moodle's
 * interactions report names answers by it, so the trainer's cohort view reads it back.
 */
export const interactionId = (item: { code: string }, name?: string) => identifier(name ?? `q_${item.code}`);

/** SCORM 1.2 choice responses are single characters: option index 0 → `a`, 1 → `b`, … 25 → `z`. */
export const choiceLetter = (index: number) => (index >= 0 && index < 26 ? String.fromCharCode(97 + index) : null);

/**
 * SCORM 2004 localized string, as Moodle checks it (CMILangString250): `{lang=id}` then at most
 * 250 characters not starting with `{`. The text's first words, cut at a word with "…".
 */
export function langString(text: string, lang: string, max = 120): string {
  const words = text.replace(/\s+/g, ' ').replace(/^[\s{]+/, '').trim();
  const cut = words.length <= max ? words : `${words.slice(0, max).replace(/\s+\S*$/, '')}…`;
  return `{lang=${lang}}${cut}`;
}
