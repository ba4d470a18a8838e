/** `npm run package:scorm`: builds the course and wraps it as SCORM 1.2 and SCORM 2004 zips. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compileContent } from './content/compile.ts';
import { packageZip, type ScormVersion } from './scorm/package.ts';

const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const { manifest, welcome } = compileContent(path.resolve('lessons'));
// LMS catalogues show one title: the default language's.
const info = { id: manifest.id, version: manifest.version, title: welcome.id.title, masteryScore: manifest.final.passMark };
fs.mkdirSync('dist-scorm', { recursive: true });
for (const [version, name] of [['1.2', 'scorm12'], ['2004', 'scorm2004']] as [ScormVersion, string][]) {
  const file = path.join('dist-scorm', `${manifest.id}-${name}.zip`);
  fs.writeFileSync(file, packageZip(info, version, path.resolve('dist')));
  console.log(`${file}  ${(fs.statSync(file).size / 1024).toFixed(1)} KB`);
}
