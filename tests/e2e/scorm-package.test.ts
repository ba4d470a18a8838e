import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listFiles, packageZip } from '../../scripts/scorm/package.ts';

// The production build made for the browser tests, packaged as the LMS will receive it.
describe('SCORM packages of the production build', () => {
  it.each(['1.2', '2004'] as const)('SCORM %s zip lists and contains every built file', (version) => {
    const dist = path.resolve('dist');
    const zip = unzipSync(packageZip({ id: 'berdaya', version: '0.0.0', title: 'Berdaya', masteryScore: 75 }, version, dist));
    const manifest = strFromU8(zip['imsmanifest.xml']);
    const files = listFiles(dist);
    expect(files).toContain('index.html');
    for (const file of files) {
      expect(manifest, file).toContain(`<file href="${file}"/>`);
      expect(zip[file], file).toBeDefined();
    }
  });
});
