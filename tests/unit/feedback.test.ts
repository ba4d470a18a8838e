import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemSpec } from '../../src/content/types.ts';
import { confusionMatrix, highlightCues, mainConfusion } from '../../src/quiz/feedback.ts';

const level = (id: string, answer: string): ItemSpec => ({ id, code: id, type: 'classify-level', options: ['casework', 'groupwork', 'systemic'], answer, difficulty: 1, tricky: false });

describe('cue highlighting', () => {
  it('marks every cue as whole words, case-insensitively, longest first', () => {
    expect(highlightCues('A <em>home visit</em> to one family; Home visits help.', ['home visit', 'one family', 'home']))
      .toBe('A <em><mark>home visit</mark></em> to <mark>one family</mark>; <mark>Home</mark> visits help.');
    expect(highlightCues('Anak dan orang tuanya; orang tua lain.', ['orang tua'])).toBe('Anak dan orang tuanya; <mark>orang tua</mark> lain.');
  });

  it('matches cues on the text a learner reads, never inside an HTML entity', () => {
    expect(highlightCues('camp &amp; village &lt;3', ['amp', 'lt'])).toBe('camp &amp; village &lt;3');
    expect(highlightCues('camp &amp; village', ['camp & village'])).toBe('<mark>camp &amp; village</mark>');
  });

  it('never changes markup, only text between tags (property)', () => {
    fc.assert(fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 4 }), (cues) => {
      const html = 'Sebuah <em class="x">kelompok</em> &amp; <a href="#glossary-x" data-term="x">rapat</a>.';
      const tags = (s: string) => s.match(/<(?!\/?mark>)[^>]+>/g);
      expect(tags(highlightCues(html, cues))).toEqual(tags(html));
    }));
  });
});

describe('confusion matrix', () => {
  const items = [level('a', 'systemic'), level('b', 'systemic'), level('c', 'casework'), level('d', 'groupwork')];
  it('counts what each situation was against what the learner chose', () => {
    const matrix = confusionMatrix(items, { a: ['groupwork'], b: ['casework', 'groupwork'], c: ['casework'], d: ['groupwork'] }, 'classify-level')!;
    expect(matrix.counts).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 2, 0],
    ]);
    expect(mainConfusion(matrix)).toBe('systemic→groupwork');
  });

  it('has no insight when every answer is right, and no table without answers', () => {
    expect(mainConfusion(confusionMatrix(items, { a: ['systemic'], c: ['casework'] }, 'classify-level')!)).toBeNull();
    expect(confusionMatrix(items, {}, 'classify-level')).toBeNull();
    expect(confusionMatrix(items, { a: ['systemic'] }, 'classify-strategy')).toBeNull();
  });

  it('counts each case of a sort and each classification step of a case, answered so far', () => {
    const LEVELS = ['casework', 'groupwork', 'systemic'];
    const sort: ItemSpec = { id: 's', code: 's', type: 'sort', options: [], answer: '021', parts: ['casework', 'systemic', 'groupwork'].map((answer) => ({ type: 'classify-level', options: LEVELS, answer })) };
    const story: ItemSpec = {
      id: 'k', code: 'k', type: 'case', options: [], answer: '02',
      parts: [{ type: 'classify-level', options: LEVELS, answer: 'casework' }, { type: 'choice', options: ['a', 'b', 'c'], answer: 'c' }],
    };
    // The sort: casework right, systemic taken for groupwork, groupwork right; the case: step 1 taken for systemic.
    const matrix = confusionMatrix([sort, story], { s: ['011'], k: ['2'] }, 'classify-level')!;
    expect(matrix.counts).toEqual([
      [1, 0, 1],
      [0, 1, 0],
      [0, 1, 0],
    ]);
  });
});
