import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress } from '../../src/course/progress.ts';
import { dayNumber } from '../../src/quiz/review.ts';
import { feedbackRegion, manifest, optionName, renderCourse } from './render-course.tsx';

const KEY = `berdaya:${manifest.id}:progress`;
const levels = manifest.modules.find((m) => m.items.filter((i) => i.type === 'classify-level').length > 10)!;
const [first, second] = levels.items.filter((i) => i.type === 'classify-level');
const wrong = (item: typeof first) => item.options.find((o) => o !== item.answer)!;

/** Two scenarios missed in a module quiz, due for review on 28 November. */
function missedTwo() {
  const due = dayNumber(new Date(2026, 10, 28, 9));
  localStorage.setItem(KEY, encodeProgress({
    ...createProgress(manifest),
    answers: { [first.id]: [wrong(first)], [second.id]: [wrong(second)] },
    review: { [first.id]: [1, due], [second.id]: [1, due] },
  }, manifest));
}

afterEach(() => vi.useRealTimers());

describe('reviewing missed scenarios on a later day', () => {
  it('says when the next review is, and offers Practice on the day it is due', async () => {
    missedTwo();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 27, 20));
    await renderCourse({ search: '?lang=en' });
    expect(await screen.findByText('Nothing to review today. Next review tomorrow.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start practice' })).not.toBeInTheDocument();
    cleanup();

    vi.setSystemTime(new Date(2026, 10, 28, 7));
    await renderCourse();
    expect(await screen.findByText('2 skenario perlu diulang hari ini.')).toBeInTheDocument();
    cleanup();

    const { user } = await renderCourse({ search: '?lang=en' });
    expect(await screen.findByText('2 scenarios to review today.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start practice' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Question 1 of 2' })).toHaveFocus();
    expect(screen.getByText('Practice')).toBeInTheDocument();

    // Both were due the same day, in the same box: they come in id order.
    const asked = [first, second].sort((a, b) => a.id.localeCompare(b.id));
    const radios = async (item: typeof first, key: string) => screen.queryByRole('radio', { name: await optionName(levels.id, item, key, 'en') });
    const firstAsked = asked[0];
    await user.click((await radios(firstAsked, wrong(firstAsked)))!);
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(feedbackRegion().getByText('Not quite.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Question 1 of 2' })).toHaveFocus();
    expect(screen.getAllByRole('radio').every((radio) => !(radio as HTMLInputElement).checked)).toBe(true);
    await user.click((await radios(firstAsked, firstAsked.answer))!);
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(feedbackRegion().getByText('Correct!')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next question' }));

    const other = asked[1];
    await user.click((await radios(other, other.answer))!);
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    await user.click(screen.getByRole('button', { name: 'Finish practice' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Practice done' })).toHaveFocus();
    expect(screen.getByText('1 scenario answered right: its next review comes later, or it is learned.')).toBeInTheDocument();
    expect(screen.getByText('1 scenario comes back tomorrow.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to home' }));
    expect(await screen.findByText('Nothing to review today. Next review tomorrow.')).toBeInTheDocument();
  });
});
