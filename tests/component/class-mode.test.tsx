import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { manifest } from 'virtual:berdaya/course';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { bootCourse } from '../../src/boot.tsx';
import type { Lang } from '../../src/content/types.ts';
import { createI18n } from '../../src/i18n/i18n.ts';
import { classBank } from '../../src/trainer/class-plan.ts';
import { Countdown } from '../../src/trainer/countdown.tsx';
import { namespaces, tFor } from '../ui-strings.ts';

/** Class mode's words as the trainer reads them, in a language. */
const tTrainer = (lang: Lang) =>
  createI18n(lang, { [lang]: { trainer: namespaces[lang].trainer, course: namespaces[lang].course } }).getFixedT(lang, 'trainer') as unknown as (key: string, values?: Record<string, unknown>) => string;
const tCourse = (lang: Lang) => createI18n(lang, { [lang]: { course: namespaces[lang].course } }).getFixedT(lang, 'course') as unknown as (key: string) => string;

const bank = classBank(manifest);
const openClass = async (lang: Lang) => {
  const user = userEvent.setup();
  render(await bootCourse({ manifest, storage: localStorage, search: `?view=class&lang=${lang}`, browserLanguages: [] }));
  return user;
};

describe.each(['en', 'id'] as const)('class mode in %s', (lang) => {
  const t = tTrainer(lang);
  const heading = () => screen.getByRole('heading', { level: 1 });

  it('runs a whole session with the keyboard: votes, reveal, prompt, back, blank, keys, summary', async () => {
    const user = await openClass(lang);
    expect(await screen.findByRole('heading', { level: 1, name: t('plan.heading') })).toBeInTheDocument();
    const count = screen.getByLabelText(t('plan.count'));
    await user.clear(count);
    await user.type(count, '3');
    expect(await screen.findByRole('heading', { name: t('plan.chosen', { count: 3 }) })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('plan.start') }));

    expect(await screen.findByRole('heading', { level: 1, name: t('present.progress', { number: 1, total: 3 }) })).toBeInTheDocument();
    const votes = (letter: string) => screen.getByRole('spinbutton', { name: t('present.count', { option: letter }) });
    await user.keyboard('112');
    expect(votes('A')).toHaveValue(2);
    expect(votes('B')).toHaveValue(1);
    await user.keyboard('{Shift>}1{/Shift}');
    expect(votes('A')).toHaveValue(1);
    await user.click(votes('C'));
    await user.keyboard('5'); // typed into the field: no vote key while typing
    expect(votes('C')).toHaveValue(5);
    expect(votes('A')).toHaveValue(1);
    expect(screen.getByText(t('present.totalVotes', { count: 7 }))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('present.subtract', { option: 'B' }) }));
    expect(votes('B')).toHaveValue(0);
    expect(screen.getByRole('button', { name: t('present.subtract', { option: 'B' }) })).toBeDisabled(); // never below zero
    await user.click(screen.getByRole('button', { name: t('present.add', { option: 'B' }) }));

    heading().focus();
    await user.keyboard('{PageDown}');
    const first = bank[0];
    const answer = first.options.indexOf(first.answer);
    const chart = await screen.findByRole('table', { name: t('chart.caption') });
    const rows = within(chart).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual(['1', '1', '5', '0'].slice(0, first.options.length));
    expect(within(rows[answer]).getByRole('rowheader')).toHaveTextContent('✓');
    expect(screen.getByText(new RegExp(`^${t('present.answer', { option: String.fromCharCode(65 + answer) })}`))).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: t('present.promptShow') }));
    expect(await screen.findByRole('heading', { name: tCourse(lang)('facilitator.prompt') })).toBeInTheDocument();

    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('heading', { level: 1, name: t('present.progress', { number: 2, total: 3 }) })).toBeInTheDocument();
    expect(votes('A')).toHaveValue(0);
    await user.keyboard('{ArrowLeft}');
    expect(await screen.findByRole('heading', { level: 1, name: t('present.progress', { number: 1, total: 3 }) })).toBeInTheDocument();
    const kept = within(screen.getByRole('table', { name: t('chart.caption') })).getAllByRole('row').slice(1);
    expect(kept.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual(['1', '1', '5', '0'].slice(0, first.options.length));

    await user.keyboard('b');
    expect(await screen.findByRole('heading', { level: 1, name: t('present.blanked') })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.keyboard('.');
    expect(await screen.findByRole('heading', { level: 1, name: t('present.progress', { number: 1, total: 3 }) })).toBeInTheDocument();

    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: t('keys.heading') });
    expect(within(help).getByText(t('keys.nextKeys'))).toBeInTheDocument();
    await user.keyboard('{PageDown}'); // the list is open: the session stays where it is
    expect(heading()).toHaveAccessibleName(t('present.progress', { number: 1, total: 3 }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    heading().focus();
    await user.keyboard('{PageDown}'); // to scenario 2's votes
    await user.keyboard('[Space]'); // skip nothing: reveal with no votes
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}'); // 3's votes, reveal, summary
    expect(await screen.findByRole('heading', { level: 1, name: t('summary.heading') })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: t('summary.caption') });
    const firstRow = within(table).getAllByRole('row')[1];
    expect(within(firstRow).getAllByRole('cell').at(-1)).toHaveTextContent(`${Math.round(([1, 1, 5, 0][answer] / 7) * 100)}%`);
    expect(screen.getByRole('button', { name: t('summary.print') })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t('summary.csv') })).toBeInTheDocument();
  });

  it('resumes a session after a reload at the same scenario and step, with its votes', async () => {
    let user = await openClass(lang);
    await user.click(await screen.findByRole('button', { name: t('plan.start') }));
    await screen.findByRole('heading', { level: 1, name: t('present.progress', { number: 1, total: 8 }) });
    await user.keyboard('{PageDown}{PageDown}33');
    document.body.replaceChildren(); // the page goes away; only what was saved remains
    user = await openClass(lang);
    expect(await screen.findByRole('heading', { level: 1, name: t('present.progress', { number: 2, total: 8 }) })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: t('present.count', { option: 'C' }) })).toHaveValue(2);
  });

  it('tells the trainer plainly when a plan file is not a plan, and changes nothing', async () => {
    const user = await openClass(lang);
    await screen.findByRole('heading', { level: 1, name: t('plan.heading') });
    const before = screen.getAllByRole('listitem').map((li) => li.textContent);
    await user.upload(screen.getByLabelText(t('plan.open')), new File(['{"progress": 1}'], 'notes.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(t('planErrors.notPlan'));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(before);
  });
});

describe('the way in', () => {
  it('is a link for trainers on the welcome screen and in the footer, in the learner’s language', async () => {
    render(await bootCourse({ manifest, storage: localStorage, search: '?lang=en', browserLanguages: [] }));
    const links = await screen.findAllByRole('link', { name: tFor('en')('reference.trainers') });
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toHaveAttribute('href', '?view=class&lang=en');
  });
});

describe('the countdown', () => {
  it('counts down from 60 seconds while the class votes, then says time is up', async () => {
    vi.useFakeTimers();
    try {
      const t = tTrainer('en');
      render(
        <I18nextProvider i18n={createI18n('en', { en: { trainer: namespaces.en.trainer } })}>
          <Countdown />
        </I18nextProvider>,
      );
      expect(screen.getByRole('timer')).toHaveTextContent(t('present.timeLeft', { seconds: 60 }));
      for (let second = 0; second < 15; second++) await act(() => vi.advanceTimersByTime(1000));
      expect(screen.getByRole('timer')).toHaveTextContent(t('present.timeLeft', { seconds: 45 }));
      for (let second = 0; second < 45; second++) await act(() => vi.advanceTimersByTime(1000));
      expect(screen.getByRole('timer')).toHaveTextContent(t('present.timeUp'));
    } finally {
      vi.useRealTimers();
    }
  });
});
