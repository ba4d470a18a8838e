import { afterEach, describe, expect, it } from 'vitest';
import { findScormApi } from '../../src/tracking/scorm/find-api.ts';
import { StrictLms } from '../scorm/strict-lms.ts';

const globals = window as unknown as Record<string, unknown>;

afterEach(() => {
  for (const win of [window, ...hosts.splice(0)]) {
    delete (win as unknown as Record<string, unknown>).API;
    delete (win as unknown as Record<string, unknown>).API_1484_11;
  }
  document.body.innerHTML = '';
});

/**
 * A frame nested `depth` levels down (real jsdom iframes). Under Vitest the global `window` is
 * not the jsdom window the frames see as their parent, so the LMS goes on `hostOf(frame)`.
 */
function nestedFrame(depth: number): Window {
  let doc = document;
  let win: Window = window;
  for (let i = 0; i < depth; i++) {
    const frame = doc.createElement('iframe');
    doc.body.appendChild(frame);
    win = frame.contentWindow!;
    doc = frame.contentDocument!;
  }
  return win;
}

const hosts: Window[] = [];
/** The outermost window above a frame: where an LMS puts its API. */
function hostOf(frame: Window): Window {
  let win = frame;
  while (win.parent !== win) win = win.parent;
  hosts.push(win);
  return win;
}

/** A window whose every property read throws, like a cross-origin parent or opener. */
function crossOrigin(): Window {
  return new Proxy({}, {
    get() {
      throw new DOMException('Permission denied to access property "API"', 'SecurityError');
    },
    has() {
      throw new DOMException('Blocked a frame with origin', 'SecurityError');
    },
  }) as Window;
}

/** A plain stand-in window: `parent`, `top` and `opener` as given. */
function fakeWindow(props: Record<string, unknown> = {}): Window {
  const win: Record<string, unknown> = { opener: null, closed: false, ...props };
  win.parent ??= win;
  win.top ??= win;
  return win as unknown as Window;
}

describe('T1/T2: finding the LMS API', () => {
  it('T1: no API anywhere: null, in one pass, without throwing', () => {
    expect(findScormApi(window)).toBeNull();
    expect(findScormApi(nestedFrame(2))).toBeNull();
    expect(findScormApi(undefined)).toBeNull();
  });

  it('T2: the API in the same window (offline players)', () => {
    const lms = new StrictLms('1.2').install(window);
    expect(findScormApi(window)).toEqual({ version: '1.2', api: lms.api });
  });

  it.each([1, 3])('T2: the API %d frame(s) up', (depth) => {
    const frame = nestedFrame(depth);
    const lms = new StrictLms('2004').install(hostOf(frame));
    expect(findScormApi(frame)).toEqual({ version: '2004', api: lms.api });
  });

  it('prefers SCORM 2004 where a window offers both', () => {
    const frame = nestedFrame(1);
    new StrictLms('1.2').install(hostOf(frame));
    const lms2004 = new StrictLms('2004').install(hostOf(frame));
    expect(findScormApi(frame)).toEqual({ version: '2004', api: lms2004.api });
  });

  it('ignores something called API that is not a SCORM API', () => {
    globals.API = { LMSInitialize: 'not a function' };
    globals.API_1484_11 = 42;
    expect(findScormApi(window)).toBeNull();
  });

  it('T2: a cross-origin parent or opener that throws on access: no throw, null', () => {
    const win = fakeWindow({ parent: crossOrigin(), top: crossOrigin() });
    expect(findScormApi(win)).toBeNull();
    const opened = fakeWindow({ opener: crossOrigin() });
    expect(findScormApi(opened)).toBeNull();
    expect(findScormApi(crossOrigin())).toBeNull();
  });

  it('T2: finds the API in the window that opened the top one, or its parents, unless it was closed', () => {
    const lms = new StrictLms('1.2');
    const lmsPage = fakeWindow({ API: lms.api });
    const openerFrame = fakeWindow({ parent: lmsPage, top: lmsPage });
    const popupTop = fakeWindow({ opener: openerFrame });
    const courseFrame = fakeWindow({ parent: popupTop, top: popupTop });
    expect(findScormApi(courseFrame)).toEqual({ version: '1.2', api: lms.api });
    (openerFrame as unknown as { closed: boolean }).closed = true;
    expect(findScormApi(courseFrame)).toBeNull();
  });

  it('finds the API past a cross-origin parent that throws only on API access, and stops on a frame loop bound', () => {
    const lms = new StrictLms('2004');
    const top = fakeWindow({ API_1484_11: lms.api });
    const middle = fakeWindow({ parent: top, top });
    Object.defineProperty(middle, 'API_1484_11', { get: () => { throw new Error('SecurityError'); } });
    expect(findScormApi(fakeWindow({ parent: middle, top }))).toEqual({ version: '2004', api: lms.api });
    // A chain with no end (a broken host) is walked a bounded number of times.
    let count = 0;
    const endless: Window = new Proxy({}, { get: (_t, key) => (key === 'parent' ? (count++, fakeWindow({ parent: endless })) : undefined) }) as Window;
    expect(findScormApi(endless)).toBeNull();
    expect(count).toBeLessThan(1000);
  });
});
