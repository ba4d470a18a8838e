import type { CourseManifest } from '../content/types.ts';
import { FINAL, PRACTICE } from '../course/final-assessment.ts';
import type { Place } from '../course/progress.ts';
import type { Stop } from '../course/visit.ts';

/**
 * The address of every screen, after `#` so that any static host and any LMS serve it:
 *   #/                      welcome           #/m/04/p/3       module 4, lesson page 3
 *   #/m/04/quiz/2           question 2        #/m/04/summary   the module's summary
 *   #/final/quiz/2          final assessment  #/final/result   its result (#/final: start or resume it)
 *   #/final/certificate     the certificate, over the result (once the final is passed)
 *   #/practice/quiz/2       Practice          #/practice/summary
 *   #/glossary[/term-id]    glossary          #/notes[/04]     facilitator notes (at a module)
 * A module is named by its number, as learners and trainers see it.
 */
export type Route =
  | { kind: 'course'; stop: Stop }
  | { kind: 'final' }
  | { kind: 'certificate' }
  | { kind: 'glossary'; term?: string }
  | { kind: 'notes'; module?: string };

const CERTIFICATE_HASH = `#/${FINAL}/certificate`;

const two = (n: number) => String(n).padStart(2, '0');

function moduleSegment(manifest: CourseManifest, module: string): string {
  if (module === FINAL || module === PRACTICE) return module;
  return `m/${two(manifest.modules.find((m) => m.id === module)?.number ?? 0)}`;
}

/** The address of a course screen (null place: the welcome screen). */
export function courseHash(manifest: CourseManifest, place: Place | null): string {
  if (!place) return '#/';
  const base = `#/${moduleSegment(manifest, place.module)}`;
  if (place.screen === 'lesson') return `${base}/p/${place.page + 1}`;
  if (place.screen === 'quiz') return `${base}/quiz/${place.item + 1}`;
  return `${base}/${place.module === FINAL ? 'result' : 'summary'}`;
}

export function routeHash(manifest: CourseManifest, route: Route): string {
  switch (route.kind) {
    case 'glossary':
      return route.term ? `#/glossary/${route.term}` : '#/glossary';
    case 'notes': {
      const number = manifest.modules.find((m) => m.id === route.module)?.number;
      return number === undefined ? '#/notes' : `#/notes/${two(number)}`;
    }
    case 'final':
      return '#/final';
    case 'certificate':
      return CERTIFICATE_HASH;
    default:
      return route.stop.screen === 'home' ? '#/' : courseHash(manifest, stopPlace(route.stop));
  }
}

const stopPlace = (stop: Exclude<Stop, { screen: 'home' }>): Place => (stop.screen === 'quiz' ? { ...stop, answered: false } : stop);

const count = (s: string | undefined) => (s && /^\d{1,3}$/.test(s) ? Number(s) : undefined);

/** Reads an address; null for anything that is not one of the course's (e.g. `#main`, a typo). */
export function parseRoute(manifest: CourseManifest, hash: string): Route | null {
  if (hash === '' || hash === '#' || hash === '#/') return { kind: 'course', stop: { screen: 'home' } };
  if (!hash.startsWith('#/')) return null;
  const parts = hash.slice(2).split('/').filter(Boolean);
  const [head, ...rest] = parts;
  if (head === 'glossary' && rest.length <= 1) return { kind: 'glossary', ...(rest[0] && { term: decodeURIComponent(rest[0]) }) };
  if (head === 'notes' && rest.length <= 1) {
    const module = rest[0] === undefined ? undefined : manifest.modules.find((m) => m.number === count(rest[0]))?.id;
    return rest[0] !== undefined && !module ? null : { kind: 'notes', ...(module && { module }) };
  }
  if (head === FINAL && !rest.length) return { kind: 'final' };
  if (hash === CERTIFICATE_HASH) return { kind: 'certificate' };
  let module: string | undefined;
  let tail: string[];
  if (head === FINAL || head === PRACTICE) {
    module = head;
    tail = rest;
  } else if (head === 'm') {
    module = manifest.modules.find((m) => m.number === count(rest[0]))?.id;
    tail = rest.slice(1);
  } else return null;
  if (!module) return null;
  const [screen, index] = tail;
  const number = count(index);
  if (tail.length > 2) return null;
  if (tail.length === 0) return { kind: 'course', stop: { screen: 'lesson', module, page: 0 } };
  if (screen === 'p' && number) return { kind: 'course', stop: { screen: 'lesson', module, page: number - 1 } };
  if (screen === 'quiz' && (tail.length === 1 || number)) return { kind: 'course', stop: { screen: 'quiz', module, item: (number ?? 1) - 1 } };
  if ((screen === 'summary' || screen === 'result') && tail.length === 1) return { kind: 'course', stop: { screen: 'summary', module } };
  return null;
}
