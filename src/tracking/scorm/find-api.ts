/**
 * Finds an LMS's SCORM API the way the pipwerks wrapper does. Kept tiny because it runs on every
 * start; the tracker itself is loaded only when this finds something.
 */

export type ScormVersion = '1.2' | '2004';

/** The SCORM 1.2 API: every method takes and returns strings ("true"/"false" for booleans). */
export interface Scorm12Api {
  LMSInitialize(parameter: string): string;
  LMSFinish(parameter: string): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: string): string;
  LMSGetLastError(): string;
}

/** The SCORM 2004 API (window.API_1484_11). */
export interface Scorm2004Api {
  Initialize(parameter: string): string;
  Terminate(parameter: string): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: string): string;
  GetLastError(): string;
}

export type FoundApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

/** pipwerks and Adapt give up after 500 parents; real LMS frame stacks are a few deep. */
const MAX_PARENTS = 500;

/** Any property of a window we may not be allowed to read (cross-origin access throws). */
function read<T>(get: () => T): T | null {
  try {
    return get() ?? null;
  } catch {
    return null;
  }
}

function apiIn(win: Window): FoundApi | null {
  const w = win as unknown as Record<string, unknown>;
  const api2004 = read(() => w.API_1484_11) as Record<string, unknown> | null;
  if (api2004 && read(() => typeof api2004.Initialize === 'function' && typeof api2004.SetValue === 'function')) {
    return { version: '2004', api: api2004 as unknown as Scorm2004Api };
  }
  const api12 = read(() => w.API) as Record<string, unknown> | null;
  if (api12 && read(() => typeof api12.LMSInitialize === 'function' && typeof api12.LMSSetValue === 'function')) {
    return { version: '1.2', api: api12 as unknown as Scorm12Api };
  }
  return null;
}

/** The window itself, then its parents, stopping at the top or at a window we cannot read. */
function searchUp(start: Window | null): FoundApi | null {
  let win = start;
  for (let i = 0; win && i <= MAX_PARENTS; i++) {
    const found = apiIn(win);
    if (found) return found;
    const parent: Window | null = read(() => win!.parent);
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/**
 * The LMS API for this page: in the window itself (offline players), its parents (frames), or the
 * window that opened the top one (LMSs that launch in a pop-up) and its parents. SCORM 2004 is
 * preferred where a window offers both. Never throws; null means standalone.
 */
export function findScormApi(win: Window | undefined = typeof window === 'undefined' ? undefined : window): FoundApi | null {
  if (!win) return null;
  try {
    const found = searchUp(win);
    if (found) return found;
    const opener: Window | null = read(() => read(() => win.top)?.opener ?? null);
    if (!opener || read(() => opener.closed) === true) return null;
    return searchUp(opener);
  } catch {
    return null;
  }
}
