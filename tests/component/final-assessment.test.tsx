import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { finalModule } from '../../src/course/final-assessment.ts';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress } from '../../src/course/progress.ts';
import { drawFinal } from '../../src/quiz/selection.ts';
import { manifest, optionName, renderCourse, titles } from './render-course.tsx';

const KEY = `berdaya:${manifest.id}:progress`;
const final = finalModule(manifest);

/** A learner who has finished every module quiz. */
const modulesDone = () =>
  localStorage.setItem(KEY, encodeProgress({ ...createProgress(manifest), modules: Object.fromEntries(manifest.modules.map((m) => [m.id, { score: 100, best: 100, round: 0 }])) }, manifest));

async function takeFinal(user: Awaited<ReturnType<typeof renderCourse>>['user'], round: number, wrong: number) {
  const items = drawFinal(final.items, final.mix, round);
  for (const [index, item] of items.entries()) {
    expect(await screen.findByRole('heading', { level: 1, name: `Question ${index + 1} of ${items.length}` })).toBeInTheDocument();
    const choice = index < wrong ? item.options.find((o) => o !== item.answer)! : item.answer;
    const owner = manifest.modules.find((m) => m.items.some((i) => i.id === item.id))!;
    await user.click(await screen.findByRole('radio', { name: await optionName(owner.id, item, choice, 'en') }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await user.click(screen.getByRole('button', { name: index + 1 === items.length ? 'See the result' : 'Next question' }));
  }
  return items;
}

describe('the final assessment', () => {
  it('stays closed until every module quiz is done', async () => {
    await renderCourse({ search: '?lang=en' });
    expect(await screen.findByRole('button', { name: 'Start the final assessment' })).toBeDisabled();
    expect(screen.getByText('Finish every module quiz first.')).toBeInTheDocument();
  });

  it('draws a balanced set, shows the result with a breakdown, and a retry draws other questions', async () => {
    modulesDone();
    const { user } = await renderCourse({ search: '?lang=en' });
    await user.click(await screen.findByRole('button', { name: 'Start the final assessment' }));
    const first = await takeFinal(user, 0, 5);
    expect(first.filter((i) => i.type === 'classify-level')).toHaveLength(12);
    expect(first.filter((i) => i.type === 'classify-strategy')).toHaveLength(3);
    expect(await screen.findByRole('heading', { level: 1, name: 'Final assessment result' })).toBeInTheDocument();
    expect(screen.getByText('Your score: 10 of 15 correct (67%).')).toBeInTheDocument();
    expect(screen.getByText(/You have not reached the pass mark of 75% yet/)).toBeInTheDocument();
    expect(screen.getByText(/^Casework \(micro\): \d of 4 correct$/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'See your certificate' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Take the final assessment again' }));
    const second = await takeFinal(user, 1, 0);
    expect(second.filter((i) => first.some((f) => f.id === i.id)).length).toBeLessThan(second.length);
    expect(screen.getByText(/Congratulations, you passed!/)).toBeInTheDocument();
  });

  it('prints a certificate with the name I type, which stays on this device and out of my progress', async () => {
    modulesDone();
    const { user } = await renderCourse({ search: '?lang=en' });
    await user.click(await screen.findByRole('button', { name: 'Start the final assessment' }));
    await takeFinal(user, 0, 0);
    await user.click(screen.getByRole('button', { name: 'See your certificate' }));
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
    expect(localStorage.getItem(KEY)).not.toContain('Wahyuni');
    expect(localStorage.getItem(`${KEY}:certificate-name`)).toBe('Sri <b>Wahyuni</b>');
  });
});
