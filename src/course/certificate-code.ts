import type { CourseManifest } from '../content/types.ts';
import { finalModule } from './final-assessment.ts';
import type { Progress } from './progress.ts';
import { quizItems } from './quiz-round.ts';
import { lastChoice } from '../quiz/scoring.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford's base 32: no I, L, O, U to misread

/**
 * A short code derived from the result: the course and its version, the final score and the
 * answers of the final assessment in this Progress record. The same record (e.g. the learner's
 * progress file, imported on a trainer's device) gives the same code, so a printed certificate can
 * be checked against it. It is a checksum, not a signature: anyone can compute it.
 */
export function certificateCode(manifest: CourseManifest, progress: Progress): string {
  const final = finalModule(manifest);
  const answers = quizItems(progress, final).map((item) => `${item.code}:${lastChoice(progress.answers, item.id) ?? ''}`);
  const text = [manifest.id, manifest.version, progress.final?.score ?? '', progress.final?.passed ? 1 : 0, ...answers].join('|');
  // Two FNV-1a hashes (different offsets): 40 bits, eight characters.
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h;
  };
  const bits = (BigInt(fnv(2166136261)) << 8n) | BigInt(fnv(84696351) & 0xff);
  let code = '';
  for (let i = 0; i < 8; i++) code = ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)] + code;
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
