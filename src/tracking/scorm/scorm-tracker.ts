import type { CourseManifest, ItemSpec, Lang } from '../../content/types.ts';
import { courseModules } from '../../course/final-assessment.ts';
import { decodeProgress, encodeProgress } from '../../course/progress-codec.ts';
import { fitProgress, type Place, type Progress } from '../../course/progress.ts';
import { shortId } from '../../course/short-id.ts';
import type { FoundApi, ScormVersion } from './find-api.ts';
import * as f from './scorm-format.ts';

/**
 * The course's side of a SCORM 1.2 / 2004 session: one initialise per page life, status, score,
 * resume data and answers written in formats strict LMSs (Moodle) accept, commits retried until
 * they succeed, one finish. The rules strict LMSs enforce are written as tests in tests/scorm/strict-lms.ts;
 * README's "Use in an LMS" says what reaches the LMS and what happens when it fails.
 */

export type Recorded = 'passed' | 'completed' | 'failed' | 'incomplete' | 'not attempted' | 'unknown';

export interface LmsLaunch {
  /** From suspend data (or, if that is unreadable, the bookmark); null when there is nothing usable. */
  progress: Progress | null;
  /** The learner's language preference in the LMS, if it is one of the course's. */
  lang: Lang | null;
  /** The LMS's pass mark, percent 0–100. */
  masteryScore: number | null;
  /** What the LMS had recorded before this session. */
  recorded: Recorded;
  /** The LMS's learner id (the name is never read). */
  learnerId: string | null;
  /** 'resume' when the LMS continues an earlier session, 'ab-initio' for a new attempt, '' otherwise. */
  entry: string;
  /**
   * Resume data the LMS holds but the course cannot read: garbage, truncated, from a newer version,
   * or missing while the LMS says the learner resumes (a bookmark or answers are there). Nothing is
   * written over it (see `overwriteUnreadable`). `raw` is what the LMS returned, for support.
   */
  unreadable: { reason: 'unreadable' | 'future' | 'missing'; raw: string } | null;
}

export type LmsState = 'ok' | 'retrying' | 'ended' | 'failed-to-start';

/** What has not reached the LMS (accepted and committed) yet, in words a learner understands. */
export type Missing = 'answers' | 'result' | 'progress' | 'session';

/** Save and exit: `ok` only when everything was committed and the LMS ended the session. */
export interface ExitResult {
  ok: boolean;
  missing: Missing[];
}

export interface AnswerRecord {
  item: ItemSpec;
  /** As in Progress.answers: the chosen option key; for a sort or case, one option index (base 36) per part. */
  response: string;
  correct: boolean;
  at?: Date;
  latencyMs?: number;
  /** The scenario's words in the learner's language (SCORM 2004 `description`: its first words), when known. */
  description?: { text: string; lang: Lang };
  /** The item's id as its author wrote it, so an LMS report names the scenario; else `q_<code>`. */
  name?: string;
}

export interface LmsTracker {
  readonly version: ScormVersion;
  readonly launch: LmsLaunch;
  /** The current state (what subscribers were last told). */
  readonly state: LmsState;
  /** Progress changed: set location, suspend data, status, score, progress measure (2004), language, session time, exit=suspend; then commit (with retries). */
  record(progress: Progress): void;
  /** One answer: append one interaction at n = _count (committed with the next record(), or just after). */
  answered(answer: AnswerRecord): void;
  /** visibilitychange hidden: commit only. */
  hide(): void;
  /**
   * pagehide or the course's Save and exit: sends what is pending, commits and finishes. Succeeds
   * once; while anything is refused or the finish fails the session stays open (try again later).
   */
  finish(): ExitResult;
  /** What has not reached the LMS yet (empty when it holds everything). */
  missing(): Missing[];
  /** The learner chose this device's copy over unreadable LMS data: from now on it is written. */
  overwriteUnreadable(progress: Progress): void;
  subscribe(listener: (state: LmsState) => void): () => void;
}

export interface TrackerOptions {
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => () => void;
}

/** What the course reports; the dialects turn it into 1.2 / 2004 status elements. */
type Status = 'incomplete' | 'failed' | 'passed';
type Writes = [element: string, value: string][];

/** Never report a status below what the LMS already has (or what we sent): no downgrades. */
const RANK: Record<Recorded, number> = { 'not attempted': 0, unknown: 0, incomplete: 1, failed: 2, completed: 3, passed: 4 };

/**
 * SetValue errors that mean "this value can never be stored" (not implemented, read-only, wrong
 * type, out of range, out of order, dependency): sending it again cannot help. Anything else — a
 * throw, "false" with 0, 101 general, 301/132/133 not initialised, 351 general set failure (which
 * Moodle also uses for out of order) — may pass later, so the value stays pending.
 */
const PERMANENT: Record<ScormVersion, readonly string[]> = {
  '1.2': ['201', '401', '402', '403', '404', '405'],
  '2004': ['401', '402', '404', '405', '406', '407', '408'],
};

/** Retry delays after failed commits: 1 s, 2 s, 4 s … at most 30 s, for as long as the page lives. */
export const retryDelay = (attempt: number) => Math.min(1000 * 2 ** attempt, 30_000);

interface Interaction {
  n: number;
  id: string;
  item: ItemSpec;
  /** A single question's response and answer as option indexes: a 'choice' (letters in 1.2, keys in 2004). */
  choice: { response: number; answer: number } | null;
  /** Otherwise (a sort, a case, a type not known yet) both as text. */
  response: string;
  answer: string;
  correct: boolean;
  at: Date;
  latencyMs: number | null;
  description: string | null;
}

interface Dialect {
  init: string; finish: string; get: string; set: string; commit: string; error: string;
  location: string; locationMax: number; suspendMax: number;
  exit: string; sessionTime: string; language: string; learnerId: string; entry: string;
  duration(ms: number): string;
  recorded(get: (element: string) => string): Recorded;
  mastery(get: (element: string) => string): number | null;
  status(status: Status): Writes;
  score(percent: number): Writes;
  /** 2004 only: the share of the course done, 0–1. */
  progressMeasure?: string;
  interaction(i: Interaction): Writes;
  /** One module's best quiz score and mastery as objective n (its id first: the rest depends on it). */
  objective(n: number, id: string, best: number, mastered: boolean): Writes;
}

const percentOrNull = (text: string, scale: number) => {
  const n = Number(text) * scale;
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? Math.round(n * 100) / 100 : null;
};

const DIALECTS: Record<ScormVersion, Dialect> = {
  '1.2': {
    init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError',
    location: 'cmi.core.lesson_location', locationMax: 255, suspendMax: 4096,
    exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time', language: 'cmi.student_preference.language',
    learnerId: 'cmi.core.student_id', entry: 'cmi.core.entry',
    duration: f.timespan12,
    recorded(get) {
      const status = get('cmi.core.lesson_status');
      if (status === 'browsed') return 'incomplete';
      if (status === '') return 'not attempted';
      return Object.hasOwn(RANK, status) ? (status as Recorded) : 'unknown';
    },
    mastery: (get) => percentOrNull(get('cmi.student_data.mastery_score'), 1),
    status: (status) => [['cmi.core.lesson_status', status]],
    // Moodle's (and the spec's) 1.2 score range is 0–100: the percent itself, with min and max.
    score: (percent) => [['cmi.core.score.raw', f.scoreRaw(percent)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']],
    objective: (n, id, best, mastered) => [
      [`cmi.objectives.${n}.id`, id], [`cmi.objectives.${n}.score.raw`, f.scoreRaw(best)], [`cmi.objectives.${n}.score.min`, '0'],
      [`cmi.objectives.${n}.score.max`, '100'], [`cmi.objectives.${n}.status`, mastered ? 'passed' : 'failed'],
    ],
    interaction(i) {
      const at = `cmi.interactions.${i.n}.`;
      // Strict 1.2 choice responses are single characters; anything else goes as 'performance' text.
      const [type, response, answer] = i.choice
        ? ['choice', f.choiceLetter(i.choice.response)!, f.choiceLetter(i.choice.answer)!]
        : ['performance', i.response.slice(0, 255), i.answer.slice(0, 255)];
      return [
        [`${at}id`, i.id], [`${at}type`, type], [`${at}time`, f.time12(i.at)], [`${at}student_response`, response],
        [`${at}result`, i.correct ? 'correct' : 'wrong'], [`${at}correct_responses.0.pattern`, answer],
        ...(i.latencyMs === null ? [] : [[`${at}latency`, f.timespan12(i.latencyMs)] as [string, string]]),
      ];
    },
  },
  '2004': {
    init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError',
    location: 'cmi.location', locationMax: 1000, suspendMax: 64_000,
    exit: 'cmi.exit', sessionTime: 'cmi.session_time', language: 'cmi.learner_preference.language',
    learnerId: 'cmi.learner_id', entry: 'cmi.entry',
    duration: f.duration2004,
    recorded(get) {
      const success = get('cmi.success_status');
      if (success === 'passed' || success === 'failed') return success;
      const completion = get('cmi.completion_status');
      return ['completed', 'incomplete', 'not attempted'].includes(completion) ? (completion as Recorded) : 'unknown';
    },
    mastery: (get) => percentOrNull(get('cmi.scaled_passing_score'), 100),
    status: (status) =>
      status === 'incomplete'
        ? [['cmi.completion_status', 'incomplete']]
        : [['cmi.completion_status', 'completed'], ['cmi.success_status', status]],
    score: (percent) => [
      ['cmi.score.scaled', f.scoreScaled(percent)], ['cmi.score.raw', f.scoreRaw(percent)], ['cmi.score.min', '0'], ['cmi.score.max', '100'],
    ],
    progressMeasure: 'cmi.progress_measure',
    objective: (n, id, best, mastered) => [
      [`cmi.objectives.${n}.id`, id], [`cmi.objectives.${n}.score.scaled`, f.scoreScaled(best)], [`cmi.objectives.${n}.score.raw`, f.scoreRaw(best)],
      [`cmi.objectives.${n}.score.min`, '0'], [`cmi.objectives.${n}.score.max`, '100'],
      [`cmi.objectives.${n}.success_status`, mastered ? 'passed' : 'failed'], [`cmi.objectives.${n}.completion_status`, 'completed'],
    ],
    interaction(i) {
      const at = `cmi.interactions.${i.n}.`;
      // Option keys are short identifiers (casework, a…); should one not be, letters stand in for all.
      const key = (k: number) => (i.item.options.every((o) => /^[\w.]{1,250}$/.test(o)) ? i.item.options[k] : f.choiceLetter(k)!);
      const [type, response, answer] = i.choice
        ? ['choice', key(i.choice.response), key(i.choice.answer)]
        : ['other', i.response.slice(0, 4000), i.answer.slice(0, 4000)];
      // Order matters: id, then type, before the response (else 408); the pattern needs the type too.
      return [
        [`${at}id`, i.id], [`${at}type`, type], [`${at}timestamp`, f.timestamp2004(i.at)], [`${at}learner_response`, response],
        [`${at}result`, i.correct ? 'correct' : 'incorrect'], [`${at}correct_responses.0.pattern`, answer],
        ...(i.latencyMs === null ? [] : [[`${at}latency`, f.duration2004(i.latencyMs)] as [string, string]]),
        ...(i.description === null ? [] : [[`${at}description`, i.description] as [string, string]]),
      ];
    },
  },
};

/** The bookmark: the place in the compact record's own notation (`L<module code>.<page>` …). */
export function placeToLocation(place: Place | null): string {
  if (!place) return '';
  const code = shortId(place.module);
  if (place.screen === 'lesson') return `L${code}.${place.page}`;
  if (place.screen === 'quiz') return `Q${code}.${place.item}.${place.answered ? 1 : 0}`;
  return `S${code}`;
}

export function locationToPlace(location: string, manifest: CourseManifest): Place | null {
  const match = /^([LQS])([0-9a-z]{5})(?:\.(\d+))?(?:\.([01]))?$/.exec(location);
  const module = match && courseModules(manifest).find((m) => shortId(m.id) === match[2]);
  if (!match || !module) return null;
  const screen = match[1] === 'L' ? 'lesson' : match[1] === 'Q' ? 'quiz' : 'summary';
  // fitProgress checks the indexes against the course.
  return fitProgress({ place: { screen, module: module.id, page: Number(match[3]), item: Number(match[3]), answered: match[4] === '1' } }, manifest).place;
}

/**
 * Suspend data within `limit` characters. If the full record is too long, drop what matters least
 * first: older attempts, spaced-review entries, answers outside the current module, then all
 * answers. Scores, the final result and the place always stay. Null if even that does not fit.
 */
export function fitSuspendData(progress: Progress, manifest: CourseManifest, limit: number): { data: string; degraded: boolean } | null {
  const current = courseModules(manifest).find((m) => m.id === progress.place?.module);
  const steps: ((p: Progress) => Progress)[] = [
    (p) => p,
    (p) => ({ ...p, answers: Object.fromEntries(Object.entries(p.answers).map(([id, a]) => [id, a.slice(-1)])) }),
    (p) => ({ ...p, review: {} }),
    (p) => ({ ...p, answers: Object.fromEntries(Object.entries(p.answers).filter(([id]) => current?.items.some((i) => i.id === id))) }),
    (p) => ({ ...p, answers: {} }),
  ];
  let p = progress;
  for (const [index, step] of steps.entries()) {
    p = step(p);
    const data = encodeProgress(p, manifest);
    if (data.length <= limit) return { data, degraded: index > 0 };
  }
  return null;
}

/** Where to mirror this learner's progress locally: a hash of LMS learner id + course, never the name. */
export const localMirrorKey = (manifest: CourseManifest, learnerId: string | null) =>
  `berdaya:${manifest.id}:scorm:${learnerId ? shortId(`${manifest.id}\u0000${learnerId}`) : 'anonymous'}`;

const defaultTimer = (fn: () => void, ms: number) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

/** One tracker per API object, so a second start (React StrictMode, a remount) initialises nothing. */
const sessions = new WeakMap<object, LmsTracker>();

export function startScormTracker(found: FoundApi, manifest: CourseManifest, options: TrackerOptions = {}): LmsTracker {
  let tracker = sessions.get(found.api);
  if (!tracker) {
    tracker = createTracker(found, manifest, options);
    sessions.set(found.api, tracker);
  }
  return tracker;
}

/** Which of the learner's things an element carries (for "what did not reach the LMS"). */
function missingOf(element: string): Missing {
  if (/status|score|progress_measure|objectives/.test(element)) return 'result';
  if (/suspend_data|location/.test(element)) return 'progress';
  return 'session';
}

/**
 * A module's objective id: the module's own id (a folder name) where both versions' identifier
 * rules allow it (1.2 printable ASCII; 2004 no spaces, ending in a letter or digit), else made safe.
 */
export const objectiveId = (moduleId: string) => (/^[A-Za-z0-9][\w.-]{0,248}[A-Za-z0-9]$/.test(moduleId) ? moduleId : f.identifier(moduleId));

/** One answer on its way to the LMS: its writes, sent in order, at the index its id got. */
interface Journal {
  build: (n: number) => Writes;
  /** The interaction index, once the LMS accepted the id there. */
  n: number | null;
  writes: Writes | null;
  /** How many of its writes the LMS accepted since the last commit. */
  next: number;
}

function createTracker(found: FoundApi, manifest: CourseManifest, options: TrackerOptions): LmsTracker {
  const d = DIALECTS[found.version];
  const api = found.api as unknown as Record<string, (...args: string[]) => unknown>;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? defaultTimer;
  const startedAt = now();

  let phase: 'new' | 'live' | 'over' = 'new';
  let launch: LmsLaunch = { progress: null, lang: null, masteryScore: null, recorded: 'unknown', learnerId: null, entry: '', unreadable: null };
  let state: LmsState = 'ok';
  const listeners = new Set<(state: LmsState) => void>();
  /**
   * Values are pending until the LMS accepted them and then committed: `want` holds the latest
   * value per element not yet stored (latest wins), `accepted` what SetValue took since the last
   * commit, `stored` what a commit confirmed, `dropped` values the LMS can never take.
   */
  const want = new Map<string, string>();
  const accepted = new Map<string, string>();
  const stored = new Map<string, string>();
  const dropped = new Map<string, string>();
  /** Answers not yet committed, oldest first: sent in this order, each exactly once (at one index). */
  const journal: Journal[] = [];
  const warned = new Set<string>();
  let latest: Progress | null = null;
  let held: Recorded = 'unknown';
  /** Unreadable LMS resume data: no suspend data, bookmark, status or score is written over it. */
  let protect = false;
  let interactions = 0;
  /** Objective index per objective id: those the LMS had at launch, then new ones appended. */
  const objectives = new Map<string, number>();
  let nextObjective = 0;
  let dirty = false;
  let commitQueued = false;
  let attempt = 0;
  let cancelRetry: (() => void) | null = null;

  /** Every API call goes through here: none once the session is over; a throw answers null. */
  function call(method: string, ...args: string[]): string | null {
    if (phase === 'over') return null;
    try {
      const result = api[method](...args);
      return result === undefined || result === null ? null : String(result);
    } catch {
      return null;
    }
  }

  const get = (element: string) => call(d.get, element) ?? '';

  /** One SetValue: accepted, refused for good (the value is wrong for this LMS), or not now. */
  function trySet(element: string, value: string): 'ok' | 'permanent' | 'later' {
    const result = call(d.set, element, value);
    if (result === 'true') {
      accepted.set(element, value);
      dirty = true;
      return 'ok';
    }
    const code = result === null ? '' : (call(d.error) ?? '');
    const permanent = PERMANENT[found.version].includes(code);
    // 401/402: an optional element this LMS does not implement; nothing to tell anyone.
    if (code !== '401' && code !== '402') {
      const why = permanent ? 'refused' : 'did not take (it is sent again)';
      warnOnce(`${element.replace(/\.\d+\./g, '.n.')}:${permanent}`, `SCORM: the LMS ${why} ${element} = ${JSON.stringify(value.slice(0, 80))} (error ${code || 'thrown'})`);
    }
    return permanent ? 'permanent' : 'later';
  }

  /** Wants a value stored; sent by the next `send()`. */
  function put(element: string, value: string) {
    if (stored.get(element) === value && !accepted.has(element)) want.delete(element);
    else if (dropped.get(element) !== value) want.set(element, value);
  }

  /** Whether the LMS holds (or has just taken) this value's element as wanted. */
  const settled = (element: string) => accepted.has(element) || (stored.has(element) && !want.has(element));

  /** An objective's field waits for its id; a new objective waits for the one before it (no skipping ahead). */
  function waits(element: string): boolean {
    const at = /^cmi\.objectives\.(\d+)\.(.+)$/.exec(element);
    if (!at) return false;
    const n = Number(at[1]);
    return at[2] === 'id' ? n > 0 && !settled(`cmi.objectives.${n - 1}.id`) : !settled(`cmi.objectives.${n}.id`);
  }

  /** Sends every pending value and answer the LMS has not accepted yet. */
  function send() {
    for (const [element, value] of [...want]) {
      if (accepted.get(element) === value || waits(element)) continue;
      if (trySet(element, value) === 'permanent') {
        dropped.set(element, value);
        want.delete(element);
      }
    }
    for (let k = 0; k < journal.length; ) {
      const entry = journal[k];
      const writes = entry.writes ?? entry.build(interactions);
      while (entry.next < writes.length) {
        const outcome = trySet(...writes[entry.next]);
        // Order matters: a later answer waits until this one is through.
        if (outcome === 'later') return;
        // Only an accepted id makes the LMS's _count grow; a refused one drops the whole answer.
        if (entry.next === 0 && outcome === 'permanent') break;
        if (entry.next === 0 && entry.n === null) {
          entry.n = interactions;
          entry.writes = writes;
          interactions += 1;
        }
        entry.next += 1;
      }
      if (entry.n === null) journal.splice(k, 1);
      else k += 1;
    }
  }

  function setState(next: LmsState) {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch {
        /* a listener's problem is not the session's */
      }
    }
  }

  function statusOf(progress: Progress, mastery: number | null): Status {
    if (!progress.final) return 'incomplete';
    // With an LMS pass mark, pass exactly when Moodle's mastery override would (raw >= mastery).
    const passed = mastery !== null ? progress.final.score >= mastery : progress.final.passed;
    return passed ? 'passed' : 'failed';
  }

  /** 2004 progress measure: modules mastered out of modules + final; 1 once the final is taken. */
  function measureOf(progress: Progress): number {
    if (progress.final) return 1;
    const mastered = manifest.modules.filter((m) => (progress.modules[m.id]?.best ?? -1) >= manifest.mastery).length;
    return mastered / (manifest.modules.length + 1);
  }

  function writeProgress(progress: Progress) {
    if (progress.lang) put(d.language, progress.lang);
    if (protect) return;
    put(d.location, placeToLocation(progress.place).slice(0, d.locationMax));
    const suspend = fitSuspendData(progress, manifest, d.suspendMax);
    if (suspend?.degraded || !suspend) warnOnce('suspend', `SCORM: progress is over ${d.suspendMax} characters; ${suspend ? 'older detail was left out of' : 'nothing was written to'} the suspend data`);
    if (suspend) put('cmi.suspend_data', suspend.data);
    const status = statusOf(progress, launch.masteryScore);
    // A lower status than the LMS has (e.g. a new attempt after a pass) sends neither it nor its score.
    if (RANK[status] >= RANK[held]) {
      held = status;
      for (const [element, value] of d.status(status)) put(element, value);
      if (progress.final) for (const [element, value] of d.score(progress.final.score)) put(element, value);
      if (d.progressMeasure) put(d.progressMeasure, f.share(measureOf(progress)));
    }
    // Each module's best quiz score and mastery: best never goes down, so neither does this.
    for (const m of manifest.modules) {
      const best = progress.modules[m.id]?.best;
      if (best === undefined) continue;
      const id = objectiveId(m.id);
      if (!objectives.has(id)) objectives.set(id, nextObjective++);
      for (const [element, value] of d.objective(objectives.get(id)!, id, best, best >= manifest.mastery)) put(element, value);
    }
  }

  function warnOnce(key: string, message: string) {
    if (warned.has(key)) return;
    warned.add(key);
    console.warn(message);
  }

  const clean = () => want.size === 0 && journal.length === 0;

  function missing(): Missing[] {
    const kinds = new Set<Missing>([...want.keys()].map(missingOf));
    if (journal.length) kinds.add('answers');
    return (['answers', 'result', 'progress', 'session'] as const).filter((k) => kinds.has(k));
  }

  /** A commit the LMS confirmed: what it accepted is stored. */
  function committed() {
    for (const [element, value] of accepted) {
      stored.set(element, value);
      if (want.get(element) === value) want.delete(element);
    }
    accepted.clear();
    // Answers wholly accepted are stored; one cut short stays (its index is kept).
    while (journal.length && journal[0].writes && journal[0].next >= journal[0].writes.length) journal.shift();
    dirty = false;
  }

  /** A failed commit: nothing since the last good one is sure to be stored, so all of it goes again. */
  function uncommitted() {
    accepted.clear();
    for (const entry of journal) entry.next = 0;
    dirty = true;
  }

  function retryLater() {
    if (!cancelRetry) {
      cancelRetry = setTimer(() => {
        cancelRetry = null;
        attempt += 1;
        guard(flush);
      }, retryDelay(attempt));
    }
    setState('retrying');
  }

  /** Session time and exit on every commit (a window that dies later still resumes), then commit. */
  function commit(): boolean {
    if (phase !== 'live') return false;
    put(d.sessionTime, d.duration(now() - startedAt));
    put(d.exit, 'suspend');
    send();
    if (call(d.commit, '') === 'true') committed();
    else uncommitted();
    if (clean()) {
      attempt = 0;
      cancelRetry?.();
      cancelRetry = null;
      setState('ok');
      return true;
    }
    retryLater();
    return false;
  }

  function flush() {
    if (phase !== 'live') return;
    if (latest) writeProgress(latest);
    commit();
  }

  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      warnOnce('internal', `SCORM: tracking stopped working for a moment: ${String(error)}`);
    }
  };

  // Initialise once. 2004's 103 "already initialised" means a live session we can use.
  guard(() => {
    if (call(d.init, '') !== 'true' && !(found.version === '2004' && call(d.error) === '103')) {
      phase = 'over';
      setState('failed-to-start');
      return;
    }
    phase = 'live';
    const count = Number(get('cmi.interactions._count'));
    interactions = Number.isInteger(count) && count >= 0 ? count : 0;
    launch = readLaunch();
    readObjectives();
    held = launch.recorded;
    protect = launch.unreadable !== null;
    // What the LMS already holds is not sent again.
    if (launch.lang) stored.set(d.language, launch.lang);
    // Moodle turns a 'not attempted' into 'completed' at finish: say incomplete straight away.
    if (RANK[held] === 0 && !protect) {
      held = 'incomplete';
      for (const [element, value] of d.status('incomplete')) put(element, value);
    }
    commit();
  });

  /** The objectives the LMS already holds keep their index (and are not sent again unchanged). */
  function readObjectives() {
    const count = Number(get('cmi.objectives._count'));
    for (let n = 0; Number.isInteger(count) && n < Math.min(count, 1000); n++) {
      const id = get(`cmi.objectives.${n}.id`);
      stored.set(`cmi.objectives.${n}.id`, id);
      if (id && !objectives.has(id)) objectives.set(id, n);
    }
    // New objectives go after every existing one, whatever its id.
    nextObjective = Number.isInteger(count) && count > 0 ? Math.min(count, 1000) : 0;
  }

  function readLaunch(): LmsLaunch {
    // A read that throws is not "nothing saved": null, and nothing is written over it.
    const suspend = call(d.get, 'cmi.suspend_data');
    const location = get(d.location);
    const entry = get(d.entry);
    const decoded = suspend ? decodeProgress(suspend, manifest) : null;
    let progress = decoded?.ok ? decoded.progress : null;
    let unreadable: LmsLaunch['unreadable'] = null;
    if (decoded && !decoded.ok) unreadable = { reason: decoded.reason, raw: suspend! };
    // The course writes suspend data with its first bookmark or answer: resuming to a bookmark or
    // answers without it means the LMS lost it, or could not give it this time.
    else if (suspend === null || (!suspend && entry === 'resume' && (location !== '' || interactions > 0))) unreadable = { reason: 'missing', raw: suspend ?? '' };
    if (!progress) {
      // Unreadable resume data: the bookmark still says where the learner was.
      const place = locationToPlace(location, manifest);
      if (place) progress = fitProgress({ place, atWelcome: false }, manifest);
    }
    const learnerId = get(d.learnerId);
    return {
      progress,
      lang: f.parseLanguage(get(d.language)),
      masteryScore: d.mastery(get),
      recorded: d.recorded(get),
      learnerId: learnerId || null,
      entry,
      unreadable,
    };
  }

  const ended: ExitResult = { ok: true, missing: [] };

  return {
    version: found.version,
    get launch() {
      return launch;
    },
    get state() {
      return state;
    },
    record(progress) {
      if (phase !== 'live') return;
      latest = progress;
      guard(flush);
    },
    answered({ item, response, correct, at, latencyMs, description, name }) {
      if (phase !== 'live') return;
      guard(() => {
        // A sort or a case answers several parts, one option index (base 36) each: sent as the
        // chosen keys joined by '.', e.g. "casework.systemic" (no commas: some LMSs split on them).
        const parts = (item as { parts?: { options: string[] }[] }).parts;
        const text = (value: string) => (parts ? [...value].map((c, k) => parts[k]?.options[parseInt(c, 36)] ?? '_').join('.') : value);
        const [r, a] = [item.options.indexOf(response), item.options.indexOf(item.answer)];
        const choice = !parts && r >= 0 && a >= 0 && r < 26 && a < 26 ? { response: r, answer: a } : null;
        const when = at ?? new Date(now());
        const latency = typeof latencyMs === 'number' && latencyMs >= 0 ? latencyMs : null;
        journal.push({
          build: (n) => d.interaction({ n, id: f.interactionId(item, name), item, choice, response: text(String(response)), answer: text(item.answer), correct, at: when, latencyMs: latency, description: description ? f.langString(description.text, description.lang) : null }),
          n: null,
          writes: null,
          next: 0,
        });
        send();
        // Committed by the record() that usually follows in the same task, else just after it.
        if (!commitQueued) {
          commitQueued = true;
          queueMicrotask(() => {
            commitQueued = false;
            if ((dirty || !clean()) && !cancelRetry) guard(commit);
          });
        }
      });
    },
    hide() {
      guard(flush);
    },
    finish() {
      if (phase === 'over') return state === 'ended' ? ended : { ok: false, missing: ['session'] };
      if (phase !== 'live') return { ok: false, missing: ['session'] };
      let result: ExitResult = { ok: false, missing: ['session'] };
      guard(() => {
        cancelRetry?.();
        cancelRetry = null;
        if (latest) writeProgress(latest);
        put(d.sessionTime, d.duration(now() - startedAt));
        put(d.exit, 'suspend');
        send();
        // Something was not accepted: finishing now would lose it. The session stays open.
        if ([...want].some(([k, v]) => accepted.get(k) !== v) || journal.some((j) => !j.writes || j.next < j.writes.length)) {
          result = { ok: false, missing: missing() };
          retryLater();
          return;
        }
        // 1.2 does not promise that LMSFinish stores data; 2004's Terminate commits by itself.
        if (found.version === '1.2') {
          if (call(d.commit, '') !== 'true') {
            uncommitted();
            result = { ok: false, missing: missing() };
            retryLater();
            return;
          }
          committed();
        }
        if (call(d.finish, '') !== 'true') {
          uncommitted();
          result = { ok: false, missing: [...new Set<Missing>([...missing(), 'session'])] };
          retryLater();
          return;
        }
        committed();
        phase = 'over';
        result = ended;
      });
      if (result.ok) setState('ended');
      return result;
    },
    missing,
    overwriteUnreadable(progress) {
      if (phase !== 'live' || !protect) return;
      protect = false;
      latest = progress;
      guard(flush);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
