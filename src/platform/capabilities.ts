/**
 * What the place the course runs in lets it do. Most builds run in a browser tab or an LMS frame
 * and can do everything. The Kolibri build (`BERDAYA_TARGET=kolibri`, set by `npm run package`)
 * runs in Kolibri's sandboxed iframe (`allow-scripts allow-same-origin`): no downloads, no
 * printing, no pop-ups. Screens ask here (through <Allowed>), never about the platform itself.
 */
declare const __BERDAYA_TARGET__: 'web' | 'kolibri';

export type Target = 'web' | 'kolibri';
export const TARGET: Target = __BERDAYA_TARGET__;

const sandboxed = TARGET === 'kolibri';

export const capabilities = {
  /** Saving a file on the device (progress files, unreadable saved data). */
  download: !sandboxed,
  /** window.print() (certificate, trainers' notes). */
  print: !sandboxed,
} as const;

export type Capability = keyof typeof capabilities;
