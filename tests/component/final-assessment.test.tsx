import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CourseManifest } from '../../src/content/types.ts';
import { finalModule } from '../../src/course/final-assessment.ts';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress, type Progress } from '../../src/course/progress.ts';
import { drawFinal } from '../../src/quiz/selection.ts';
import { manifest, optionName, renderCourse, titles } from './render-course.tsx';

const KEY = `berdaya:${manifest.id}:progress`;
const final = finalModule(manifest);
/**
 * The course with a shorter final (one scenario per level, one strategy, one concept question from
 * each module that has them), for the journeys that answer every question: the same screens, fewer clicks.
 */
const short: CourseManifest = {
  ...manifest,
  final: { ...manifest.final, perLevel: 1, strategies: 1, concepts: Object.fromEntries(Object.keys(final.mix.concepts).map((id) => [id, 1])) },
};
const shortFinal = finalModule(short);

/** A learner who has finished every module quiz (and maybe more). */
const modulesDone = (more: Partial<Progress> = {}, course: CourseManifest = manifest) =>
  localStorage.setItem(KEY, encodeProgress({
    ...createProgress(course),
    ...more,
    modules: { ...Object.fromEntries(course.modules.map((m) => [m.id, { score: 100, best: 100, round: 0 }])), ...more.modules },
  }, course));

/** On the final's result after attempt `round`, the first `wrong` answers wrong. */
function resultOf(round: number, wrong: number, of = final): Partial<Progress> {
  const items = drawFinal(of.sources, of.mix, round);
  const score = Math.round(((items.length - wrong) / items.length) * 100);
  return {
    atWelcome: false,
    place: { screen: 'summary', module: final.id },
    modules: { [final.id]: { round, score, best: score } },
    answers: Object.fromEntries(items.map((item, index) => [item.id, [index < wrong ? item.options.find((o) => o !== item.answer)! : item.answer]])),
  };
}

const ownerOf = (id: string) => manifest.modules.find((m) => m.items.some((i) => i.id === id))!;

async function takeFinal(user: Awaited<ReturnType<typeof renderCourse>>['user'], round: number, wrong: number) {
  const items = drawFinal(shortFinal.sources, shortFinal.mix, round);
  for (const [index, item] of items.entries()) {
    expect(await screen.findByRole('heading', { level: 1, name: `Question ${index + 1} of ${items.length}` })).toBeInTheDocument();
    if (index === 0) {
      expect(screen.getByText('In the final assessment, the right answers and their explanations come at the end, with your result.')).toBeInTheDocument();
      // The trainers' notes hold suggested answers: not offered during the final.
      expect(screen.queryByRole('button', { name: 'Facilitator notes' })).not.toBeInTheDocument();
    } else {
      // The answer before went straight on: no verdict, no explanation.
      expect(screen.queryByText('Correct!')).not.toBeInTheDocument();
      expect(screen.queryByText('Not quite.')).not.toBeInTheDocument();
      expect(screen.queryByText('Why')).not.toBeInTheDocument();
    }
    const choice = index < wrong ? item.options.find((o) => o !== item.answer)! : item.answer;
    await user.click(await screen.findByRole('radio', { name: await optionName(ownerOf(item.id).id, item, choice, 'en') }));
    await user.click(screen.getByRole('button', { name: index + 1 === items.length ? 'Save my answer and see the result' : 'Save my answer and go on' }));
  }
  return items;
}

describe('the final assessment', () => {
  it('stays closed until every module quiz is done', async () => {
    await renderCourse({ search: '?lang=en' });
    expect(await screen.findByText(`When every module quiz is done, test your understanding with ${final.quizSize} questions from the whole course. Pass mark: 75%.`)).toBeInTheDocument();
    expect(final.quizSize).toBe(12 + 3 + 8); // levels, strategies, 2 concept questions from each of Modules 1–3 and 6
    expect(await screen.findByRole('button', { name: 'Start the final assessment' })).toBeDisabled();
    expect(screen.getByText('Finish every module quiz first.')).toBeInTheDocument();
  });

  it('asks every outcome without feedback, then shows the result with a breakdown by level, strategy and module', async () => {
    modulesDone({}, short);
    const { user } = await renderCourse({ search: '?lang=en', course: short });
    await user.click(await screen.findByRole('button', { name: 'Start the final assessment' }));
    const first = await takeFinal(user, 0, 3);
    expect(first.filter((i) => i.type === 'classify-level')).toHaveLength(3);
    expect(first.filter((i) => i.type === 'classify-strategy')).toHaveLength(1);
    expect(new Set(first.filter((i) => i.type === 'choice').map((i) => ownerOf(i.id).number))).toEqual(new Set([1, 2, 3, 6]));
    expect(await screen.findByRole('heading', { level: 1, name: 'Final assessment result' })).toBeInTheDocument();
    expect(screen.getByText(`Your score: ${first.length - 3} of ${first.length} correct (${Math.round(((first.length - 3) / first.length) * 100)}%).`)).toBeInTheDocument();
    expect(screen.getByText(/You have not reached the pass mark of 75% yet/)).toBeInTheDocument();
    expect(screen.getByText(/^Casework \(micro\): [01] of 1 correct$/)).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`^Module 1, ${titles.en.modules[manifest.modules[0].id]}: [01] of 1 correct$`))).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'See your certificate' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Facilitator notes' })).toBeInTheDocument(); // back once the attempt is over
  });

  it('reviews every question on the result: each opens its full feedback, and the score stays', async () => {
    const first = drawFinal(final.sources, final.mix, 0);
    modulesDone({ ...resultOf(0, 8), final: { score: 65, passed: false, at: 1000 } });
    const { user } = await renderCourse({ search: '?lang=en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Final assessment result' })).toBeInTheDocument();
    // The review lists every question; the first (answered wrongly) opens its full feedback.
    const review = screen.getByRole('region', { name: 'Review every question' });
    expect(within(review).getAllByText(/^Question \d+: (Correct!|Not quite\.)/)).toHaveLength(first.length);
    const firstEntry = within(review).getByText(/^Question 1: Not quite\./);
    const opened = firstEntry.closest('details')!;
    expect(opened).not.toHaveAttribute('open');
    await user.click(firstEntry);
    expect(opened).toHaveAttribute('open');
    const item = first[0];
    const wrongChoice = item.options.find((o) => o !== item.answer)!;
    expect(opened).toHaveTextContent(`Your answer: ${await optionName(ownerOf(item.id).id, item, wrongChoice, 'en')}`);
    expect(opened).toHaveTextContent(`The right answer: ${await optionName(ownerOf(item.id).id, item, item.answer, 'en')}`);
    expect(within(opened).getByRole('heading', { name: 'Why' })).toBeInTheDocument();
    expect(within(opened).getByRole('heading', { name: 'Why your choice does not fit' })).toBeInTheDocument();
    expect(within(review).getByText(new RegExp(`^Question ${first.length}: Correct!`))).toBeInTheDocument();
    expect(screen.getByText(/Your score: \d+ of/)).toHaveTextContent(`${first.length - 8} of ${first.length}`); // reading changes nothing
  });

  it('draws other questions on a retake, from its result', async () => {
    const first = drawFinal(shortFinal.sources, shortFinal.mix, 0);
    modulesDone({ ...resultOf(0, first.length, shortFinal), final: { score: 0, passed: false, at: 1000 } }, short);
    const { user } = await renderCourse({ search: '?lang=en', course: short });
    await user.click(await screen.findByRole('button', { name: 'Take the final assessment again' }));
    const second = await takeFinal(user, 1, 0);
    const scenarios = (items: typeof first) => items.filter((i) => i.type !== 'choice').map((i) => i.id);
    expect(scenarios(second).filter((id) => scenarios(first).includes(id))).toEqual([]);
    expect(await screen.findByText(/Congratulations, you passed!/)).toBeInTheDocument();
  });

  it('says when the next attempt opens after a wait, and that none remain once the attempts are used', async () => {
    const course: CourseManifest = { ...manifest, final: { ...manifest.final, retakeWait: 24, maxAttempts: 2 } };
    modulesDone({}, course);
    const first = await renderCourse({ search: '?lang=en', course });
    expect(await screen.findByText('You have 2 attempts left.')).toBeInTheDocument();
    first.unmount();
    history.replaceState(null, '', '/'); // each launch opens the course afresh, at a bare address

    // Just after the first attempt (its end saved as the machine saves it, in minutes).
    const at = Math.floor(Date.now() / 60_000);
    modulesDone({ ...resultOf(0, 0), final: { score: 100, passed: true, at } }, course);
    const { user, unmount } = await renderCourse({ search: '?lang=en', course });
    expect(await screen.findByRole('heading', { level: 1, name: 'Final assessment result' })).toBeInTheDocument();
    const opens = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'short' }).format((at + 24 * 60) * 60_000);
    expect(screen.getByText(`Your next attempt opens on ${opens}.`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Take the final assessment again' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to home' }));
    expect(await screen.findByRole('button', { name: 'Start the final assessment' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Start the final assessment' })).toHaveAccessibleDescription(`Your next attempt opens on ${opens}.`);
    unmount();
    history.replaceState(null, '', '/');

    // Both attempts used, the last one long ago: no wait, no attempts either.
    modulesDone({ modules: { final: { score: 40, best: 40, round: 1 } }, final: { score: 40, passed: false, at: 1000 } }, course);
    await renderCourse({ search: '?lang=en', course });
    expect(await screen.findByText('You have used all 2 attempts at the final assessment: no attempts remain.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start the final assessment' })).toBeDisabled();
  });

  it('prints a certificate with the name I type, which stays on this device and out of my progress', async () => {
    // Passed at noon UTC on 14 March 2026; a failed retake ended later (the date stays the pass's).
    const passedAt = Date.UTC(2026, 2, 14, 12) / 60_000;
    modulesDone({ ...resultOf(0, 0), final: { score: 100, passed: true, at: passedAt + 5 * 24 * 60, passedAt } });
    const { user } = await renderCourse({ search: '?lang=en' });
    await user.click(await screen.findByRole('button', { name: 'See your certificate' }));
    await user.type(screen.getByLabelText('Name to print on the certificate (kept only on this device)'), 'Sri <b>Wahyuni</b>');
    const certificate = screen.getByRole('region', { name: 'Certificate of Completion' });
    expect(within(certificate).getByText('Sri <b>Wahyuni</b>')).toBeInTheDocument(); // shown as text, never markup
    expect(certificate).toHaveTextContent(titles.en.title);
    expect(certificate).toHaveTextContent(`Course version ${manifest.version}`);
    // Each fact under its label (a description list): the score, who issues it, the study time.
    const fact = (label: string) => within(certificate).getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(fact('Final assessment score')).toHaveTextContent(/^100%$/);
    expect(fact('Issued by')).toHaveTextContent(/^The Berdaya open-source project$/);
    expect(fact('Estimated study time')).toHaveTextContent(/^\d+(\.\d)? hours$/);
    expect(fact('Completed on')).toHaveTextContent(/^March 14, 2026$/);
    expect(localStorage.getItem(KEY)).not.toContain('Wahyuni');
    expect(localStorage.getItem(`${KEY}:certificate-name`)).toBe('Sri <b>Wahyuni</b>');
  });
});
