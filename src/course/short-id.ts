/** FNV-1a over a string's UTF-16 code units, 32 bits: a fast hash for codes and checksums. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A stable 5-character code for an item or module id (FNV-1a, base 36). Saved progress stores
 * these codes instead of full ids, so a whole course fits SCORM 1.2's 4,096-character suspend
 * data; the content compiler refuses two ids that would share a code.
 */
export const shortId = (id: string): string => (fnv1a(id) % 36 ** 5).toString(36).padStart(5, '0');
