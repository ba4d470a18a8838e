import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent, ContentError, RESERVED_MODULE_NAMES, type Problem } from '../../scripts/content/compile.ts';
import { renderBlock } from '../../scripts/content/markdown.ts';
import { brokenFixture } from './fixture-course.ts';

/** Hostile or careless lesson files: each is refused with the file and the cause, or works safely. */
const FILES = path.resolve(__dirname, '../fixtures/lesson-files');

function outcome(dir: string): { problems: Problem[]; warnings: Problem[] } {
  const strip = (p: Problem) => ({ ...p, file: p.file.replace(/.*berdaya-lessons-[^/]+\//, '') });
  try {
    const { warnings } = compileContent(dir);
    return { problems: [], warnings: warnings.map(strip) };
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.problems.map(strip), warnings: error.warnings.map(strip) };
    throw error; // a bare stack: exactly what must never happen
  }
}

/** The valid fixture with one file replaced by a fixture file, byte for byte. */
function withFile(target: string, fixture: string): string {
  const dir = brokenFixture(target, (s) => s);
  fs.copyFileSync(path.join(FILES, fixture), path.join(dir, target));
  return dir;
}

const listing = (modules: string) => brokenFixture('course.yaml', (s) => s.replace('modules: [alpha, beta]', `modules: ${modules}`));

describe('module folder names', () => {
  it.each(['practice', 'final', 'glossary', 'welcome', 'review'])('refuses "%s", a word the course itself uses', (name) => {
    const dir = listing(`[alpha, beta, ${name}]`);
    fs.cpSync(path.join(dir, 'modules/beta'), path.join(dir, 'modules', name), { recursive: true });
    expect(outcome(dir).problems).toContainEqual({
      file: 'course.yaml', field: 'modules.2', message: `"${name}" is a word the course itself uses: rename the module folder, e.g. 07-${name}`,
    });
    expect(RESERVED_MODULE_NAMES).toContain(name);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses the prototype name "%s" with a clear message, not a stack', (name) => {
    const dir = listing(`[alpha, beta, "${name}"]`);
    fs.cpSync(path.join(dir, 'modules/beta'), path.join(dir, 'modules', name), { recursive: true });
    const { problems } = outcome(dir);
    expect(problems).toContainEqual({ file: 'course.yaml', field: 'modules.2', message: expect.stringMatching(new RegExp(`^"${name}" cannot be a module name \\(every JavaScript object already has it\\): rename the folder`)) });
  });

  it('names the problem with an unlisted folder called "__proto__", rather than asking to list it', () => {
    const dir = listing('[alpha, beta]');
    fs.cpSync(path.join(dir, 'modules/beta'), path.join(dir, 'modules/__proto__'), { recursive: true });
    expect(outcome(dir).problems).toEqual([{
      file: 'modules/__proto__', field: '', message: expect.stringMatching(/^"__proto__" cannot be a module name \(every JavaScript object already has it\)/),
    }]);
  });

  it('refuses a module path outside lessons/ and never reads it', () => {
    const dir = listing('[alpha, beta, "../../../outside", "../beta"]');
    const outside = path.resolve(dir, 'modules', '../../../outside');
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(outside, 'module.yaml'), 'number: [broken');
    const { problems } = outcome(dir);
    expect(problems).toEqual([
      { file: 'course.yaml', field: 'modules.2', message: '"../../../outside" is a path: a module must be a folder directly inside lessons/modules/, named like 07-referral-pathways' },
      { file: 'course.yaml', field: 'modules.3', message: '"../beta" is a path: a module must be a folder directly inside lessons/modules/, named like 07-referral-pathways' },
    ]);
  });

  it('refuses a module folder that is a link to a folder outside lessons/modules/', () => {
    const dir = listing('[alpha, beta, gamma]');
    const elsewhere = fs.mkdtempSync(path.join(path.dirname(dir), 'elsewhere-'));
    fs.cpSync(path.join(dir, 'modules/beta'), elsewhere, { recursive: true });
    fs.symlinkSync(elsewhere, path.join(dir, 'modules/gamma'));
    expect(outcome(dir).problems).toEqual([
      { file: 'course.yaml', field: 'modules.2', message: "lessons/modules/gamma points outside lessons/modules/ (a link): put the module's files in the folder itself" },
    ]);
  });
});

describe('file encodings', () => {
  it('refuses a Windows-1252 file, naming the file, the encoding and the line', () => {
    expect(outcome(withFile('modules/alpha/id.md', 'windows-1252.md')).problems).toEqual([{
      file: 'modules/alpha/id.md', field: 'line 7',
      message: expect.stringMatching(/^is saved as Windows-1252 \(or another single-byte encoding\), not UTF-8: byte 0x93 on line 7 .*save it as UTF-8/),
    }]);
  });

  it.each([['utf-16.md', 'little-endian'], ['utf-16-no-bom.md', 'little-endian']])('refuses UTF-16 (%s) naming the encoding', (fixture, order) => {
    expect(outcome(withFile('modules/alpha/id.md', fixture)).problems).toEqual([{
      file: 'modules/alpha/id.md', field: '', message: expect.stringMatching(new RegExp(`^is saved as UTF-16 \\(${order}\\): save it as UTF-8`)),
    }]);
  });

  it('accepts a UTF-8 file with a byte-order mark, and shows no trace of it', () => {
    const dir = withFile('modules/alpha/id.md', 'utf-8-bom.md');
    const { texts } = compileContent(dir);
    expect(texts.alpha.id.pages[0].title).toBe('Halaman satu');
    expect(texts.alpha.id.pages[1].html).toBe('<p>Ibu Sari berkata, “Kami café kecil” – itu saja.</p>');
  });

  it('refuses a UTF-16 YAML file too, naming it', () => {
    const dir = brokenFixture('scenarios/items.yaml', (s) => s);
    fs.writeFileSync(path.join(dir, 'scenarios/items.yaml'), Buffer.from(`\ufeff${fs.readFileSync(path.join(dir, 'scenarios/items.yaml'), 'utf8')}`, 'utf16le'));
    expect(outcome(dir).problems).toEqual([{ file: 'scenarios/items.yaml', field: '', message: expect.stringMatching(/^is saved as UTF-16 \(little-endian\)/) }]);
  });
});

describe('links', () => {
  it('drops protocol-relative and backslash links (their words stay), marks other sites external, and warns the author', () => {
    const dir = withFile('modules/alpha/id.md', 'links.md');
    const { texts } = compileContent(dir);
    const html = texts.alpha.id.pages[0].html;
    expect(html).toBe('<p>Lihat situs lain, garis miring terbalik, <a href="https://example.org/page" rel="noopener noreferrer" target="_blank">sumber resmi</a> dan <a href="#atas">halaman ini</a>.</p>');
    const { warnings } = outcome(dir);
    expect(warnings.filter((w) => w.file === 'modules/alpha/id.md').map((w) => w.message.split(' was removed')[0])).toEqual([
      'the link to "//host/path"', 'the link to "/\\host"',
    ]);
  });

  it.each(['//host/path', '/\\host', '\\\\host', '/\t/host', 'javascript:alert(1)', 'data:text/html,x', 'HTTPS:/\\host'])('never links to %j', (href) => {
    expect(renderBlock(`[a](<${href}>)`)).toBe('<p>a</p>');
  });
});

describe('input that used to crash or hang the compiler', () => {
  it('reports a "billion laughs" YAML file against the file, without expanding it', () => {
    const dir = withFile('glossary.yaml', 'billion-laughs.yaml');
    expect(outcome(dir).problems).toEqual([{
      file: 'glossary.yaml', field: '', message: expect.stringMatching(/^uses too many YAML aliases .*write the text out instead/),
    }]);
  });

  it('reports 5,000 nested ">" quotes against the file and page', () => {
    expect(outcome(withFile('modules/alpha/en.md', 'nested-quotes.md')).problems).toEqual([{
      file: 'modules/alpha/en.md', field: 'page 1 (Halaman satu)', message: 'block quotes or lists are nested over 100 levels deep: at most 10 are allowed',
    }]);
  });

  it('renders 200 KB of "_a" in one page in linear time (it took 38 s)', () => {
    const page = '_a'.repeat(100_000);
    const started = performance.now();
    const html = renderBlock(page);
    const seconds = (performance.now() - started) / 1000;
    console.log(`200 KB of "_a" rendered in ${seconds.toFixed(2)} s`);
    expect(html).toBe(`<p>${page}</p>`);
    // A generous bound for a busy shared machine (about 1 s alone): the quadratic renderer took 38 s
    // on an author's machine and minutes here.
    expect(seconds).toBeLessThan(15);
  });
});

describe('cue words', () => {
  it('must occur as whole words: "orang tua" is not found in "orang tuanya"', () => {
    const dir = brokenFixture('scenarios/items.yaml', (s) => s
      .replace('Delapan orang tua saling', 'Delapan orang tuanya saling')
      .replace('cues: { id: ["kelompok dukungan"]', 'cues: { id: ["orang tua", "kelompok dukungan"]'));
    expect(outcome(dir).problems).toEqual([{
      file: 'scenarios/items.yaml', field: '[2] (fx-beta-group).cues.id',
      message: '"orang tua" does not occur as whole words in text.id: cue words must be copied from the scenario text (whole words: "orang tua" is not found in "orang tuanya")',
    }]);
  });
});
