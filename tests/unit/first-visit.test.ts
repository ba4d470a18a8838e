import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/course/progress.ts';
import { isFirstVisit } from '../../src/prerender/first-visit.ts';
import { manifest } from 'virtual:berdaya/course';

describe('a first visit (the prerendered welcome screen is exactly this learner\'s)', () => {
  const fresh = createProgress(manifest);
  const first = manifest.modules[0].id;

  it('is a new record, whatever language it names', () => {
    expect(isFirstVisit(fresh, manifest)).toBe(true);
    expect(isFirstVisit({ ...fresh, lang: 'en' }, manifest)).toBe(true);
  });

  it.each([
    ['a place to continue from', { place: { screen: 'lesson' as const, module: first, page: 1 }, atWelcome: false }],
    ['a module opened', { modules: { [first]: {} } }],
    ['an answer', { answers: { x: ['a'] } }],
    ['a review scheduled', { review: { x: [1, 2] as [number, number] } }],
    ['a final attempt', { final: { score: 50, passed: false } }],
  ])('is not one with %s', (_, change) => {
    expect(isFirstVisit({ ...fresh, ...change } as typeof fresh, manifest)).toBe(false);
  });
});
