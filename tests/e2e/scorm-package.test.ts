import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listFiles, packageZip, WEB_ONLY } from '../../scripts/scorm/package.ts';

// The production build made for the browser tests, packaged as the LMS will receive it.
describe('SCORM packages of the production build', () => {
  it.each(['1.2', '2004'] as const)('SCORM %s zip lists and contains every built file but the service worker', (version) => {
    const dist = path.resolve('dist');
    const zip = unzipSync(packageZip({ id: 'berdaya', version: '0.0.0', title: 'Berdaya', masteryScore: 75 }, version, dist));
    const manifest = strFromU8(zip['imsmanifest.xml']);
    const [files, webOnly] = [listFiles(dist).filter((f) => !WEB_ONLY.test(f)), listFiles(dist).filter((f) => WEB_ONLY.test(f))];
    expect(files).toContain('index.html');
    expect(webOnly).toContain('sw.js');
    for (const file of webOnly) {
      expect(manifest, file).not.toContain(`href="${file}"`);
      expect(zip[file], file).toBeUndefined();
    }
    for (const file of files) {
      expect(manifest, file).toContain(`<file href="${file}"/>`);
      expect(zip[file], file).toBeDefined();
    }
  });
});
