/**
 * The field's LMS faults (LMS.md-style: commits that fail, calls that throw, an LMS that answers
 * "false" for a few seconds, an API that goes away, reads that return garbage) as a switchable
 * shim in front of a StrictLms. Plain TypeScript: the browser tests' host page uses it too, and
 * switches faults by changing `faults` (`window.faults`) while the course runs.
 */
import { METHODS, type StrictLms } from './strict-lms.ts';

export interface Faults {
  /** Every Nth commit (counting from the switch) answers "false"; 0 for never. */
  commitFailsEvery: number;
  /** SetValue throws for elements matching this regular expression (source text). */
  setThrowsFor: string | null;
  /** Until this time (Date.now()), every call but GetLastError answers "false" (1.2: 301, 2004: 101). */
  falseUntil: number;
  /** Until this time, SetValue throws for every element. */
  setThrowsUntil: number;
  /** The API object's methods are gone (a navigation in the LMS frame). */
  gone: boolean;
  /** LMSFinish / Terminate answers "false". */
  finishFails: boolean;
  /** GetValue answers these instead of what the LMS holds. */
  reads: Record<string, string>;
}

export const noFaults = (): Faults => ({ commitFailsEvery: 0, setThrowsFor: null, falseUntil: 0, setThrowsUntil: 0, gone: false, finishFails: false, reads: {} });

export class FaultyLms {
  readonly faults: Faults = noFaults();
  /** The object to put on window.API / window.API_1484_11. */
  readonly api: Record<string, (...args: string[]) => string>;
  /** Calls answered by a fault instead of the LMS. */
  faulted = 0;
  private commits = 0;
  private error: string | null = null;

  constructor(readonly lms: StrictLms) {
    const m = METHODS[lms.version];
    const outage = lms.version === '1.2' ? '301' : '101';
    const fault = (result: string, code: string) => {
      this.faulted += 1;
      this.error = code;
      return result;
    };
    const wrap = (name: string, run: (...args: string[]) => string | null) => (...args: string[]): string => {
      if (this.faults.gone) throw new TypeError(`API.${name} is not a function`);
      if (name !== m.error) this.error = null;
      return run(...args) ?? lms.api[name](...args);
    };
    this.api = { ...lms.api };
    for (const name of Object.values(m)) this.api[name] = wrap(name, () => null);
    this.api[m.error] = wrap(m.error, () => this.error);
    const late = () => Date.now() < this.faults.falseUntil;
    this.api[m.get] = wrap(m.get, (element) => (late() ? fault('', outage) : Object.hasOwn(this.faults.reads, element) ? this.faults.reads[element] : null));
    this.api[m.set] = wrap(m.set, (element) => {
      if (late()) return fault('false', outage);
      if (Date.now() < this.faults.setThrowsUntil || (this.faults.setThrowsFor && new RegExp(this.faults.setThrowsFor).test(element))) {
        this.faulted += 1;
        throw new Error(`LMS failed to store ${element}`);
      }
      return null;
    });
    this.api[m.commit] = wrap(m.commit, () => {
      if (late()) return fault('false', outage);
      this.commits += 1;
      const every = this.faults.commitFailsEvery;
      return every > 0 && this.commits % every === 0 ? fault('false', lms.version === '1.2' ? '101' : '391') : null;
    });
    this.api[m.finish] = wrap(m.finish, () => (late() || this.faults.finishFails ? fault('false', outage) : null));
  }

  /** Switches faults (the others stay as they are); a new commit count starts. */
  set(changes: Partial<Faults>): this {
    Object.assign(this.faults, changes);
    this.commits = 0;
    return this;
  }

  install(win: Window = window): this {
    (win as unknown as Record<string, unknown>)[this.lms.version === '1.2' ? 'API' : 'API_1484_11'] = this.api;
    return this;
  }
}
