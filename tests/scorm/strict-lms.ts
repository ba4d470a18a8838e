/**
 * A strict stand-in LMS: scorm-again's Scorm12API / Scorm2004API (which are deliberately lenient)
 * behind a shim that refuses what Moodle refuses (its regexes in mod/scorm/datamodels/scorm_12.js
 * and scorm_13.js, "SCORM standard mode" limits) and what the strict 1.2 spec refuses (choice
 * responses as single characters). It records every call in order and can fail commits on demand.
 *
 * Plain TypeScript with no Node or test-runner imports: an LMS-host page in the browser tests can
 * use it too (`new StrictLms('1.2').install(window)`).
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';

export type LmsVersion = '1.2' | '2004';

/** Moodle's validators, as in its JavaScript runtime (mod/scorm's scorm_12.js and scorm_13.js). */
export const MOODLE = {
  timespan12: /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/,
  time12: /^([0-2]{1}[0-9]{1}):([0-5]{1}[0-9]{1}):([0-5]{1}[0-9]{1})(\.[0-9]{1,2})?$/,
  decimal12: /^-?([0-9]{0,3})(\.[0-9]*)?$/,
  status12: /^(passed|completed|failed|incomplete|browsed)$/,
  exit12: /^(time-out|suspend|logout|)$/,
  type12: /^(true-false|choice|fill-in|matching|performance|sequencing|likert|numeric)$/,
  result12: /^(correct|wrong|unanticipated|neutral|([0-9]{0,3})?(\.[0-9]*)?)$/,
  /** Strict 1.2 spec: a choice (or sequencing) response is single characters 0–9 / a–z, comma-separated. */
  choice12: /^[0-9a-z](,[0-9a-z])*$/,
  duration2004: /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/,
  timestamp2004:
    /^(19[7-9]{1}[0-9]{1}|20[0-2]{1}[0-9]{1}|203[0-8]{1})((-(0[1-9]{1}|1[0-2]{1}))((-(0[1-9]{1}|[1-2]{1}[0-9]{1}|3[0-1]{1}))(T([0-1]{1}[0-9]{1}|2[0-3]{1})((:[0-5]{1}[0-9]{1})((:[0-5]{1}[0-9]{1})((\.[0-9]{1,2})((Z|([+|-]([0-1]{1}[0-9]{1}|2[0-3]{1})))(:[0-5]{1}[0-9]{1})?)?)?)?)?)?)?)?$/,
  decimal2004: /^-?([0-9]{1,5})(\.[0-9]{1,18})?$/,
  completion2004: /^(completed|incomplete|not attempted|unknown)$/,
  success2004: /^(passed|failed|unknown)$/,
  exit2004: /^(time-out|suspend|logout|normal|)$/,
  type2004: /^(true-false|choice|(long-)?fill-in|matching|performance|sequencing|likert|numeric|other)$/,
  result2004: /^(correct|incorrect|unanticipated|neutral|-?([0-9]{1,4})(\.[0-9]{1,18})?)$/,
  lang2004: /^([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?$|^$/,
  /** Identifiers (interaction ids, 2004 choice responses): Moodle's CMIShortIdentifier. */
  shortId: /^[\w.]{1,250}$/,
  /** 1.2 CMIIdentifier (objective ids): printable ASCII, no spaces. */
  identifier12: /^[\u0021-\u007E]{1,255}$/,
  /** 2004 CMILongIdentifier (objective ids): no spaces, ending in a letter or digit. */
  longId2004: /^\S{0,4000}[a-zA-Z0-9]$/,
  status12any: /^(passed|completed|failed|incomplete|browsed|not attempted)$/,
  /** 2004 CMILangString250 (interaction descriptions): an optional {lang=…}, then at most 250 characters not starting with `{`. */
  langString250: /^(\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?((?!\{.*$).{0,250}$)?$/,
} as const;

/** The method names of each version, for table-driven tests. */
export const METHODS = {
  '1.2': { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError' },
  '2004': { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError' },
} as const;

type Method = keyof (typeof METHODS)['1.2'];

/** Error codes this LMS answers with. */
const CODES = {
  '1.2': { format: '405', range: '405', order: '201', dependency: '201', commit: '101', again: '101', before: { get: '301', set: '301', commit: '301', finish: '301' }, after: { init: '101', get: '301', set: '301', commit: '301', finish: '301' } },
  '2004': { format: '406', range: '407', order: '351', dependency: '408', commit: '391', again: '103', before: { get: '122', set: '132', commit: '142', finish: '112' }, after: { init: '104', get: '123', set: '133', commit: '143', finish: '113' } },
} as const;

export interface LmsCall {
  method: string;
  args: string[];
  result: string;
  /** The error code the LMS had after the call. */
  error: string;
}

export interface Refusal {
  element: string;
  value: string;
  error: string;
}

export interface StrictLmsOptions {
  /** The learner's record as the LMS stored it, flattened (`{'cmi.suspend_data': '…'}`), loaded before launch. */
  data?: Record<string, string>;
}

type Check = (value: string, element: string) => 'format' | 'range' | null;

const matches = (re: RegExp): Check => (value) => (re.test(value) ? null : 'format');
const maxLength = (max: number): Check => (value) => (value.length <= max ? null : 'format');
const decimalIn = (re: RegExp, lo: number, hi: number): Check => (value) =>
  !re.test(value) ? 'format' : Number(value) >= lo && Number(value) <= hi ? null : 'range';

/** Element (with `n` for an index) → check. Elements not listed are left to scorm-again. */
const RULES: Record<LmsVersion, Record<string, Check>> = {
  '1.2': {
    'cmi.core.lesson_location': maxLength(255),
    'cmi.suspend_data': maxLength(4096),
    'cmi.core.lesson_status': matches(MOODLE.status12),
    'cmi.core.exit': matches(MOODLE.exit12),
    'cmi.core.session_time': matches(MOODLE.timespan12),
    'cmi.core.score.raw': decimalIn(MOODLE.decimal12, 0, 100),
    'cmi.core.score.min': decimalIn(MOODLE.decimal12, 0, 100),
    'cmi.core.score.max': decimalIn(MOODLE.decimal12, 0, 100),
    'cmi.student_preference.language': maxLength(255),
    'cmi.interactions.n.id': matches(MOODLE.shortId),
    'cmi.interactions.n.type': matches(MOODLE.type12),
    'cmi.interactions.n.time': matches(MOODLE.time12),
    'cmi.interactions.n.latency': matches(MOODLE.timespan12),
    'cmi.interactions.n.result': matches(MOODLE.result12),
    'cmi.objectives.n.id': matches(MOODLE.identifier12),
    'cmi.objectives.n.score.raw': decimalIn(MOODLE.decimal12, 0, 100),
    'cmi.objectives.n.score.min': decimalIn(MOODLE.decimal12, 0, 100),
    'cmi.objectives.n.score.max': decimalIn(MOODLE.decimal12, 0, 100),
    'cmi.objectives.n.status': matches(MOODLE.status12any),
  },
  '2004': {
    'cmi.location': maxLength(1000),
    'cmi.suspend_data': maxLength(64_000),
    'cmi.completion_status': matches(MOODLE.completion2004),
    'cmi.success_status': matches(MOODLE.success2004),
    'cmi.exit': matches(MOODLE.exit2004),
    'cmi.session_time': matches(MOODLE.duration2004),
    'cmi.score.scaled': decimalIn(MOODLE.decimal2004, -1, 1),
    'cmi.score.raw': decimalIn(MOODLE.decimal2004, -Infinity, Infinity),
    'cmi.score.min': decimalIn(MOODLE.decimal2004, -Infinity, Infinity),
    'cmi.score.max': decimalIn(MOODLE.decimal2004, -Infinity, Infinity),
    'cmi.progress_measure': decimalIn(MOODLE.decimal2004, 0, 1),
    'cmi.learner_preference.language': matches(MOODLE.lang2004),
    'cmi.interactions.n.id': matches(MOODLE.shortId),
    'cmi.interactions.n.type': matches(MOODLE.type2004),
    'cmi.interactions.n.timestamp': matches(MOODLE.timestamp2004),
    'cmi.interactions.n.latency': matches(MOODLE.duration2004),
    'cmi.interactions.n.result': matches(MOODLE.result2004),
    'cmi.interactions.n.description': matches(MOODLE.langString250),
    'cmi.objectives.n.id': matches(MOODLE.longId2004),
    'cmi.objectives.n.score.scaled': decimalIn(MOODLE.decimal2004, -1, 1),
    'cmi.objectives.n.score.raw': decimalIn(MOODLE.decimal2004, -Infinity, Infinity),
    'cmi.objectives.n.score.min': decimalIn(MOODLE.decimal2004, -Infinity, Infinity),
    'cmi.objectives.n.score.max': decimalIn(MOODLE.decimal2004, -Infinity, Infinity),
    'cmi.objectives.n.success_status': matches(MOODLE.success2004),
    'cmi.objectives.n.completion_status': matches(MOODLE.completion2004),
  },
};

/** A response or correct pattern, checked against the interaction's type. */
function responseProblem(version: LmsVersion, type: string | undefined, value: string): 'format' | null {
  const listed = type === 'choice' || type === 'sequencing';
  if (version === '1.2') return (listed ? MOODLE.choice12.test(value) : value.length <= 255) ? null : 'format';
  if (listed) {
    const ids = value.split('[,]');
    const unique = type !== 'choice' || new Set(ids).size === ids.length;
    return ids.length <= 36 && unique && ids.every((id) => MOODLE.shortId.test(id)) ? null : 'format';
  }
  return value.length <= 4000 ? null : 'format';
}

export class StrictLms {
  readonly inner: Scorm12API | Scorm2004API;
  /** The object to put on window.API / window.API_1484_11. */
  readonly api: Record<string, (...args: string[]) => string>;
  /** Every call the course made, in order. */
  readonly calls: LmsCall[] = [];
  /** Every SetValue this LMS refused. */
  readonly refused: Refusal[] = [];
  /** What the course set and the LMS accepted (last value wins). */
  readonly values: Record<string, string> = {};
  /** `values` as of the last successful commit or finish: what the LMS has stored. */
  committed: Record<string, string> = {};
  private phase: 'new' | 'live' | 'over' = 'new';
  private lastError = '0';
  private failing: { count: number; mode: 'false' | 'throw' } = { count: 0, mode: 'false' };
  private readonly interactions: { id?: string; type?: string }[] = [];
  private readonly objectives: { id?: string }[] = [];
  private readonly data: Record<string, string>;

  constructor(readonly version: LmsVersion, options: StrictLmsOptions = {}) {
    // Every setting that matters is explicit: the defaults have changed between releases.
    const settings = {
      autocommit: false,
      autocommitSeconds: 60,
      lmsCommitUrl: false,
      useAsynchronousCommits: false,
      sendFullCommit: true,
      mastery_override: true,
      score_overrides_status: false,
      autoCompleteLessonStatus: false,
      selfReportSessionTime: false,
      globalStudentPreferences: false,
      enableOfflineSupport: false,
      logLevel: 5,
    } as const;
    this.inner = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
    this.data = { ...options.data };
    if (Object.keys(this.data).length) this.inner.loadFromFlattenedJSON(this.data);
    for (const [key, value] of Object.entries(this.data)) {
      const id = /^cmi\.(interactions|objectives)\.(\d+)\.id$/.exec(key);
      if (id) this[id[1] as 'interactions' | 'objectives'][Number(id[2])] = { id: value };
    }
    const m = METHODS[version];
    const call = (method: Method) => (...args: string[]) => this.handle(method, args);
    this.api = {
      [m.init]: call('init'), [m.finish]: call('finish'), [m.get]: call('get'), [m.set]: call('set'),
      [m.commit]: call('commit'), [m.error]: call('error'),
      [version === '1.2' ? 'LMSGetErrorString' : 'GetErrorString']: (code: string) => this.innerCall('LMSGetErrorString', 'GetErrorString', code),
      [version === '1.2' ? 'LMSGetDiagnostic' : 'GetDiagnostic']: (code: string) => this.innerCall('LMSGetDiagnostic', 'GetDiagnostic', code),
    };
  }

  /** Puts the API where content looks for it. */
  install(win: Window = window): this {
    (win as unknown as Record<string, unknown>)[this.version === '1.2' ? 'API' : 'API_1484_11'] = this.api;
    return this;
  }

  /** The next `count` commits fail: return "false" (error 101 / 391) or throw, like a dropped connection. */
  failCommits(count: number, mode: 'false' | 'throw' = 'false'): void {
    this.failing = { count, mode };
  }

  /** Calls of one kind (init, finish, get, set, commit, error). */
  callsOf(method: Method): LmsCall[] {
    return this.calls.filter((c) => c.method === METHODS[this.version][method]);
  }

  /** Calls made after the first finish/terminate. */
  callsAfterFinish(): LmsCall[] {
    const at = this.calls.findIndex((c) => c.method === METHODS[this.version].finish);
    return at < 0 ? [] : this.calls.slice(at + 1);
  }

  /** The value the course last set for an element, if the LMS accepted it. */
  value(element: string): string | undefined {
    return this.values[element];
  }

  /** The LMS's own current value of an element, past access rules and after its own rules ran (e.g. mastery override at finish). */
  lmsValue(element: string): string {
    let node: unknown = this.inner;
    for (const key of element.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
    return node === undefined || node === null ? '' : String(node);
  }

  /** What a later launch of this learner starts from: the stored record, without per-session fields. */
  stored(): Record<string, string> {
    return Object.fromEntries(
      Object.entries({ ...this.data, ...this.committed }).filter(([key]) => !/session_time|\.exit$|\.interactions\.\d+\.(?!id$)/.test(key)),
    );
  }

  /** A later launch of the same learner: what was stored, plus `changes` (e.g. cmi.entry). */
  relaunch(changes: Record<string, string> = {}): StrictLms {
    return new StrictLms(this.version, { data: { ...this.stored(), ...changes } });
  }

  private innerCall(name12: string, name2004: string, ...args: string[]): string {
    const inner = this.inner as unknown as Record<string, (...a: string[]) => unknown>;
    return String(inner[this.version === '1.2' ? name12 : name2004](...args));
  }

  private handle(method: Method, args: string[]): string {
    const entry: LmsCall = { method: METHODS[this.version][method], args, result: '', error: '' };
    this.calls.push(entry);
    let result: string;
    try {
      result = this.run(method, args);
    } finally {
      entry.error = this.lastError;
    }
    entry.result = result;
    return result;
  }

  private fail(code: string, result = 'false'): string {
    this.lastError = code;
    return result;
  }

  private run(method: Method, args: string[]): string {
    const codes = CODES[this.version];
    const inner = (name: Method, ...a: string[]) => {
      const result = this.innerCall(METHODS['1.2'][name], METHODS['2004'][name], ...a);
      this.lastError = this.innerCall('LMSGetLastError', 'GetLastError');
      return result;
    };
    if (method === 'error') return this.lastError;
    if (method === 'init') {
      if (this.phase === 'live') return this.fail(codes.again);
      if (this.phase === 'over') return this.fail(codes.after.init);
      const result = inner('init', ...args);
      if (result === 'true') this.phase = 'live';
      return result;
    }
    const empty = method === 'get' ? '' : 'false';
    if (this.phase === 'new') return this.fail(codes.before[method], empty);
    if (this.phase === 'over') return this.fail(codes.after[method], empty);
    if (method === 'get') return inner('get', ...args);
    if (method === 'commit' || method === 'finish') {
      if (method === 'commit' && this.failing.count > 0) {
        this.failing.count -= 1;
        this.lastError = codes.commit;
        if (this.failing.mode === 'throw') throw new Error('LMS unreachable');
        return 'false';
      }
      const result = inner(method, ...args);
      if (result === 'true') this.committed = { ...this.values };
      if (method === 'finish') this.phase = 'over';
      return result;
    }
    const [element, value] = [String(args[0]), String(args[1])];
    const problem = this.check(element, value);
    if (problem) {
      this.refused.push({ element, value, error: problem });
      return this.fail(problem);
    }
    const result = inner('set', element, value);
    if (result === 'true') {
      this.values[element] = value;
      const at = /^cmi\.interactions\.(\d+)\.(id|type)$/.exec(element);
      if (at) this.interactions[Number(at[1])] = { ...this.interactions[Number(at[1])], [at[2]]: value };
      const objective = /^cmi\.objectives\.(\d+)\.id$/.exec(element);
      if (objective) this.objectives[Number(objective[1])] = { id: value };
    } else {
      this.refused.push({ element, value, error: this.lastError });
    }
    return result;
  }

  /** The error code this LMS gives for a SetValue, or null to pass it on to scorm-again. */
  private check(element: string, value: string): string | null {
    const codes = CODES[this.version];
    const indexed = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    const pattern = element.replace(/\.\d+\./g, '.n.');
    const problem = RULES[this.version][pattern]?.(value, element);
    if (problem) return codes[problem];
    const objective = /^cmi\.objectives\.(\d+)\.(.+)$/.exec(element);
    if (objective) {
      // As for interactions: no skipping ahead of _count, no leading zero; in 2004 the id first,
      // and (SCORM 2004 RTE) an objective's id never changes once set.
      const [, index, field] = objective;
      const known = this.objectives[Number(index)];
      if ((index.length > 1 && index.startsWith('0')) || Number(index) > this.objectives.length) return codes.order;
      if (field !== 'id' && this.version === '2004' && !known?.id) return codes.dependency;
      if (field === 'id' && this.version === '2004' && known?.id && known.id !== value) return codes.format;
      return null;
    }
    if (!indexed) return null;
    const [, index, field] = indexed;
    const n = Number(index);
    // An index may not skip ahead of _count, nor be written with a leading zero.
    if ((index.length > 1 && index.startsWith('0')) || n > this.interactions.length) return codes.order;
    const known = this.interactions[n];
    if (field !== 'id' && this.version === '2004' && !known?.id) return codes.dependency;
    if (field === 'student_response' || field === 'learner_response' || /^correct_responses\.\d+\.pattern$/.test(field)) {
      if (this.version === '2004' && !known?.type) return codes.dependency;
      if (responseProblem(this.version, known?.type, value)) return codes.format;
    }
    return null;
  }
}
