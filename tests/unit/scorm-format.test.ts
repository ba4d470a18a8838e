import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  choiceLetter, decimal, duration2004, identifier, parseLanguage, scoreRaw, scoreScaled, share, time12, timespan12, timestamp2004,
} from '../../src/tracking/scorm/scorm-format.ts';
import { MOODLE } from '../scorm/strict-lms.ts';

const HOUR = 3_600_000;

describe('T15: SCORM time formats pass Moodle', () => {
  it.each([
    [5_000, '00:00:05.00', 'PT5S'],
    [59 * 60_000, '00:59:00.00', 'PT59M0S'],
    [10 * HOUR, '10:00:00.00', 'PT10H0M0S'],
    [3_250, '00:00:03.25', 'PT3.25S'],
    [3_509, '00:00:03.50', 'PT3.5S'],
    [0, '00:00:00.00', 'PT0S'],
    [123 * HOUR + 4 * 60_000 + 5_060, '123:04:05.06', 'PT123H4M5.06S'],
  ])('%d ms → 1.2 %s, 2004 %s', (ms, v12, v2004) => {
    expect(timespan12(ms)).toBe(v12);
    expect(duration2004(ms)).toBe(v2004);
    expect(v12).toMatch(MOODLE.timespan12);
    expect(v2004).toMatch(MOODLE.duration2004);
  });

  it('caps 1.2 timespans at 4 hour digits and treats odd input as zero', () => {
    expect(timespan12(20_000 * HOUR)).toBe('9999:59:59.99');
    expect(timespan12(-5)).toBe('00:00:00.00');
    expect(timespan12(Number.NaN)).toBe('00:00:00.00');
    expect(duration2004(Number.POSITIVE_INFINITY)).toBe('PT0S');
  });

  it('timestamps from new Date() (with milliseconds) have 2 fractional digits and pass', () => {
    const date = new Date(Date.UTC(2026, 10, 28, 9, 5, 3, 456));
    expect(timestamp2004(date)).toBe('2026-11-28T09:05:03.45Z');
    expect(timestamp2004(new Date())).toMatch(MOODLE.timestamp2004);
    expect(new Date().toISOString()).not.toMatch(MOODLE.timestamp2004); // why the formatter exists
    expect(time12(new Date(2026, 0, 2, 7, 8, 9))).toBe('07:08:09');
  });

  it('property: any duration from 0 to 10,000 hours passes both Moodle regexes and keeps its value', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000 * HOUR, noNaN: true }), (ms) => {
        const v12 = timespan12(ms);
        const v2004 = duration2004(ms);
        expect(v12).toMatch(MOODLE.timespan12);
        expect(v2004).toMatch(MOODLE.duration2004);
        const [, h, m, s] = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(v2004)!;
        const back = (Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * 1000;
        expect(Math.abs(back - Math.floor(ms / 10) * 10)).toBeLessThan(1e-3 * Math.max(1, ms / HOUR));
        if (ms < 9999 * HOUR) {
          const [hh, mm, ss] = v12.split(':').map(Number);
          expect(Math.abs((hh * 3600 + mm * 60 + ss) * 1000 - Math.floor(ms / 10) * 10)).toBeLessThan(1e-3 * Math.max(1, ms / HOUR));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: any date from 1970 to 2038 gives a timestamp and a time of day that pass, to the hundredth', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2038-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
        const stamp = timestamp2004(date);
        expect(stamp).toMatch(MOODLE.timestamp2004);
        expect(date.getTime() - new Date(stamp).getTime()).toBeGreaterThanOrEqual(0);
        expect(date.getTime() - new Date(stamp).getTime()).toBeLessThan(10);
        expect(time12(date)).toMatch(MOODLE.time12);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('T17: scores', () => {
  it.each([
    [0, '0', '0'],
    [100, '100', '1'],
    [75, '75', '0.75'],
    [-20, '0', '0'],
    [140, '100', '1'],
    [33.333333333, '33.33', '0.3333333'],
    [Number.NaN, '0', '0'],
  ])('%d%% → raw %s, scaled %s', (percent, raw, scaled) => {
    expect(scoreRaw(percent)).toBe(raw);
    expect(scoreScaled(percent)).toBe(scaled);
  });

  it('property: any number gives a 1.2 raw score Moodle accepts (0–100) and a scaled score in [0, 1] with ≤ 7 decimals', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 })), (n) => {
        const raw = scoreRaw(n);
        expect(raw).toMatch(MOODLE.decimal12);
        expect(raw).toMatch(MOODLE.decimal2004);
        expect(Number(raw)).toBeGreaterThanOrEqual(0);
        expect(Number(raw)).toBeLessThanOrEqual(100);
        const scaled = scoreScaled(n);
        expect(scaled).toMatch(/^(0(\.\d{1,7})?|1)$/);
        expect(share(n)).toMatch(/^(0(\.\d{1,7})?|1)$/);
      }),
    );
  });

  it('never writes exponent notation', () => {
    expect(decimal(1e-7)).toBe('0.0000001');
    expect(decimal(1e-9)).toBe('0');
    expect(decimal(-0.00000001)).toBe('0');
    expect(decimal(1e21, 2)).not.toMatch(/e/);
  });
});

describe('identifiers, responses and languages', () => {
  it('makes valid SCORM identifiers and single-character choice responses', () => {
    expect(identifier('q_k3x9a')).toBe('q_k3x9a');
    expect(identifier('q_fx-home visit')).toBe('q_fx_home_visit');
    expect(identifier('')).toMatch(MOODLE.shortId);
    expect(identifier('x'.repeat(300))).toMatch(MOODLE.shortId);
    expect([0, 1, 25, 26, -1].map(choiceLetter)).toEqual(['a', 'b', 'z', null, null]);
  });

  it.each([
    ['id', 'id'], ['id-ID', 'id'], ['ind', 'id'], ['in', 'id'], ['ID_id', 'id'],
    ['en', 'en'], ['en-US', 'en'], ['eng', 'en'], [' EN-gb ', 'en'],
    ['fr', null], ['', null], [null, null], ['indonesian', null],
  ])('language preference %j → %j', (value, lang) => {
    expect(parseLanguage(value)).toBe(lang);
  });
});
