import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Scorm2004API } from 'scorm-again';
import { compileContent } from '../../scripts/content/compile.ts';
import { compactItem, expandItem } from '../../src/content/compact-item.ts';
import type { CourseManifest, ItemSpec } from '../../src/content/types.ts';
import { FINAL } from '../../src/course/final-assessment.ts';
import { decodeProgress, encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress, type Progress } from '../../src/course/progress.ts';
import type { FoundApi } from '../../src/tracking/scorm/find-api.ts';
import { placeToLocation, startScormTracker, type LmsState } from '../../src/tracking/scorm/scorm-tracker.ts';
import { FaultyLms } from '../scorm/faulty-lms.ts';
import { METHODS, MOODLE, StrictLms, type LmsVersion } from '../scorm/strict-lms.ts';

/** The real course as the browser gets it: items known by their 5-character codes. */
const compiled = compileContent(path.resolve('lessons')).manifest;
const manifest: CourseManifest = { ...compiled, modules: compiled.modules.map((m) => ({ ...m, items: m.items.map((i) => expandItem(compactItem(i))) })) };
const first = manifest.modules[0];
const allItems = manifest.modules.flatMap((m) => m.items);
/** Some attempt at an item, right or not (a sort or case answers one option index per part). */
const attempt = (item: ItemSpec, k: number) => (item.options.length ? item.options[k % item.options.length] : item.answer);

/** The elements each test looks at, per version. */
const E = {
  '1.2': {
    status: 'cmi.core.lesson_status', success: 'cmi.core.lesson_status', location: 'cmi.core.lesson_location', exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time', raw: 'cmi.core.score.raw', language: 'cmi.student_preference.language', name: 'cmi.core.student_name',
    timespan: MOODLE.timespan12,
  },
  '2004': {
    status: 'cmi.completion_status', success: 'cmi.success_status', location: 'cmi.location', exit: 'cmi.exit',
    sessionTime: 'cmi.session_time', raw: 'cmi.score.raw', language: 'cmi.learner_preference.language', name: 'cmi.learner_name',
    timespan: MOODLE.duration2004,
  },
} as const;

/** A first launch as an LMS would set it up: a learner id and a name (which must never be read). */
const FIRST_LAUNCH: Record<LmsVersion, Record<string, string>> = {
  '1.2': {
    'cmi.core.student_id': 'learner-7', 'cmi.core.student_name': 'Doe, Jane', 'cmi.core.lesson_status': 'not attempted',
    'cmi.core.entry': 'ab-initio', 'cmi.core.credit': 'credit', 'cmi.core.lesson_mode': 'normal',
  },
  '2004': {
    'cmi.learner_id': 'learner-7', 'cmi.learner_name': 'Doe, Jane', 'cmi.completion_status': 'not attempted',
    'cmi.entry': 'ab-initio', 'cmi.credit': 'credit', 'cmi.mode': 'normal',
  },
};

const found = (lms: StrictLms) => ({ version: lms.version, api: lms.api }) as unknown as FoundApi;

function launch(version: LmsVersion, data: Record<string, string> = {}) {
  const lms = new StrictLms(version, { data: { ...FIRST_LAUNCH[version], ...data } });
  return { lms, tracker: startScormTracker(found(lms), manifest) };
}

/** [element, value] of every SetValue, in order. */
const sets = (lms: StrictLms, from = 0) =>
  lms.calls.slice(from).filter((c) => c.method === METHODS[lms.version].set).map((c) => [c.args[0], c.args[1]] as const);
const setElements = (lms: StrictLms, from = 0) => sets(lms, from).map(([element]) => element);
/** Calls the LMS answered with an error, except 2004's 403 for reading a value never set (normal on a first launch). */
const errors = (lms: StrictLms) => lms.calls.filter((c) => c.error !== '0' && !(c.method === 'GetValue' && c.error === '403'));

/** Part-way through module 1: one item answered twice, its quiz mastered. */
function midway(): Progress {
  const item = first.items.find((i) => i.options.length)!;
  return {
    ...createProgress(manifest), lang: 'id', atWelcome: false,
    place: { screen: 'quiz', module: first.id, item: 1, answered: false },
    answers: { [item.id]: [item.options.find((o) => o !== item.answer)!, item.answer] },
    modules: { [first.id]: { score: 100, best: 100, round: 1 } },
  };
}

/** Every module mastered and the final taken with `score`. */
function finished(score: number, passed: boolean): Progress {
  const modules = Object.fromEntries(manifest.modules.map((m) => [m.id, { score: 100, best: 100, round: 1 }]));
  return { ...midway(), place: { screen: 'summary', module: FINAL }, modules: { ...modules, [FINAL]: { score, best: score, round: 1 } }, final: { score, passed } };
}

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-28T09:00:00.000Z'));
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe.each(['1.2', '2004'] as const)('SCORM %s tracker', (version) => {
  const e = E[version];
  const m = METHODS[version];

  it('T5: first launch commits incomplete and exit=suspend straight away, reading the id but never the name', () => {
    const { lms, tracker } = launch(version);
    expect(tracker.state).toBe('ok');
    expect(tracker.launch).toEqual({ progress: null, lang: null, masteryScore: null, recorded: 'not attempted', learnerId: 'learner-7', entry: 'ab-initio', unreadable: null });
    const writes = lms.calls.filter((c) => c.method !== m.get && c.method !== m.error).map((c) => (c.method === m.set ? c.args[0] : c.method));
    expect(writes).toEqual([m.init, e.status, e.sessionTime, e.exit, m.commit]);
    expect(lms.committed).toMatchObject({ [e.status]: 'incomplete', [e.exit]: 'suspend' });
    expect(lms.committed[e.sessionTime]).toMatch(e.timespan);
    // The window dies now: the LMS holds 'incomplete', so Moodle cannot turn 'not attempted' into 'completed'.
    expect(lms.lmsValue(e.status)).toBe('incomplete');
    expect(lms.calls.some((c) => c.args[0] === e.name)).toBe(false);
    // T7's guard: nothing about progress is written before the course has any.
    expect(setElements(lms)).not.toContain('cmi.suspend_data');
    expect(setElements(lms)).not.toContain(e.location);
    expect(lms.refused).toEqual([]);
  });

  it('T3: a second start (React StrictMode, a remount) returns the same tracker and initialises once', () => {
    const lms = new StrictLms(version, { data: FIRST_LAUNCH[version] });
    const a = startScormTracker(found(lms), manifest);
    const b = startScormTracker(found(lms), manifest);
    expect(b).toBe(a);
    expect(lms.callsOf('init')).toHaveLength(1);
    expect(errors(lms)).toEqual([]);
  });

  it('T3: an LMS whose session someone else already opened', () => {
    const lms = new StrictLms(version, { data: FIRST_LAUNCH[version] });
    lms.api[m.init]('');
    const tracker = startScormTracker(found(lms), manifest);
    if (version === '2004') {
      // 103 "already initialised": the session is live, so the course uses it.
      expect(tracker.state).toBe('ok');
      tracker.record(midway());
      expect(lms.committed['cmi.suspend_data']).toBe(encodeProgress(midway(), manifest));
    } else {
      // 1.2 answers a general 101, which may mean anything: the course stays standalone.
      expect(tracker.state).toBe('failed-to-start');
    }
  });

  it('T3: if initialise fails the tracker is inert: no further calls of any kind', async () => {
    const lms = new StrictLms(version, { data: FIRST_LAUNCH[version] });
    const api = { ...lms.api, [m.init]: () => 'false' };
    const tracker = startScormTracker({ version, api } as unknown as FoundApi, manifest);
    expect(tracker.state).toBe('failed-to-start');
    const calls = lms.calls.length;
    tracker.record(midway());
    tracker.answered({ item: first.items[0], response: first.items[0].answer, correct: true });
    tracker.hide();
    tracker.finish();
    await Promise.resolve();
    vi.advanceTimersByTime(60_000);
    expect(lms.calls.length).toBe(calls);
    expect(tracker.state).toBe('failed-to-start');
    expect(tracker.launch.progress).toBeNull();
  });

  it('nothing throws out of the tracker, even from an API that throws everywhere', () => {
    const throwing = new Proxy({}, { get: () => () => { throw new Error('LMS gone'); } });
    const tracker = startScormTracker({ version, api: throwing } as unknown as FoundApi, manifest);
    expect(tracker.state).toBe('failed-to-start');
    expect(() => [tracker.record(midway()), tracker.hide(), tracker.finish()]).not.toThrow();

    // Only reads and sets throw: the launch is empty, and a resume record that could not even be
    // read is not written over; what the LMS did not take stays pending, and the learner is told.
    const lms = new StrictLms(version, { data: FIRST_LAUNCH[version] });
    const api = { ...lms.api, [m.get]: () => { throw new Error('x'); }, [m.set]: () => { throw new Error('y'); } };
    const second = startScormTracker({ version, api } as unknown as FoundApi, manifest);
    expect(second.state).toBe('retrying');
    expect(second.launch).toMatchObject({ progress: null, recorded: version === '1.2' ? 'not attempted' : 'unknown', learnerId: null, unreadable: { reason: 'missing', raw: '' } });
    expect(() => second.record(midway())).not.toThrow();
    expect(() => second.answered({ item: first.items[0], response: 'a', correct: false })).not.toThrow();
    expect(warn).toHaveBeenCalled();
  });

  it('T4/T14: Exit then pagehide finishes exactly once; nothing is called after it, not even by a late retry', async () => {
    const { lms, tracker } = launch(version);
    const states: LmsState[] = [];
    tracker.subscribe((s) => states.push(s));
    tracker.record(midway());
    const commitsBefore = lms.callsOf('commit').length;
    vi.advanceTimersByTime(2_000);
    tracker.finish(); // the course's Exit button
    tracker.finish(); // pagehide
    tracker.hide();
    tracker.record(finished(90, true));
    tracker.answered({ item: first.items[0], response: first.items[0].answer, correct: true });
    await Promise.resolve();
    vi.advanceTimersByTime(10 * 60_000);
    expect(lms.callsOf('finish')).toHaveLength(1);
    expect(lms.callsAfterFinish()).toEqual([]);
    expect(tracker.state).toBe('ended');
    expect(states).toEqual(['ended']);
    const methods = lms.calls.map((c) => c.method);
    // 1.2 does not promise a commit in LMSFinish: commit first. 2004's Terminate commits itself.
    if (version === '1.2') expect(methods.slice(-2)).toEqual(['LMSCommit', 'LMSFinish']);
    else expect(methods.slice(-2)).toEqual(['SetValue', 'Terminate']); // session time, then Terminate
    expect(lms.callsOf('commit').length - commitsBefore).toBe(version === '1.2' ? 1 : 0);
    expect(lms.committed).toMatchObject({ [e.exit]: 'suspend', 'cmi.suspend_data': encodeProgress(midway(), manifest) });
    expect(errors(lms)).toEqual([]);
  });

  it('T4: Save and exit while commits fail keeps the session open and says what did not arrive; after recovery it finishes once', () => {
    const { lms, tracker } = launch(version);
    lms.failCommits(Infinity);
    tracker.record(midway());
    expect(tracker.state).toBe('retrying');
    const result = tracker.finish();
    if (version === '1.2') {
      // The final commit failed: no LMSFinish, the course stays open, the learner hears what is missing.
      expect(result).toEqual({ ok: false, missing: ['result', 'progress', 'session'] }); // the module's objective; incomplete was committed at launch
      expect(lms.callsOf('finish')).toHaveLength(0);
      expect(tracker.state).toBe('retrying');
      lms.failCommits(0);
      expect(tracker.finish()).toEqual({ ok: true, missing: [] });
    } else {
      // 2004's Terminate commits by itself, and this LMS's Terminate works.
      expect(result).toEqual({ ok: true, missing: [] });
    }
    vi.advanceTimersByTime(10 * 60_000);
    expect(lms.callsOf('finish')).toHaveLength(1);
    expect(lms.callsAfterFinish()).toEqual([]);
    expect(tracker.state).toBe('ended');
    expect(lms.committed['cmi.suspend_data']).toBe(encodeProgress(midway(), manifest));
    expect(tracker.finish()).toEqual({ ok: true, missing: [] }); // pagehide after it: nothing more
  });

  it('T12: hidden → one commit, not a finish; sets made afterwards still work', () => {
    const { lms, tracker } = launch(version);
    tracker.record(midway());
    const before = lms.calls.length;
    vi.advanceTimersByTime(5_000);
    tracker.hide();
    const during = lms.calls.slice(before).filter((c) => c.method !== m.error);
    expect(during.map((c) => (c.method === m.set ? c.args[0] : c.method))).toEqual([e.sessionTime, m.commit]);
    expect(lms.callsOf('finish')).toHaveLength(0);
    tracker.record(finished(90, true));
    expect(lms.committed).toMatchObject({ [e.success]: 'passed', [e.raw]: '90' });
    expect(lms.refused).toEqual([]);
  });

  it('T9: a commit that fails three times is retried with backoff until the LMS holds exactly the client state', () => {
    const { lms, tracker } = launch(version);
    const states: LmsState[] = [];
    tracker.subscribe((s) => states.push(s));
    const commits = () => lms.callsOf('commit').length;
    lms.failCommits(3);
    tracker.record(midway()); // failure 1
    expect(tracker.state).toBe('retrying');
    const c0 = commits();
    vi.advanceTimersByTime(999);
    expect(commits()).toBe(c0);
    vi.advanceTimersByTime(1); // t = 1 s: failure 2, next try 2 s later
    expect(commits()).toBe(c0 + 1);
    vi.advanceTimersByTime(500);
    const later = finished(85, true);
    tracker.record(later); // the learner went on meanwhile: failure 3, the pending retry stays
    expect(commits()).toBe(c0 + 2);
    expect(lms.committed['cmi.suspend_data']).toBeUndefined();
    const beforeRecovery = lms.calls.length;
    vi.advanceTimersByTime(1_500); // t = 3 s: success
    expect(commits()).toBe(c0 + 3);
    expect(tracker.state).toBe('ok');
    expect(states).toEqual(['retrying', 'ok']);
    // Current values are sent again on recovery, and the LMS now holds the client's state.
    expect(setElements(lms, beforeRecovery)).toEqual(expect.arrayContaining(['cmi.suspend_data', e.location, e.status, e.raw]));
    expect(lms.committed).toMatchObject({
      'cmi.suspend_data': encodeProgress(later, manifest), [e.location]: placeToLocation(later.place), [e.success]: 'passed', [e.raw]: '85',
    });
    vi.advanceTimersByTime(10 * 60_000);
    expect(commits()).toBe(c0 + 3); // no retries once clean
  });

  it('T9: a commit that throws is a failure like "false"; backoff doubles to 30 s and goes on while the page lives', () => {
    const { lms, tracker } = launch(version);
    lms.failCommits(Infinity, 'throw');
    expect(() => tracker.record(midway())).not.toThrow();
    const commits = () => lms.callsOf('commit').length;
    const c0 = commits();
    vi.advanceTimersByTime(1_000 + 2_000 + 4_000 + 8_000 + 16_000);
    expect(commits()).toBe(c0 + 5);
    vi.advanceTimersByTime(29_999);
    expect(commits()).toBe(c0 + 5); // capped at 30 s, not 32 s
    vi.advanceTimersByTime(1);
    expect(commits()).toBe(c0 + 6);
    vi.advanceTimersByTime(10 * 30_000);
    expect(commits()).toBe(c0 + 16);
    expect(tracker.state).toBe('retrying');
    lms.failCommits(0);
    vi.advanceTimersByTime(30_000);
    expect(tracker.state).toBe('ok');
    expect(lms.committed['cmi.suspend_data']).toBe(encodeProgress(midway(), manifest));
  });

  it('uses the clock and timer it is given', () => {
    let time = 0;
    const timers: [() => void, number][] = [];
    const lms = new StrictLms(version, { data: FIRST_LAUNCH[version] });
    const tracker = startScormTracker(found(lms), manifest, { now: () => time, setTimer: (fn, ms) => (timers.push([fn, ms]), () => undefined) });
    lms.failCommits(1);
    time = 61_000;
    tracker.record(midway());
    expect(timers.map(([, ms]) => ms)).toEqual([1000]);
    timers[0][0]();
    expect(tracker.state).toBe('ok');
    expect(lms.committed[e.sessionTime]).toBe(version === '1.2' ? '00:01:01.00' : 'PT1M1S');
  });

  it('T15: session time is current at every commit, in the version\'s format, at 5 s, 59 min and 10 h', () => {
    const { lms, tracker } = launch(version);
    tracker.record(midway());
    const expected = version === '1.2' ? ['00:00:05.00', '00:59:00.00', '10:00:00.00'] : ['PT5S', 'PT59M0S', 'PT10H0M0S'];
    for (const [ms, value] of [[5_000, expected[0]], [59 * 60_000, expected[1]], [10 * 3_600_000, expected[2]]] as const) {
      vi.setSystemTime(new Date('2026-11-28T09:00:00.000Z').getTime() + ms);
      tracker.hide();
      expect(lms.committed[e.sessionTime]).toBe(value);
    }
    tracker.finish();
    expect(lms.committed[e.sessionTime]).toBe(expected[2]);
    expect(lms.refused).toEqual([]);
  });

  it('T16: every item type, and a re-answer, appended at n = _count in formats the strict LMS accepts', async () => {
    const ofType = (type: string) => allItems.find((i) => i.type === type)!;
    const [level, strategy, choice, sort, story] = ['classify-level', 'classify-strategy', 'choice', 'sort', 'case'].map(ofType);
    expect([level, strategy, choice, sort, story].every(Boolean)).toBe(true);
    // A sort's or a case's response is one option index (base 36) per part; a case may be part-done.
    const keys = (item: ItemSpec, response: string) => [...response].map((c, k) => item.parts![k].options[parseInt(c, 36)]).join('.');
    const wrongSort = sort.answer.replace(/^./, (c) => String((Number(c) + 1) % 3));
    const wrong = (item: ItemSpec) => item.options.find((o) => o !== item.answer)!;
    const { lms, tracker } = launch(version, { 'cmi.interactions.0.id': 'q_older', 'cmi.interactions.1.id': 'q_old2' });
    const at = new Date('2026-11-28T09:01:02.345Z');
    const answers = [
      { item: level, response: wrong(level), correct: false },
      { item: level, response: level.answer, correct: true }, // answered again
      { item: strategy, response: strategy.answer, correct: true },
      { item: choice, response: wrong(choice), correct: false },
      { item: sort, response: wrongSort, correct: false },
      { item: story, response: story.answer.slice(0, 1), correct: true },
    ];
    for (const answer of answers) tracker.answered({ ...answer, at, latencyMs: 12_345 });
    const commitsBefore = lms.callsOf('commit').length;
    await Promise.resolve();
    expect(lms.callsOf('commit')).toHaveLength(commitsBefore + 1);
    expect(lms.refused).toEqual([]);

    const value = (n: number, field: string) => lms.committed[`cmi.interactions.${n}.${field}`];
    const letter = (item: ItemSpec, key: string) => 'abcdefghij'[item.options.indexOf(key)];
    answers.forEach(({ item, response, correct }, k) => {
      const n = k + 2; // after the two the LMS already had
      const parts = !!item.parts;
      expect(value(n, 'id')).toBe(`q_${item.code}`);
      expect(value(n, 'id')).toMatch(MOODLE.shortId);
      if (version === '1.2') {
        expect(value(n, 'type')).toBe(parts ? 'performance' : 'choice');
        expect(value(n, 'student_response')).toBe(parts ? keys(item, response) : letter(item, response));
        expect(value(n, 'correct_responses.0.pattern')).toBe(parts ? keys(item, item.answer) : letter(item, item.answer));
        expect(value(n, 'result')).toBe(correct ? 'correct' : 'wrong');
        expect(value(n, 'time')).toMatch(MOODLE.time12);
        expect(value(n, 'latency')).toBe('00:00:12.34');
      } else {
        expect(value(n, 'type')).toBe(parts ? 'other' : 'choice');
        expect(value(n, 'learner_response')).toBe(parts ? keys(item, response) : response);
        expect(value(n, 'correct_responses.0.pattern')).toBe(parts ? keys(item, item.answer) : item.answer);
        expect(value(n, 'result')).toBe(correct ? 'correct' : 'incorrect');
        expect(value(n, 'timestamp')).toBe('2026-11-28T09:01:02.34Z');
        expect(value(n, 'latency')).toBe('PT12.34S');
        const order = setElements(lms).filter((x) => x.startsWith(`cmi.interactions.${n}.`)).map((x) => x.slice(`cmi.interactions.${n}.`.length));
        expect(order).toEqual(['id', 'type', 'timestamp', 'learner_response', 'result', 'correct_responses.0.pattern', 'latency']);
      }
    });
    expect(value(6, version === '1.2' ? 'student_response' : 'learner_response')).toMatch(/^(casework|groupwork|systemic)(\.(casework|groupwork|systemic))+$/);
    // The re-answer is a new record, and the earlier ones stay as they were.
    expect(value(2, 'id')).toBe(value(3, 'id'));
    expect(setElements(lms).filter((x) => /^cmi\.interactions\.[01]\./.test(x))).toEqual([]);
    // 1.2 interactions are write-only: never read back (only _count, once).
    expect(lms.callsOf('get').filter((c) => c.args[0].startsWith('cmi.interactions.')).map((c) => c.args[0])).toEqual(['cmi.interactions._count']);
  });

  it('2004 describes each answer with the scenario\'s first words in the learner\'s language (Moodle\'s 250-character rule)', async () => {
    const { lms, tracker } = launch(version);
    const item = first.items[0];
    const text = `{Dalam rapat koordinasi di kantor kecamatan, ${'seorang rekan diminta menyebutkan tujuan negara '.repeat(8)}`;
    tracker.answered({ item, response: item.answer, correct: true, description: { text, lang: 'id' } });
    tracker.answered({ item, response: item.answer, correct: true }); // text not loaded: no description
    await Promise.resolve();
    expect(lms.refused).toEqual([]);
    if (version === '1.2') {
      expect(setElements(lms).some((x) => x.endsWith('.description'))).toBe(false); // no such element in 1.2
      return;
    }
    const description = lms.committed['cmi.interactions.0.description'];
    expect(description).toMatch(/^\{lang=id\}Dalam rapat koordinasi di kantor kecamatan, seorang .*…$/);
    expect(description).toMatch(MOODLE.langString250);
    expect(description.length).toBeLessThanOrEqual(9 + 250);
    expect(lms.committed['cmi.interactions.1.description']).toBeUndefined();
  });

  it('T16: an answer and the record() that follows it in the same task make one commit', async () => {
    const { lms, tracker } = launch(version);
    const commits = () => lms.callsOf('commit').length;
    const c0 = commits();
    const item = first.items[0];
    tracker.answered({ item, response: item.answer, correct: true });
    tracker.record(midway());
    await Promise.resolve();
    expect(commits()).toBe(c0 + 1);
    expect(lms.committed['cmi.interactions.0.id']).toBe(`q_${item.code}`);
    // Without `at`, the answer is stamped with the tracker's clock.
    if (version === '2004') expect(lms.committed['cmi.interactions.0.timestamp']).toBe('2026-11-28T09:00:00.00Z');
    else expect(lms.committed['cmi.interactions.0.time']).toMatch(MOODLE.time12);
  });

  it("names an answer in the LMS report by the item's own id, in the LMS's identifier characters", async () => {
    const { lms, tracker } = launch(version);
    const item = first.items[0];
    tracker.answered({ item, response: item.answer, correct: true, name: 'lvl-pkh-home-visit' });
    tracker.record(midway());
    await Promise.resolve();
    // Authors' ids use dashes, which SCORM identifiers (Moodle: ^[\w.]{1,250}$) do not allow.
    expect(lms.committed['cmi.interactions.0.id']).toBe('lvl_pkh_home_visit');
  });

  it('T6: progress grown past 4,096 characters: suspend data stays within the limit and keeps what matters', () => {
    // A course grown beyond today's: every item retried 20 times, all due for review.
    const big = finished(90, true);
    for (const item of allItems) {
      big.answers[item.id] = Array.from({ length: 20 }, (_, k) => attempt(item, k));
      big.review[item.id] = [3, 20_500];
    }
    expect(encodeProgress(big, manifest).length).toBeGreaterThan(4096);
    const { lms, tracker } = launch(version);
    tracker.record(big);
    tracker.record({ ...big, lang: 'en' });
    expect(lms.refused).toEqual([]);
    const stored = lms.committed['cmi.suspend_data'];
    const decoded = decodeProgress(stored, manifest);
    if (!decoded.ok) throw new Error('unreadable suspend data');
    expect(decoded.progress).toMatchObject({ final: big.final, modules: big.modules, place: big.place, lang: 'en' });
    expect(lms.committed).toMatchObject({ [e.success]: 'passed', [e.raw]: '90', [e.location]: placeToLocation(big.place) });
    if (version === '1.2') {
      expect(stored.length).toBeLessThanOrEqual(4096);
      expect(Object.values(decoded.progress.answers).every((a) => a.length === 1)).toBe(true);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/4096/);
    } else {
      expect(stored).toBe(encodeProgress({ ...big, lang: 'en' }, manifest)); // 64,000 characters: all of it fits
      expect(warn).not.toHaveBeenCalled();
    }
  });

  it.each([
    ['truncated mid-string', () => encodeProgress(midway(), manifest).slice(0, 20), 'unreadable'],
    ['not the compact format', () => 'H4sIAAAAAAAA/8tIzcnJBwCGphA2BQAAAA==', 'unreadable'],
    ['an empty object', () => '{}', 'unreadable'],
    ['broken JSON', () => '{"v":1,', 'unreadable'],
    ['from a future build', () => 'B9~0.9.0~i~0~', 'future'],
  ])('T7: suspend data %s: never written over; status and score neither; answers still go as interactions', (_name, raw, reason) => {
    const status: Record<string, string> = version === '1.2' ? { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.entry': 'resume' } : { 'cmi.completion_status': 'incomplete', 'cmi.entry': 'resume' };
    const { lms, tracker } = launch(version, { 'cmi.suspend_data': raw(), ...status });
    expect(tracker.launch).toMatchObject({ progress: null, recorded: 'incomplete', entry: 'resume', unreadable: { reason, raw: raw() } });
    vi.advanceTimersByTime(5_000);
    tracker.hide();
    vi.advanceTimersByTime(60_000);
    expect(setElements(lms)).toEqual([e.sessionTime, e.exit, e.sessionTime]); // no status either: it is already incomplete
    const item = first.items[0];
    tracker.answered({ item, response: item.answer, correct: true });
    tracker.record(finished(90, true));
    tracker.finish();
    expect(setElements(lms).filter((x) => /suspend_data|location|status|score|progress_measure/.test(x))).toEqual([]);
    expect(lms.stored()['cmi.suspend_data']).toBe(raw());
    expect(lms.committed['cmi.interactions.0.id']).toBe(`q_${item.code}`);
    expect(tracker.missing()).toEqual([]);
  });

  it('T7: empty suspend data while the LMS resumes to a bookmark is treated as unreadable; a first launch\'s empty data is not', () => {
    const entry = version === '1.2' ? 'cmi.core.entry' : 'cmi.entry';
    const place = { screen: 'lesson', module: manifest.modules[1].id, page: 1 } as const;
    const { lms, tracker } = launch(version, { [entry]: 'resume', 'cmi.suspend_data': '', [e.location]: placeToLocation(place) });
    expect(tracker.launch.unreadable).toEqual({ reason: 'missing', raw: '' });
    expect(tracker.launch.progress).toMatchObject({ place });
    tracker.record(midway());
    expect(setElements(lms).filter((x) => /suspend_data|location/.test(x))).toEqual([]);

    // Closed straight after the first launch: resuming with nothing saved yet is fine.
    const fresh = launch(version, { [entry]: 'resume', 'cmi.suspend_data': '' });
    expect(fresh.tracker.launch.unreadable).toBeNull();
  });

  it('T7: the learner may choose this device\'s copy over unreadable data: from then on it is written', () => {
    const { lms, tracker } = launch(version, { 'cmi.suspend_data': 'garbage' });
    tracker.record(midway());
    expect(lms.committed['cmi.suspend_data']).toBeUndefined();
    tracker.overwriteUnreadable(finished(80, true));
    expect(lms.committed).toMatchObject({ 'cmi.suspend_data': encodeProgress(finished(80, true), manifest), [e.success]: 'passed', [e.raw]: '80' });
  });

  it('T7: unreadable suspend data with a readable bookmark resumes at the bookmark', () => {
    const place = { screen: 'lesson', module: manifest.modules[2].id, page: 1 } as const;
    const { tracker } = launch(version, { 'cmi.suspend_data': 'garbage', [e.location]: placeToLocation(place) });
    expect(tracker.launch.progress).toMatchObject({ place, atWelcome: false, answers: {}, final: null });
  });

  it('T8: a record from an older content version: known progress kept, unknown ids ignored; a recorded pass is never downgraded', () => {
    const fields = encodeProgress(midway(), manifest).split('~');
    fields[1] = '0.1.0';
    fields[5] += ',zzzzz100.100.1'; // a module that was removed
    fields[6] += ',zzzzzab'; // answers to a question that was removed
    const passed: Record<string, string> = version === '1.2'
      ? { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90' }
      : { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.9', 'cmi.score.raw': '90' };
    const { lms, tracker } = launch(version, { 'cmi.suspend_data': fields.join('~'), ...passed });
    expect(tracker.launch.recorded).toBe('passed');
    expect(tracker.launch.progress).toMatchObject({ answers: midway().answers, modules: midway().modules, place: midway().place, final: null });
    // The old record knows of no final result; the LMS's pass stands.
    tracker.record(tracker.launch.progress!);
    tracker.record(finished(40, false));
    tracker.finish();
    // (Module objectives are not the course's status: they are checked on their own below.)
    const statusWrites = setElements(lms).filter((x) => /status|score|progress_measure/.test(x) && !x.startsWith('cmi.objectives.'));
    expect(statusWrites).toEqual([]);
    expect(lms.committed['cmi.suspend_data']).toBe(encodeProgress(finished(40, false), manifest));
    expect(lms.lmsValue(e.success)).toBe('passed');
  });

  it('T18: completed, then relaunched as a new attempt with empty suspend data: the record stands, no incomplete is sent', () => {
    const session1 = launch(version);
    session1.tracker.record(finished(88, true));
    session1.tracker.finish();
    expect(session1.lms.committed).toMatchObject({ [e.status]: version === '1.2' ? 'passed' : 'completed', [e.success]: 'passed' });

    const entry = version === '1.2' ? 'cmi.core.entry' : 'cmi.entry';
    const lms = session1.lms.relaunch({ [entry]: 'ab-initio', 'cmi.suspend_data': '', [e.location]: '' });
    const tracker = startScormTracker(found(lms), manifest);
    expect(tracker.launch).toMatchObject({ progress: null, recorded: 'passed', entry: 'ab-initio' });
    tracker.record({ ...createProgress(manifest), atWelcome: false, place: { screen: 'lesson', module: first.id, page: 0 } });
    tracker.finish();
    expect(setElements(lms).filter((x) => /status|score|progress_measure/.test(x) && !x.startsWith('cmi.objectives.'))).toEqual([]);
    expect(lms.lmsValue(e.status)).toBe(version === '1.2' ? 'passed' : 'completed');
  });

  it.each([
    [0, '0', '0', 'failed', false],
    [100, '100', '1', 'passed', true],
    [-20, '0', '0', 'failed', false], // a penalty below zero
    [74, '74', '0.74', 'failed', false],
    [75, '75', '0.75', 'passed', true],
  ])('T17: final score %d without an LMS pass mark → raw %s (scaled %s), %s', (score, raw, scaled, status, passed) => {
    const { lms, tracker } = launch(version);
    tracker.record(finished(score, passed));
    expect(lms.refused).toEqual([]);
    expect(lms.committed).toMatchObject({ [e.raw]: raw, [e.success]: status });
    if (version === '1.2') expect(lms.committed).toMatchObject({ 'cmi.core.score.min': '0', 'cmi.core.score.max': '100' });
    else expect(lms.committed).toMatchObject({ 'cmi.score.scaled': scaled, 'cmi.score.min': '0', 'cmi.score.max': '100', 'cmi.completion_status': 'completed', 'cmi.progress_measure': '1' });
  });

  it.each([
    [75, true, 'failed'], // the course's own pass mark (75) said passed; the LMS's 80 decides
    [80, true, 'passed'],
    [85, false, 'passed'],
  ])('T17: with the LMS pass mark 80 (mastery override on), a final score of %d is reported as Moodle would compute it', (score, appSaid, status) => {
    const mastery: Record<string, string> = version === '1.2' ? { 'cmi.student_data.mastery_score': '80' } : { 'cmi.scaled_passing_score': '0.8' };
    const { lms, tracker } = launch(version, mastery);
    expect(tracker.launch.masteryScore).toBe(80);
    tracker.record(finished(score, appSaid));
    expect(lms.committed[e.success]).toBe(status);
    if (version === '2004') expect((lms.inner as Scorm2004API).GetValue('cmi.success_status')).toBe(status); // the LMS's own evaluation
    tracker.finish();
    if (version === '1.2') expect(lms.lmsValue(e.status)).toBe(status); // after Moodle-style override at LMSFinish
  });

  it('reads the LMS pass mark as a percent', () => {
    const mastery: Record<string, string> = version === '1.2' ? { 'cmi.student_data.mastery_score': '70' } : { 'cmi.scaled_passing_score': '0.7' };
    expect(launch(version, mastery).tracker.launch.masteryScore).toBe(70);
  });

  it('2004 progress measure / 1.2 status follow the modules mastered before the final', () => {
    const { lms, tracker } = launch(version);
    tracker.record(midway());
    expect(lms.committed[e.status]).toBe('incomplete');
    if (version === '2004') expect(lms.committed['cmi.progress_measure']).toBe(String(Number((1 / (manifest.modules.length + 1)).toFixed(7))));
    expect(lms.committed[e.raw]).toBeUndefined(); // no score before the final
  });

  it('each module\'s best quiz score and mastery reach the LMS as an objective (id = module id), in formats Moodle accepts', () => {
    const { lms, tracker } = launch(version);
    const [a, b] = manifest.modules;
    tracker.record({ ...midway(), modules: { [a.id]: { score: 100, best: 100, round: 1 } } });
    tracker.record({ ...midway(), modules: { [a.id]: { score: 40, best: 100, round: 2 }, [b.id]: { score: 50, best: 50, round: 0 } } });
    expect(lms.refused).toEqual([]);
    const o = (n: number, field: string) => lms.committed[`cmi.objectives.${n}.${field}`];
    expect([o(0, 'id'), o(1, 'id')]).toEqual([a.id, b.id]);
    expect([o(0, 'score.raw'), o(1, 'score.raw')]).toEqual(['100', '50']);
    if (version === '1.2') expect([o(0, 'status'), o(1, 'status')]).toEqual(['passed', 'failed']);
    else {
      expect([o(0, 'success_status'), o(1, 'success_status')]).toEqual(['passed', 'failed']);
      expect([o(0, 'score.scaled'), o(1, 'completion_status')]).toEqual(['1', 'completed']);
    }
    expect(lms.committed['cmi.objectives.2.id']).toBeUndefined();

    // A relaunch keeps each module at its index (no second objective for it) and appends a new one.
    tracker.finish();
    const again = lms.relaunch();
    const next = startScormTracker(found(again), manifest);
    const c = manifest.modules[2];
    next.record({ ...midway(), modules: { [a.id]: { best: 100 }, [b.id]: { best: 80 }, [c.id]: { best: 90 } } });
    expect(again.refused).toEqual([]);
    expect(setElements(again).filter((x) => /^cmi\.objectives\.\d+\.id$/.test(x) && again.values[x] === a.id)).toEqual([]);
    expect(again.stored()['cmi.objectives.0.id']).toBe(a.id);
    expect(again.committed['cmi.objectives.3.id']).toBeUndefined();
    expect(again.stored()).toMatchObject({ 'cmi.objectives.1.id': b.id, 'cmi.objectives.1.score.raw': '80', 'cmi.objectives.2.id': c.id, 'cmi.objectives.2.score.raw': '90' });
  });

  it('an objective whose id the LMS does not take yet waits, and its fields wait for it', () => {
    const lms = new StrictLms(version, { data: FIRST_LAUNCH[version] });
    const shim = new FaultyLms(lms);
    const tracker = startScormTracker({ version, api: shim.api } as unknown as FoundApi, manifest);
    shim.set({ setThrowsFor: '^cmi\\.objectives\\.0\\.id$' });
    tracker.record({ ...midway(), modules: { [first.id]: { best: 100 }, [manifest.modules[1].id]: { best: 20 } } });
    expect(lms.calls.filter((c) => c.method === METHODS[version].set && c.args[0].startsWith('cmi.objectives.'))).toEqual([]);
    expect(tracker.missing()).toEqual(['result']);
    shim.set({ setThrowsFor: null });
    vi.advanceTimersByTime(1_000);
    expect(lms.refused).toEqual([]);
    expect(lms.committed).toMatchObject({ 'cmi.objectives.0.id': first.id, 'cmi.objectives.1.id': manifest.modules[1].id });
    expect(tracker.state).toBe('ok');
  });

  it('language: read from the LMS, written only when the course\'s changes', () => {
    const { lms, tracker } = launch(version, { [e.language]: version === '1.2' ? 'ind' : 'id-ID' });
    expect(tracker.launch.lang).toBe('id');
    tracker.record({ ...midway(), lang: 'id' });
    expect(setElements(lms)).not.toContain(e.language);
    tracker.record({ ...midway(), lang: 'en' });
    tracker.record({ ...midway(), lang: 'en', atWelcome: true });
    expect(sets(lms).filter(([x]) => x === e.language)).toEqual([[e.language, 'en']]);
    expect(lms.committed[e.language]).toBe('en');
  });

  it('an LMS without language support (401) is not warned about; other refusals warn once and are not sent again', () => {
    const lms = new StrictLms(version, { data: FIRST_LAUNCH[version] });
    let error: string | null = null;
    const api = {
      ...lms.api,
      [m.set]: (element: string, value: string) => {
        error = element === e.language ? '401' : element === 'cmi.suspend_data' && value.length > 20 ? (version === '1.2' ? '405' : '406') : null;
        return error ? 'false' : lms.api[m.set](element, value);
      },
      [m.error]: () => error ?? lms.api[m.error](),
    };
    const tracker = startScormTracker({ version, api } as unknown as FoundApi, manifest);
    tracker.record({ ...midway(), lang: 'en' });
    tracker.record({ ...midway(), lang: 'en' });
    tracker.record({ ...midway(), lang: 'en', atWelcome: true });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain('cmi.suspend_data');
    expect(tracker.state).toBe('ok');
    expect(lms.committed).toMatchObject({ [e.location]: placeToLocation(midway().place) });
    expect(lms.values['cmi.suspend_data']).toBeUndefined();
  });
});

describe.each(['1.2', '2004'] as const)('SCORM %s tracker under LMS faults: every value arrives, or the learner knows', (version) => {
  const e = E[version];

  function faulty(data: Record<string, string> = {}) {
    const lms = new StrictLms(version, { data: { ...FIRST_LAUNCH[version], ...data } });
    const shim = new FaultyLms(lms);
    const tracker = startScormTracker({ version, api: shim.api } as unknown as FoundApi, manifest);
    const states: LmsState[] = [];
    tracker.subscribe((s) => states.push(s));
    return { lms, shim, tracker, states };
  }
  const ids = (lms: StrictLms) =>
    Object.entries(lms.committed).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).sort(([a], [b]) => parseInt(a.split('.')[2]) - parseInt(b.split('.')[2])).map(([, v]) => v);
  const answer = (tracker: ReturnType<typeof faulty>['tracker'], item: ItemSpec) => tracker.answered({ item, response: item.answer, correct: true });

  it('a suspend data write that throws once is sent again with the next commit, and the notice waits for it', () => {
    const { lms, shim, tracker, states } = faulty();
    shim.set({ setThrowsFor: '^cmi\\.suspend_data$' });
    tracker.record(midway());
    expect(lms.committed['cmi.suspend_data']).toBeUndefined();
    expect(tracker.state).toBe('retrying'); // the commit itself worked, but not everything is in
    expect(tracker.missing()).toEqual(['progress']);
    shim.set({ setThrowsFor: null });
    vi.advanceTimersByTime(1_000);
    expect(lms.committed['cmi.suspend_data']).toBe(encodeProgress(midway(), manifest));
    expect(tracker.state).toBe('ok');
    expect(states).toEqual(['retrying', 'ok']);
  });

  it('SetValue throwing for 1.5 s while the final is passed: status and score still arrive', () => {
    const { lms, shim, tracker } = faulty();
    tracker.record(midway());
    shim.set({ setThrowsUntil: Date.now() + 1_500 });
    tracker.record(finished(100, true));
    expect(tracker.state).toBe('retrying');
    expect(lms.committed[e.success]).not.toBe('passed');
    vi.advanceTimersByTime(1_000); // still failing
    expect(tracker.state).toBe('retrying');
    vi.advanceTimersByTime(2_000); // retried at 3 s: through
    expect(tracker.state).toBe('ok');
    expect(lms.committed).toMatchObject({ [e.success]: 'passed', [e.raw]: '100', 'cmi.suspend_data': encodeProgress(finished(100, true), manifest) });
    tracker.finish();
    expect(lms.lmsValue(e.success)).toBe('passed');
  });

  it('an LMS that answers "false" (301) for 3 s: the answer given meanwhile and its interaction arrive, once and in order', async () => {
    const { lms, shim, tracker, states } = faulty();
    const [a, b, c] = first.items;
    answer(tracker, a);
    tracker.record(midway());
    await Promise.resolve();
    shim.set({ falseUntil: Date.now() + 3_000 });
    answer(tracker, b); // during the outage
    tracker.record({ ...midway(), answers: { ...midway().answers, [b.id]: [b.answer] } });
    await Promise.resolve();
    expect(tracker.missing()).toEqual(['answers', 'progress']);
    vi.advanceTimersByTime(2_000);
    answer(tracker, c); // still out: queued behind b
    await Promise.resolve();
    expect(tracker.state).toBe('retrying');
    vi.advanceTimersByTime(5_000);
    expect(tracker.state).toBe('ok');
    expect(ids(lms)).toEqual([a, b, c].map((i) => `q_${i.code}`));
    expect(lms.committed['cmi.interactions.1.result']).toBe('correct');
    expect(lms.committed['cmi.suspend_data']).toBe(encodeProgress({ ...midway(), answers: { ...midway().answers, [b.id]: [b.answer] } }, manifest));
    expect(states).toEqual(['retrying', 'ok']);
    expect(lms.refused).toEqual([]);
  });

  it('every Nth commit failing: answers are sent again at their own index, never twice', async () => {
    const { lms, shim, tracker } = faulty();
    shim.set({ commitFailsEvery: 2 });
    for (const item of first.items.slice(0, 6)) {
      answer(tracker, item);
      tracker.record(midway());
      await Promise.resolve();
      vi.advanceTimersByTime(1_000);
    }
    vi.advanceTimersByTime(60_000);
    expect(tracker.state).toBe('ok');
    expect(ids(lms)).toEqual(first.items.slice(0, 6).map((i) => `q_${i.code}`));
    expect(lms.inner.cmi.interactions.childArray).toHaveLength(6);
  });

  it('the API disappears: everything stays pending; when it is back, all of it arrives', async () => {
    const { lms, shim, tracker } = faulty();
    shim.set({ gone: true });
    answer(tracker, first.items[0]);
    tracker.record(finished(90, true));
    await Promise.resolve();
    vi.advanceTimersByTime(30_000);
    expect(tracker.state).toBe('retrying');
    expect(tracker.finish()).toEqual({ ok: false, missing: ['answers', 'result', 'progress', 'session'] });
    shim.set({ gone: false });
    vi.advanceTimersByTime(30_000);
    expect(tracker.state).toBe('ok');
    expect(tracker.finish()).toEqual({ ok: true, missing: [] });
    expect(lms.committed).toMatchObject({ [e.success]: 'passed', [e.raw]: '90', 'cmi.interactions.0.id': `q_${first.items[0].code}` });
  });

  it('Save and exit with a failing finish: not "saved"; the session stays open and a second try finishes once', () => {
    const { lms, shim, tracker } = faulty();
    tracker.record(finished(90, true));
    shim.set({ finishFails: true });
    const result = tracker.finish();
    expect(result.ok).toBe(false);
    expect(result.missing).toContain('session');
    expect(tracker.state).toBe('retrying');
    shim.set({ finishFails: false });
    expect(tracker.finish()).toEqual({ ok: true, missing: [] });
    expect(tracker.state).toBe('ended');
    expect(lms.callsOf('finish')).toHaveLength(1); // the failed one was answered by the fault
    expect(lms.lmsValue(e.success)).toBe('passed');
  });

});

describe('suspend data on a budget', () => {
  it('drops older attempts, then review, then answers outside the current module, never the scores', async () => {
    const { fitSuspendData } = await import('../../src/tracking/scorm/scorm-tracker.ts');
    const p = finished(90, true);
    for (const item of allItems) {
      p.answers[item.id] = [attempt(item, 0), attempt(item, 1), item.answer];
      p.review[item.id] = [2, 20_500];
    }
    const full = encodeProgress(p, manifest);
    expect(fitSuspendData(p, manifest, full.length)).toEqual({ data: full, degraded: false });
    const lastOnly = fitSuspendData(p, manifest, full.length - 1)!;
    expect(lastOnly.degraded).toBe(true);
    const read = (data: string) => {
      const decoded = decodeProgress(data, manifest);
      if (!decoded.ok) throw new Error('unreadable');
      return decoded.progress;
    };
    expect(Object.values(read(lastOnly.data).answers).every((a) => a.length === 1)).toBe(true);
    expect(Object.keys(read(lastOnly.data).review).length).toBeGreaterThan(0);
    const noReview = fitSuspendData(p, manifest, lastOnly.data.length - 1)!;
    expect(read(noReview.data).review).toEqual({});
    const tiny = fitSuspendData(p, manifest, encodeProgress({ ...p, answers: {}, review: {} }, manifest).length)!;
    expect(read(tiny.data)).toMatchObject({ answers: {}, review: {}, final: p.final, modules: p.modules });
    expect(fitSuspendData(p, manifest, 10)).toBeNull();
  });
});
