import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { manifestXml, packageZip } from '../../scripts/scorm/package.ts';

const info = { id: 'berdaya', version: '0.2.0', title: 'Berdaya: Pekerjaan Sosial & <Aras>', masteryScore: 75 };

/** A small built course: the packager must list and ship every file of it, and no source maps. */
function fakeBuild() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berdaya-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  for (const [file, text] of [['index.html', '<!doctype html>'], ['favicon.svg', '<svg/>'], ['assets/index-a1.js', 'x'], ['assets/index-a1.js.map', '{}']]) {
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const parse = (xml: string) => {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
};

describe('SCORM packages', () => {
  it.each([
    ['1.2', 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'adlcp:scormtype', '1.2'],
    ['2004', 'http://www.imsglobal.org/xsd/imscp_v1p1', 'adlcp:scormType', '2004 4th Edition'],
  ] as const)('SCORM %s: well-formed manifest at the zip root, one SCO launching index.html, every file listed', (version, namespace, scormType, schemaVersion) => {
    const zip = unzipSync(packageZip(info, version, fakeBuild()));
    expect(Object.keys(zip).sort()).toEqual(['assets/index-a1.js', 'favicon.svg', 'imsmanifest.xml', 'index.html']);
    const doc = parse(strFromU8(zip['imsmanifest.xml']));
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(namespace);
    expect(root.getAttribute('identifier')).toBe('berdaya-0.2.0');
    expect(doc.getElementsByTagName('schemaversion')[0].textContent).toBe(schemaVersion);
    expect(doc.getElementsByTagName('title')[0].textContent).toBe(info.title);
    const resource = doc.getElementsByTagName('resource')[0];
    expect(resource.getAttribute(scormType)).toBe('sco');
    expect(resource.getAttribute('href')).toBe('index.html');
    const item = doc.getElementsByTagName('item')[0];
    expect(item.getAttribute('identifierref')).toBe(resource.getAttribute('identifier'));
    const listed = [...resource.getElementsByTagName('file')].map((f) => f.getAttribute('href'));
    expect(listed).toEqual(['assets/index-a1.js', 'favicon.svg', 'index.html']);
    for (const file of listed) expect(zip[file!]).toBeDefined();
  });

  it('tells SCORM 1.2 LMSs the pass mark as the mastery score', () => {
    const doc = parse(manifestXml(info, '1.2', ['index.html']));
    expect(doc.getElementsByTagName('adlcp:masteryscore')[0].textContent).toBe('75');
  });
});
