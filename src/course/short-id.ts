/**
 * A stable 5-character code for an item or module id (FNV-1a, base 36). Saved progress stores
 * these codes instead of full ids, so a whole course fits SCORM 1.2's 4,096-character suspend
 * data; the content compiler refuses two ids that would share a code.
 */
export function shortId(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 36 ** 5).toString(36).padStart(5, '0');
}
