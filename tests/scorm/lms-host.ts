/**
 * The browser tests' LMS: a host page that offers the strict SCORM API (strict-lms.ts, over
 * scorm-again) behind the switchable fault shim (faulty-lms.ts), and launches the unzipped course
 * package in a frame, as Moodle does. What the LMS stores survives a reload of the host page (a
 * relaunch). `?version=1.2|2004&data=<JSON>&reads=<JSON>`; tests switch faults with `window.shim.set({…})`.
 */
import { FaultyLms } from './faulty-lms.ts';
import { StrictLms, type LmsVersion } from './strict-lms.ts';

const params = new URLSearchParams(location.search);
const version = (params.get('version') ?? '1.2') as LmsVersion;
const key = `lms-host:${version}`;
const data = JSON.parse(sessionStorage.getItem(key) ?? params.get('data') ?? '{}') as Record<string, string>;
const lms = new StrictLms(version, { data });

// After each commit or finish, keep what the LMS stored for the next launch.
for (const name of version === '1.2' ? ['LMSCommit', 'LMSFinish'] : ['Commit', 'Terminate']) {
  const call = lms.api[name];
  lms.api[name] = (...args: string[]) => {
    const result = call(...args);
    sessionStorage.setItem(key, JSON.stringify(lms.stored()));
    return result;
  };
}
// `reads`: what GetValue answers instead of what the LMS holds (garbage, newer data), from launch on.
const shim = new FaultyLms(lms).set({ reads: JSON.parse(params.get('reads') ?? '{}') as Record<string, string> }).install(window);

Object.assign(window, { lms, shim });
(document.getElementById('course') as HTMLIFrameElement).src = 'course/index.html';
