import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

/** What an LMS needs to know about the course to list and track it. */
export interface PackageInfo {
  id: string;
  version: string;
  title: string;
  /** Pass mark (%) of the final assessment, reported to SCORM 1.2 LMSs as the mastery score. */
  masteryScore: number;
}

export type ScormVersion = '1.2' | '2004';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every file of a built course, relative paths with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  return walk(dir).map((f) => path.relative(dir, f).split(path.sep).join('/')).filter((f) => !f.endsWith('.map')).sort();
}

/**
 * imsmanifest.xml for one SCO that launches index.html (LMS.md §1.6). 1.2 spells the attribute
 * `adlcp:scormtype`, 2004 `adlcp:scormType`; sequencing is left out (Moodle ignores it).
 */
export function manifestXml(info: PackageInfo, version: ScormVersion, files: string[]): string {
  const identifier = `${info.id}-${info.version}`.replace(/[^\w.-]/g, '-');
  const title = escapeXml(info.title);
  const v12 = version === '1.2';
  const namespaces = v12
    ? `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"`
    : `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"`;
  const mastery = v12 ? `\n        <adlcp:masteryscore>${info.masteryScore}</adlcp:masteryscore>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${identifier}" version="${escapeXml(info.version)}"
  ${namespaces}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${v12 ? '1.2' : '2004 4th Edition'}</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${title}</title>
      <item identifier="course" identifierref="sco">
        <title>${title}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:${v12 ? 'scormtype' : 'scormType'}="sco" href="index.html">
${files.map((f) => `      <file href="${escapeXml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * The service worker and its runtime stay out: an LMS serves many courses from one origin and
 * decides itself which version learners get (the course never registers one there either).
 */
export const WEB_ONLY = /^(sw|workbox-[\w-]+)\.js$/;

/** A zip with imsmanifest.xml at its root beside the built course. */
export function packageZip(info: PackageInfo, version: ScormVersion, distDir: string): Uint8Array {
  const files = listFiles(distDir).filter((f) => !WEB_ONLY.test(f));
  const entries: Record<string, Uint8Array> = { 'imsmanifest.xml': new TextEncoder().encode(manifestXml(info, version, files)) };
  for (const file of files) entries[file] = fs.readFileSync(path.join(distDir, file));
  return zipSync(entries, { level: 9 });
}
