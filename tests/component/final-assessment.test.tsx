import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CourseManifest } from '../../src/content/types.ts';
import { finalModule } from '../../src/course/final-assessment.ts';
import { decodeProgress, encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress, type Progress } from '../../src/course/progress.ts';
import { drawFinal } from '../../src/quiz/selection.ts';
import { manifest, optionName, renderCourse, titles } from './render-course.tsx';

const KEY = `berdaya:${manifest.id}:progress`;
const final = finalModule(manifest);

/** A learner who has finished every module quiz (and maybe more). */
const modulesDone = (more: Partial<Progress> = {}, course: CourseManifest = manifest) =>
  localStorage.setItem(KEY, encodeProgress({
    ...createProgress(course),
    ...more,
    modules: { ...Object.fromEntries(course.modules.map((m) => [m.id, { score: 100, best: 100, round: 0 }])), ...more.modules },
  }, course));

const ownerOf = (id: string) => manifest.modules.find((m) => m.items.some((i) => i.id === id))!;

async function takeFinal(user: Awaited<ReturnType<typeof renderCourse>>['user'], round: number, wrong: number) {
  const items = drawFinal(final.sources, final.mix, round);
  for (const [index, item] of items.entries()) {
    expect(await screen.findByRole('heading', { level: 1, name: `Question ${index + 1} of ${items.length}` })).toBeInTheDocument();
    expect(screen.getByText('In the final assessment, the right answers and their explanations come at the end, with your result.')).toBeInTheDocument();
    // The trainers' notes hold suggested answers: not offered during the final.
    expect(screen.queryByRole('button', { name: 'Facilitator notes' })).not.toBeInTheDocument();
    const choice = index < wrong ? item.options.find((o) => o !== item.answer)! : item.answer;
    await user.click(await screen.findByRole('radio', { name: await optionName(ownerOf(item.id).id, item, choice, 'en') }));
    await user.click(screen.getByRole('button', { name: index + 1 === items.length ? 'Save my answer and see the result' : 'Save my answer and go on' }));
    if (index + 1 === items.length) break; // the result, with its review
    // No verdict, no explanation: straight on to the next question.
    expect(await screen.findByRole('heading', { level: 1, name: `Question ${index + 2} of ${items.length}` })).toBeInTheDocument();
    expect(screen.queryByText('Correct!')).not.toBeInTheDocument();
    expect(screen.queryByText('Not quite.')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Why' })).not.toBeInTheDocument();
  }
  return items;
}

describe('the final assessment', () => {
  it('stays closed until every module quiz is done', async () => {
    await renderCourse({ search: '?lang=en' });
    expect(await screen.findByRole('button', { name: 'Start the final assessment' })).toBeDisabled();
    expect(screen.getByText('Finish every module quiz first.')).toBeInTheDocument();
  });

  it('asks every outcome, reviews every question at the end, and a retake draws other questions', async () => {
    modulesDone();
    const { user } = await renderCourse({ search: '?lang=en' });
    expect(await screen.findByText(`When every module quiz is done, test your understanding with ${final.quizSize} questions from the whole course. Pass mark: 75%.`)).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Start the final assessment' }));
    const first = await takeFinal(user, 0, 8);
    expect(first.filter((i) => i.type === 'classify-level')).toHaveLength(12);
    expect(first.filter((i) => i.type === 'classify-strategy')).toHaveLength(3);
    expect(new Set(first.filter((i) => i.type === 'choice').map((i) => ownerOf(i.id).number))).toEqual(new Set([1, 2, 3, 6]));
    expect(await screen.findByRole('heading', { level: 1, name: 'Final assessment result' })).toBeInTheDocument();
    expect(screen.getByText(`Your score: ${first.length - 8} of ${first.length} correct (${Math.round(((first.length - 8) / first.length) * 100)}%).`)).toBeInTheDocument();
    expect(screen.getByText(/You have not reached the pass mark of 75% yet/)).toBeInTheDocument();
    expect(screen.getByText(/^Casework \(micro\): \d of 4 correct$/)).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`^Module 1, ${titles.en.modules[manifest.modules[0].id]}: \\d of 2 correct$`))).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'See your certificate' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Facilitator notes' })).toBeInTheDocument(); // back once the attempt is over

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

    await user.click(screen.getByRole('button', { name: 'Take the final assessment again' }));
    const second = await takeFinal(user, 1, 0);
    const scenarios = (items: typeof first) => items.filter((i) => i.type !== 'choice').map((i) => i.id);
    expect(scenarios(second).filter((id) => scenarios(first).includes(id))).toEqual([]);
    expect(await screen.findByText(/Congratulations, you passed!/)).toBeInTheDocument();
  });

  it('says when the next attempt opens after a wait, and that none remain once the attempts are used', async () => {
    const course: CourseManifest = { ...manifest, final: { ...manifest.final, retakeWait: 24, maxAttempts: 2 } };
    modulesDone({}, course);
    const { user, unmount } = await renderCourse({ search: '?lang=en', course });
    expect(await screen.findByText('You have 2 attempts left.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start the final assessment' }));
    await takeFinal(user, 0, 0);
    expect(await screen.findByRole('heading', { level: 1, name: 'Final assessment result' })).toBeInTheDocument();
    const saved = decodeProgress(localStorage.getItem(KEY)!, course);
    const at = saved.ok ? saved.progress.final!.at! : NaN;
    const opens = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'short' }).format((at + 24 * 60) * 60_000);
    expect(screen.getByText(`Your next attempt opens on ${opens}.`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Take the final assessment again' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to home' }));
    expect(await screen.findByRole('button', { name: 'Start the final assessment' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Start the final assessment' })).toHaveAccessibleDescription(`Your next attempt opens on ${opens}.`);
    unmount();

    // Both attempts used, the last one long ago: no wait, no attempts either.
    modulesDone({ modules: { final: { score: 40, best: 40, round: 1 } }, final: { score: 40, passed: false, at: 1000 } }, course);
    await renderCourse({ search: '?lang=en', course });
    expect(await screen.findByText('You have used all 2 attempts at the final assessment: no attempts remain.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start the final assessment' })).toBeDisabled();
  });

  it('prints a certificate with the name I type, which stays on this device and out of my progress', async () => {
    modulesDone();
    const { user } = await renderCourse({ search: '?lang=en' });
    await user.click(await screen.findByRole('button', { name: 'Start the final assessment' }));
    await takeFinal(user, 0, 0);
    await user.click(await screen.findByRole('button', { name: 'See your certificate' }));
    await user.type(screen.getByLabelText('Name to print on the certificate (kept only on this device)'), 'Sri <b>Wahyuni</b>');
    const certificate = screen.getByRole('region', { name: 'Certificate of Completion' });
    expect(within(certificate).getByText('Sri <b>Wahyuni</b>')).toBeInTheDocument(); // shown as text, never markup
    expect(certificate).toHaveTextContent(titles.en.title);
    expect(certificate).toHaveTextContent(`Version ${manifest.version}`);
    expect(certificate).toHaveTextContent('Final assessment score 100%');
    expect(localStorage.getItem(KEY)).not.toContain('Wahyuni');
    expect(localStorage.getItem(`${KEY}:certificate-name`)).toBe('Sri <b>Wahyuni</b>');
  });
});
