import type { CourseManifest, ItemSpec } from '../content/types.ts';
import { fitProgress, formatVersion, PROGRESS_FORMAT, type FinalRecord, type Place, type Progress } from './progress.ts';
import { courseModules } from './final-assessment.ts';
import { shortId } from './short-id.ts';

/**
 * The Progress record as a short printable-ASCII string: the same text goes to localStorage and,
 * later, to SCORM suspend data (4,096 characters in SCORM 1.2). Ids become 5-character codes and
 * answers become option indexes, so the whole course fits.
 *
 *   B1~courseVersion~lang~atWelcome~place~modules~answers~review~final~practice
 *   modules: <code><score>.<best>.<round>,…   answers: <code><option index per attempt>,…
 *   (a sort or case: <code><response>.<response>…, a response being one option index per part)
 *   review: <code><box><due day, base 36>,…   practice: <code><code>…
 *   final: <best score>.<passed 0|1>[.<end of the latest attempt, minutes since 1970, base 36>
 *          [.<minutes from the first pass to that end, base 36>]]
 * (Records written before Practice existed have no practice field and are read as well.)
 */
const PREFIX = `B${PROGRESS_FORMAT}`;
const SEP = '~';

export type DecodedProgress = { ok: true; progress: Progress } | { ok: false; reason: 'unreadable' | 'future' };

export function encodeProgress(progress: Progress, manifest: CourseManifest): string {
  const items = itemIndex(manifest);
  const place = encodePlace(progress.place);
  const modules = Object.entries(progress.modules)
    .map(([id, m]) => `${shortId(id)}${m.score ?? '_'}.${m.best ?? '_'}.${m.round ?? '_'}`)
    .join(',');
  const answers = Object.entries(progress.answers)
    .map(([id, attempts]) => {
      const item = items.get(id);
      if (!item) return '';
      return item.code + (item.parts ? attempts.join('.') : attempts.map((a) => item.options.indexOf(a).toString(36)).join(''));
    })
    .filter(Boolean)
    .join(',');
  const review = Object.entries(progress.review)
    .flatMap(([id, [box, due]]) => (items.has(id) ? [`${items.get(id)!.code}${box}${due.toString(36)}`] : []))
    .join(',');
  const final = progress.final ? encodeFinal(progress.final) : '';
  const lang = progress.lang === 'id' ? 'i' : progress.lang === 'en' ? 'e' : '-';
  const practice = progress.practice.map((id) => items.get(id)?.code ?? '').join('');
  return [PREFIX, progress.courseVersion, lang, progress.atWelcome ? 1 : 0, place, modules, answers, review, final, practice].join(SEP);
}

function encodePlace(place: Place | null): string {
  if (!place) return '';
  const code = shortId(place.module);
  if (place.screen === 'lesson') return `L${code}.${place.page}`;
  if (place.screen === 'quiz') return `Q${code}.${place.item}.${place.answered ? 1 : 0}`;
  return `S${code}`;
}

/** Reads a stored record (this format, or the JSON of earlier builds) and fits it to the course. */
export function decodeProgress(raw: string, manifest: CourseManifest): DecodedProgress {
  if (raw.startsWith('{')) return decodeJson(raw, manifest);
  const fields = raw.split(SEP);
  const version = /^B(\d+)$/.exec(fields[0] ?? '')?.[1];
  if (!version) return { ok: false, reason: 'unreadable' };
  if (Number(version) > PROGRESS_FORMAT) return { ok: false, reason: 'future' };
  if (fields.length !== 9 && fields.length !== 10) return { ok: false, reason: 'unreadable' };
  const [, , lang, atWelcome, place, modules, answers, review, final, practice = ''] = fields;

  const moduleIds = new Map(courseModules(manifest).map((m) => [shortId(m.id), m.id]));
  const items = new Map([...itemIndex(manifest).values()].map((item) => [item.code, item]));
  const entries = (field: string) => (field ? field.split(',') : []).map((e) => [e.slice(0, 5), e.slice(5)] as const);
  const number = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : undefined);

  const data: Record<string, unknown> = {
    lang: lang === 'i' ? 'id' : lang === 'e' ? 'en' : null,
    atWelcome: atWelcome !== '0',
    place: decodePlace(place, moduleIds),
    modules: Object.fromEntries(entries(modules).flatMap(([code, rest]) => {
      const id = moduleIds.get(code);
      const [score, best, round] = rest.split('.');
      return id ? [[id, { score: number(score), best: number(best), round: number(round) }]] : [];
    })),
    answers: Object.fromEntries(entries(answers).flatMap(([code, rest]) => {
      const item = items.get(code);
      if (!item) return [];
      return [[item.id, item.parts ? rest.split('.') : [...rest].map((c) => item.options[parseInt(c, 36)])]];
    })),
    review: Object.fromEntries(entries(review).flatMap(([code, rest]) => {
      const item = items.get(code);
      const due = parseInt(rest.slice(1), 36);
      return item && /^\d[0-9a-z]+$/.test(rest) ? [[item.id, [Number(rest[0]), due]]] : [];
    })),
    practice: (practice.match(/[0-9a-z]{5}/g) ?? []).flatMap((code) => items.get(code)?.id ?? []),
    final: decodeFinal(final),
  };
  return { ok: true, progress: fitProgress(data, manifest) };
}

// The pass time is kept as its distance back from the latest attempt's end: "0" when that attempt passed.
function encodeFinal({ score, passed, at, passedAt }: FinalRecord): string {
  const times = at === undefined ? '' : `.${at.toString(36)}${passedAt === undefined ? '' : `.${(at - passedAt).toString(36)}`}`;
  return `${score}.${passed ? 1 : 0}${times}`;
}

/** Records written before retake rules have no attempt time: they read as "no wait"; before the pass time was kept, no pass time. */
function decodeFinal(field: string): unknown {
  const match = /^(\d+)\.([01])(?:\.([0-9a-z]+)(?:\.([0-9a-z]+))?)?$/.exec(field);
  if (!match) return null;
  const [, score, passed, at, sincePass] = match;
  const end = at === undefined ? undefined : parseInt(at, 36);
  return {
    score: Number(score),
    passed: passed === '1',
    ...(end !== undefined && { at: end }),
    ...(end !== undefined && sincePass !== undefined && { passedAt: end - parseInt(sincePass, 36) }),
  };
}

function decodePlace(field: string, moduleIds: Map<string, string>): unknown {
  const match = /^([LQS])([0-9a-z]{5})(?:\.(\d+))?(?:\.([01]))?$/.exec(field);
  if (!match) return null;
  const [, kind, code, index, answered] = match;
  const module = moduleIds.get(code);
  if (kind === 'L') return { screen: 'lesson', module, page: Number(index) };
  if (kind === 'Q') return { screen: 'quiz', module, item: Number(index), answered: answered === '1' };
  return { screen: 'summary', module };
}

function decodeJson(raw: string, manifest: CourseManifest): DecodedProgress {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'unreadable' };
  const record = data as Record<string, unknown>;
  const version = formatVersion(record.v);
  if (version === null) return { ok: false, reason: 'unreadable' };
  if (version > PROGRESS_FORMAT) return { ok: false, reason: 'future' };
  return { ok: true, progress: fitProgress(record, manifest) };
}

const itemIndex = (manifest: CourseManifest) =>
  new Map<string, ItemSpec>(courseModules(manifest).flatMap((m) => m.items.map((i) => [i.id, i] as const)));
