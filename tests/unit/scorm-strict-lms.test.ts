import { describe, expect, it } from 'vitest';
import { METHODS, StrictLms } from '../scorm/strict-lms.ts';

/**
 * The strict stand-in LMS must itself refuse what Moodle refuses, or the tracker tests that rely
 * on it ("no refusals") would prove nothing.
 */
const started = (version: '1.2' | '2004', data?: Record<string, string>) => {
  const lms = new StrictLms(version, { data });
  expect(lms.api[METHODS[version].init]('')).toBe('true');
  return lms;
};

describe('strict LMS shim, SCORM 1.2', () => {
  const set = (lms: StrictLms, element: string, value: string) => [lms.api.LMSSetValue(element, value), lms.api.LMSGetLastError()];

  it.each([
    ['cmi.suspend_data', 'x'.repeat(4097)],
    ['cmi.core.lesson_location', 'x'.repeat(256)],
    ['cmi.core.session_time', '0:00:05'],
    ['cmi.core.session_time', '00:00:05.123'],
    ['cmi.core.session_time', '10000:00:00'],
    ['cmi.core.score.raw', '101'],
    ['cmi.core.score.raw', '-1'],
    ['cmi.core.lesson_status', 'not attempted'],
    ['cmi.interactions.0.id', 'q-1'],
    ['cmi.interactions.0.id', ''],
  ])('refuses %s = %j with 405', (element, value) => {
    const lms = started('1.2');
    expect(set(lms, element, value)).toEqual(['false', '405']);
    expect(lms.refused).toEqual([{ element, value, error: '405' }]);
  });

  it('accepts values in the strict formats, and 4,096 characters of suspend data', () => {
    const lms = started('1.2');
    for (const [element, value] of [
      ['cmi.suspend_data', 'x'.repeat(4096)], ['cmi.core.session_time', '0012:00:05.25'], ['cmi.core.score.raw', '100'],
      ['cmi.interactions.0.id', 'q_k3x9a'], ['cmi.interactions.0.type', 'choice'], ['cmi.interactions.0.time', '23:59:59'],
      ['cmi.interactions.0.student_response', 'c'], ['cmi.interactions.0.result', 'wrong'], ['cmi.interactions.0.latency', '00:00:03.50'],
    ]) expect(set(lms, element, value), element).toEqual(['true', '0']);
  });

  it('refuses choice responses that are not single characters, interaction times with a date, and indexes skipping ahead', () => {
    const lms = started('1.2');
    set(lms, 'cmi.interactions.0.id', 'q_a');
    set(lms, 'cmi.interactions.0.type', 'choice');
    expect(set(lms, 'cmi.interactions.0.student_response', 'casework')).toEqual(['false', '405']);
    expect(set(lms, 'cmi.interactions.0.correct_responses.0.pattern', 'ab')).toEqual(['false', '405']);
    expect(set(lms, 'cmi.interactions.0.time', '2026-11-28T09:00:00')).toEqual(['false', '405']);
    expect(set(lms, 'cmi.interactions.2.id', 'q_b')).toEqual(['false', '201']);
    expect(set(lms, 'cmi.interactions.01.id', 'q_b')).toEqual(['false', '201']);
    expect(set(lms, 'cmi.interactions.1.id', 'q_b')).toEqual(['true', '0']);
  });

  it('records calls, fails commits on demand, and refuses everything after LMSFinish', () => {
    const lms = started('1.2');
    lms.failCommits(2);
    expect([lms.api.LMSCommit(''), lms.api.LMSGetLastError()]).toEqual(['false', '101']);
    lms.failCommits(1, 'throw');
    expect(() => lms.api.LMSCommit('')).toThrow();
    expect(lms.api.LMSCommit('')).toBe('true');
    expect(lms.api.LMSInitialize('')).toBe('false');
    expect(lms.api.LMSFinish('')).toBe('true');
    expect([lms.api.LMSGetValue('cmi.core.lesson_status'), lms.api.LMSGetLastError()]).toEqual(['', '301']);
    expect(lms.api.LMSSetValue('cmi.core.lesson_location', 'x')).toBe('false');
    expect(lms.calls.map((c) => c.method)).toEqual([
      'LMSInitialize', 'LMSCommit', 'LMSGetLastError', 'LMSCommit', 'LMSCommit', 'LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSGetLastError', 'LMSSetValue',
    ]);
    expect(lms.callsAfterFinish().map((c) => c.method)).toEqual(['LMSGetValue', 'LMSGetLastError', 'LMSSetValue']);
  });

  it('stores only what was committed, and relaunches with it', () => {
    const lms = started('1.2', { 'cmi.core.student_id': 's1' });
    lms.api.LMSSetValue('cmi.suspend_data', 'one');
    lms.api.LMSCommit('');
    lms.api.LMSSetValue('cmi.suspend_data', 'two');
    expect(lms.committed['cmi.suspend_data']).toBe('one');
    const next = lms.relaunch({ 'cmi.core.entry': 'resume' });
    next.api.LMSInitialize('');
    expect(next.api.LMSGetValue('cmi.suspend_data')).toBe('one');
    expect(next.api.LMSGetValue('cmi.core.student_id')).toBe('s1');
    expect(next.api.LMSGetValue('cmi.core.entry')).toBe('resume');
  });
});

describe('strict LMS shim, SCORM 2004', () => {
  const set = (lms: StrictLms, element: string, value: string) => [lms.api.SetValue(element, value), lms.api.GetLastError()];

  it.each([
    ['cmi.session_time', 'PT5.123S', '406'],
    ['cmi.session_time', 'PT1W', '406'],
    ['cmi.score.scaled', '1.5', '407'],
    ['cmi.score.scaled', '1e-7', '406'],
    ['cmi.progress_measure', '1.01', '407'],
    ['cmi.location', 'x'.repeat(1001), '406'],
    ['cmi.interactions.0.id', 'q 1', '406'],
  ])('refuses %s = %j', (element, value, error) => {
    expect(set(started('2004'), element, value)).toEqual(['false', error]);
  });

  it('refuses toISOString() timestamps, years after 2038, hyphenated choice ids, and fields before id/type', () => {
    const lms = started('2004');
    expect(set(lms, 'cmi.interactions.0.type', 'choice')).toEqual(['false', '408']);
    set(lms, 'cmi.interactions.0.id', 'q_a');
    expect(set(lms, 'cmi.interactions.0.learner_response', 'a')).toEqual(['false', '408']);
    set(lms, 'cmi.interactions.0.type', 'choice');
    expect(set(lms, 'cmi.interactions.0.timestamp', '2026-11-28T09:00:00.123Z')).toEqual(['false', '406']);
    expect(set(lms, 'cmi.interactions.0.timestamp', '2039-01-01T00:00:00.00Z')).toEqual(['false', '406']);
    expect(set(lms, 'cmi.interactions.0.timestamp', '2026-11-28T09:00:00.12Z')).toEqual(['true', '0']);
    expect(set(lms, 'cmi.interactions.0.learner_response', 'home-visit')).toEqual(['false', '406']);
    expect(set(lms, 'cmi.interactions.0.learner_response', 'casework[,]casework')).toEqual(['false', '406']);
    expect(set(lms, 'cmi.interactions.0.learner_response', 'casework')).toEqual(['true', '0']);
    expect(set(lms, 'cmi.interactions.0.result', 'wrong')).toEqual(['false', '406']);
    expect(set(lms, 'cmi.interactions.2.id', 'q_c')).toEqual(['false', '351']);
  });

  it('answers 103 to a second Initialize and 113/133/143 after Terminate', () => {
    const lms = started('2004');
    expect([lms.api.Initialize(''), lms.api.GetLastError()]).toEqual(['false', '103']);
    expect(lms.api.Terminate('')).toBe('true');
    expect([lms.api.Terminate(''), lms.api.GetLastError()]).toEqual(['false', '113']);
    expect([lms.api.SetValue('cmi.location', 'x'), lms.api.GetLastError()]).toEqual(['false', '133']);
    expect([lms.api.Commit(''), lms.api.GetLastError()]).toEqual(['false', '143']);
    expect([lms.api.Initialize(''), lms.api.GetLastError()]).toEqual(['false', '104']);
  });
});

describe('strict LMS shim, objectives', () => {
  const set = (lms: StrictLms, element: string, value: string) =>
    [lms.api[METHODS[lms.version].set](element, value), lms.api[METHODS[lms.version].error]()];

  it.each([
    ['1.2', 'cmi.objectives.0.id', 'module one', '405'],
    ['1.2', 'cmi.objectives.0.score.raw', '101', '405'],
    ['1.2', 'cmi.objectives.1.id', 'skips-ahead', '201'],
    ['2004', 'cmi.objectives.0.id', 'ends-with-dash-', '406'],
    ['2004', 'cmi.objectives.0.score.raw', '50', '408'], // before its id
    ['2004', 'cmi.objectives.1.id', 'skips-ahead', '351'],
    ['2004', 'cmi.interactions.0.description', `{lang=id}${'x'.repeat(251)}`, '406'],
  ] as const)('SCORM %s refuses %s = %j with %s', (version, element, value, code) => {
    expect(set(started(version), element, value)).toEqual(['false', code]);
  });

  it.each(['1.2', '2004'] as const)('SCORM %s accepts a module id with its score and status, and (2004) keeps the id fixed', (version) => {
    const lms = started(version);
    const writes = version === '1.2'
      ? [['cmi.objectives.0.id', '01-welfare-mandate'], ['cmi.objectives.0.score.raw', '80'], ['cmi.objectives.0.status', 'passed']]
      : [['cmi.objectives.0.id', '01-welfare-mandate'], ['cmi.objectives.0.score.scaled', '0.8'], ['cmi.objectives.0.success_status', 'passed'], ['cmi.objectives.0.completion_status', 'completed']];
    for (const [element, value] of writes) expect(set(lms, element, value), element).toEqual(['true', '0']);
    if (version === '2004') expect(set(lms, 'cmi.objectives.0.id', 'another')).toEqual(['false', '406']);
  });
});
