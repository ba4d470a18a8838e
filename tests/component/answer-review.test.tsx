import { screen, within } from '@testing-library/react';
import { loadModuleText } from 'virtual:berdaya/course';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/components/html-text.ts';
import type { ItemSpec } from '../../src/content/types.ts';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress } from '../../src/course/progress.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { tFor } from '../ui-strings.ts';
import { manifest, optionName, renderCourse } from './render-course.tsx';

const KEY = `berdaya:${manifest.id}:progress`;
const moduleFour = manifest.modules.find((m) => m.id === '04-intervention-levels')!;
const wrong = (item: ItemSpec) => (item.parts ? item.answer.replace(/./g, (c) => (c === '0' ? '1' : '0')) : item.options.find((o) => o !== item.answer)!);

/** A learner on Module 4's summary after its first round, with the first two questions missed. */
function atSummary(missed: number) {
  const items = drawModuleQuiz(moduleFour, 0);
  localStorage.setItem(KEY, encodeProgress({
    ...createProgress(manifest),
    atWelcome: false,
    place: { screen: 'summary', module: moduleFour.id },
    modules: { [moduleFour.id]: { round: 0, score: 0, best: 0 } },
    answers: Object.fromEntries(items.map((item, index) => [item.id, [index < missed ? wrong(item) : item.answer]])),
  }, manifest));
  return items;
}

describe('reviewing the questions missed, from a module summary', () => {
  for (const lang of ['en', 'id'] as const) {
    it(`lists only the missed questions, each opening its full feedback, and the score stays (${lang})`, async () => {
      const t = tFor(lang);
      const items = atSummary(2);
      const { user } = await renderCourse({ search: `?lang=${lang}` });
      const score = t('summary.score', { correct: items.length - 2, total: items.length, percent: Math.round(((items.length - 2) / items.length) * 100) });
      expect(await screen.findByText(score)).toBeInTheDocument();
      const review = screen.getByRole('region', { name: t('review.missedHeading') });
      const entries = within(review).getAllByText(new RegExp(`^${t('review.entry', { number: '\\d+', verdict: '' })}`));
      expect(entries).toHaveLength(2);
      expect(entries[0]).toBe(within(review).getByText(t('review.entry', { number: 1, verdict: t('quiz.incorrect') })));
      expect(entries[1]).toBe(within(review).getByText(t('review.entry', { number: 2, verdict: t('quiz.incorrect') })));

      const item = items[0];
      const text = (await loadModuleText(moduleFour.id, lang)).items[item.id];
      const details = entries[0].closest('details')!;
      await user.click(entries[0]);
      expect(details).toHaveAttribute('open');
      const body = within(details);
      // The scenario, with its cue words marked.
      expect(details.querySelector('.scenario')).toHaveTextContent(htmlToText(text.text));
      expect([...details.querySelectorAll('.scenario mark')].map((m) => m.textContent!.toLowerCase())).toEqual(expect.arrayContaining(text.cues.map((c) => c.toLowerCase())));
      expect(details).toHaveTextContent(t('quiz.yourAnswer', { answer: await optionName(moduleFour.id, item, wrong(item), lang) }));
      expect(details).toHaveTextContent(t('quiz.rightAnswer', { answer: await optionName(moduleFour.id, item, item.answer, lang) }));
      expect(body.getByRole('heading', { name: t('quiz.whyHeading') })).toBeInTheDocument();
      expect(details).toHaveTextContent(htmlToText(text.rationale));
      expect(body.getByRole('heading', { name: t('quiz.misconceptionHeading') })).toBeInTheDocument();
      expect(details).toHaveTextContent(htmlToText(text.misconceptions[wrong(item)]));
      expect(screen.getByText(score)).toBeInTheDocument(); // reading the feedback changes no score
    });
  }

  it('says so when nothing was missed', async () => {
    atSummary(0);
    await renderCourse({ search: '?lang=en' });
    expect(await screen.findByText('You missed no questions in this round.')).toBeInTheDocument();
  });
});
