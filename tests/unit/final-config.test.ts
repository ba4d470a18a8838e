import { describe, expect, it } from 'vitest';
import { compileContent, ContentError } from '../../scripts/content/compile.ts';
import { finalModule } from '../../src/course/final-assessment.ts';
import { brokenFixture, fixtureCourse } from './fixture-course.ts';

const withFinal = (block: string) => brokenFixture('course.yaml', (s) => `${s}final:\n${block}`);

function messagesOf(dir: string): string[] {
  try {
    compileContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map((p) => `${p.field}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('the final assessment in course.yaml', () => {
  it('defaults to no retake wait, no attempt limit, and concept questions from every module that has them', () => {
    const { manifest } = fixtureCourse();
    expect(manifest.final).toEqual({ passMark: 75, perLevel: 4, strategies: 3, retakeWait: 0 });
    expect(finalModule(manifest).mix.concepts).toEqual({ alpha: 1 }); // alpha has one concept question, beta none
  });

  it('takes concepts per module, a retake wait in hours and a number of attempts', () => {
    const { manifest } = compileContent(withFinal('  concepts: { alpha: 1 }\n  retakeWait: 1.5\n  maxAttempts: 3\n'));
    expect(manifest.final).toMatchObject({ concepts: { alpha: 1 }, retakeWait: 1.5, maxAttempts: 3 });
    expect(finalModule(manifest).quizSize).toBe(4 * 3 + 3 + 1);
  });

  it('says plainly what is wrong: an unknown module, more concept questions than a module has, bad numbers', () => {
    expect(messagesOf(withFinal('  concepts: { gamma: 1, alpha: 2, beta: 1 }\n'))).toEqual([
      'final.concepts.gamma: "gamma" is not one of the course\'s modules: use one of alpha, beta',
      'final.concepts.alpha: asks for 2 concept questions but the module has 1 (type: choice): lower the number or add questions',
      'final.concepts.beta: asks for 1 concept questions but the module has 0 (type: choice): lower the number or add questions',
    ]);
    const wrong = messagesOf(withFinal('  retakeWait: soon\n  maxAttempts: 0\n'));
    expect(wrong).toHaveLength(2);
    expect(wrong[0]).toMatch(/^final\.retakeWait: .*hours to wait/);
    expect(wrong[1]).toBe('final.maxAttempts: expected at least 1 attempt (leave it out: no limit)');
  });
});
