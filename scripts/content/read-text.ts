import fs from 'node:fs';

/** A lesson file's text, or why it cannot be read, in words an author can act on. */
export type ReadResult = { text: string } | { problem: string; line?: number };

const SAVE_AS_UTF8 = 'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a lesson file as UTF-8. A UTF-8 byte-order mark is accepted and removed. Anything else is
 * refused with the encoding it looks like, because decoding it anyway shows learners "�" in place
 * of every accented letter or curly quote (a Windows-1252 file had 51).
 */
export function readLessonText(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'file is missing' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(error)})` };
  }
  return decodeLessonBytes(bytes);
}

export function decodeLessonBytes(bytes: Uint8Array): ReadResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { problem: `is saved as UTF-16 (little-endian): ${SAVE_AS_UTF8}` };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { problem: `is saved as UTF-16 (big-endian): ${SAVE_AS_UTF8}` };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  // UTF-16 without a byte-order mark: every other byte of plain text is zero.
  const sample = body.subarray(0, 200);
  const zeros = sample.filter((b) => b === 0).length;
  if (sample.length >= 4 && zeros >= sample.length / 4) {
    const evenZeros = sample.filter((b, i) => b === 0 && i % 2 === 0).length;
    return { problem: `is saved as UTF-16 (${evenZeros > zeros / 2 ? 'big' : 'little'}-endian): ${SAVE_AS_UTF8}` };
  }
  try {
    return { text: utf8.decode(body) };
  } catch {
    const at = firstInvalidUtf8(body);
    const line = body.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    const byte = body[at].toString(16).toUpperCase().padStart(2, '0');
    return {
      problem: `is saved as Windows-1252 (or another single-byte encoding), not UTF-8: byte 0x${byte} on line ${line} is not a UTF-8 character (learners would see "�"); ${SAVE_AS_UTF8}`,
      line,
    };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] ?? 0) >> 6 !== 0b10) return i;
    i += length;
  }
  return 0;
}
