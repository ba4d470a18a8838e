import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { manifest } from 'virtual:berdaya/course';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootCourse } from '../../src/boot.tsx';
import type { Lang } from '../../src/content/types.ts';
import { createI18n } from '../../src/i18n/i18n.ts';
import { classKey } from '../../src/trainer/class-store.ts';
import { learnerResults, resultsBlockText, resultsFileText, syntheticLearner } from '../fixtures/cohort-results.ts';
import { namespaces, tFor } from '../ui-strings.ts';

const tTrainer = (lang: Lang) =>
  createI18n(lang, { [lang]: { trainer: namespaces[lang].trainer } }).getFixedT(lang, 'trainer') as unknown as (key: string, values?: Record<string, unknown>) => string;

const HOSTILE = '<img src=x onerror=alert(1)>';
let downloads: { name: string; blob: Blob }[];
beforeEach(() => {
  downloads = [];
  let lastBlob: Blob;
  URL.createObjectURL = vi.fn((blob: Blob) => ((lastBlob = blob), 'blob:csv'));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: lastBlob });
  });
});
afterEach(() => vi.restoreAllMocks());

const openCohort = async (lang: Lang) => {
  const user = userEvent.setup();
  render(await bootCourse({ manifest, storage: localStorage, search: `?view=cohort&lang=${lang}`, browserLanguages: [] }));
  return user;
};
// Twelve answers each keep jsdom's tables small; the bench and the browser test load whole courses.
const resultsFile = (n: number) => new File([resultsFileText(manifest, syntheticLearner(manifest, n, undefined, 12))], `peserta-${n + 1}.json`, { type: 'application/json' });

describe.each(['en', 'id'] as const)('the cohort view in %s', (lang) => {
  const t = tTrainer(lang);

  it('loads 25 results files, lists a broken and a hostile one by name, and never renders a name as HTML', async () => {
    const user = await openCohort(lang);
    await screen.findByRole('heading', { level: 1, name: t('cohort.heading') });
    const files = [
      ...Array.from({ length: 25 }, (_, n) => resultsFile(n)),
      new File(['{"learner": "Ani", "responses": {'], 'broken.json'),
      new File(['hello'], `${HOSTILE}.txt`),
      new File([resultsFileText(manifest, learnerResults(manifest, HOSTILE, { [manifest.modules[0].items[0].code]: { first: manifest.modules[0].items[0].answer } }))], 'hostile.json'),
    ];
    await user.upload(screen.getByLabelText(t('cohort.drop')), files);

    expect(await screen.findByText(t('cohort.loaded', { count: 26 }))).toBeInTheDocument();
    const skipped = within(screen.getByRole('alert'));
    expect(skipped.getByText(t('cohort.skippedHeading', { count: 2 }))).toBeInTheDocument();
    expect(skipped.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      t('cohort.skipped', { name: 'broken.json', reason: t('cohort.problems.notResults') }),
      t('cohort.skipped', { name: `${HOSTILE}.txt`, reason: t('cohort.problems.notResults') }),
    ]);
    const learners = screen.getByRole('table', { name: t('cohort.learners') });
    expect(within(learners).getByRole('rowheader', { name: HOSTILE })).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(within(learners).getAllByRole('row')).toHaveLength(1 + 26);
  });

  it('reads a pasted chat export, merges a learner who sent twice and shows the merge', async () => {
    const user = await openCohort(lang);
    await user.upload(await screen.findByLabelText(t('cohort.drop')), [resultsFile(0), resultsFile(1)]);
    await screen.findByText(t('cohort.loaded', { count: 2 }));
    const again = { ...syntheticLearner(manifest, 1, '  peserta 2 ', 12), date: '2026-12-05T10:00:00.000Z' };
    const chat = [
      '05/12/26 08.00 - Pelatih: Tolong kirim hasil kalian',
      `05/12/26 08.10 - Peserta 2: ${resultsBlockText(manifest, again)}`,
      `05/12/26 08.12 - Peserta 3: ${resultsBlockText(manifest, syntheticLearner(manifest, 2, undefined, 12))}`,
      '05/12/26 08.13 - Peserta 3: sudah ya',
    ].join('\n');
    await user.click(screen.getByLabelText(t('cohort.paste')));
    await user.paste(chat);
    await user.click(screen.getByRole('button', { name: t('cohort.readPaste') }));
    expect(await screen.findByText(t('cohort.loaded', { count: 3 }))).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const pasted = t('cohort.pasted', { number: 1 });
    expect(screen.getByText(t('cohort.merged', { count: 2, names: `peserta-2.json, ${pasted} (1)` }))).toBeInTheDocument();
  });

  it('shows the class matrix with row percentages, the insight, the item table and a scenario with its rationale; CSV has a BOM', async () => {
    const user = await openCohort(lang);
    const levels = manifest.modules.flatMap((m) => m.items).filter((i) => i.type === 'classify-level');
    const systemic = levels.filter((i) => i.answer === 'systemic').slice(0, 2);
    // Three learners: two call the first systemic situation groupwork, one gets both right.
    const answers = (first: string) => Object.fromEntries(systemic.map((item, i) => [item.code, { first: i === 0 ? first : 'systemic' }]));
    await user.upload(await screen.findByLabelText(t('cohort.drop')), ['A', 'B', 'C'].map((name, i) =>
      new File([resultsFileText(manifest, learnerResults(manifest, name, answers(i < 2 ? 'groupwork' : 'systemic')))], `${name}.json`)));
    const matrix = await screen.findByRole('table', { name: t('cohort.levels') });
    expect(within(matrix).getAllByRole('row')[3].textContent).toContain('2 (33%)');
    expect(within(matrix).getAllByRole('row')[3].textContent).toContain('4 (67%)');
    const level = (key: string) => tFor(lang)(`levels.${key}`);
    expect(screen.getByText(t('cohort.insight', { actual: level('systemic'), chosen: level('groupwork'), percent: 33 }))).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: t('cohort.strategies') })).not.toBeInTheDocument();

    const items = screen.getByRole('table', { name: t('cohort.items') });
    const rows = within(items).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getAllByRole('cell').map((c) => c.textContent).slice(1, 4)).toEqual(['3', '33%', `B. ${level('groupwork')}`]);
    const open = within(rows[0]).getByRole('button');
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const opened = await screen.findByRole('heading', { name: t('cohort.opened', { code: systemic[0].code }) });
    expect(opened).toHaveFocus();
    expect(within(opened.closest('section')!).getByRole('heading', { name: namespaces[lang].course.quiz.whyHeading })).toBeInTheDocument();

    await user.click(within(matrix.closest('section')!).getByRole('button', { name: t('cohort.csv') }));
    expect(downloads[0].name).toBe('class-levels.csv');
    const bytes = new Uint8Array(await downloads[0].blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await downloads[0].blob.text()).toContain(`${level('systemic')},0,2,4,0,33,67`);
  });

  it('names the scenarios and modules the course no longer has, and loads the rest', async () => {
    const user = await openCohort(lang);
    // Results from an older version of the course, which had one module (and its scenario) more.
    const gone = { ...manifest.modules[0].items[0], id: 'zz999', code: 'zz999' };
    const older = { ...manifest, version: '0.1.0', modules: [...manifest.modules, { ...manifest.modules[0], id: '00-retired', items: [gone] }] };
    const kept = manifest.modules[0].items[0];
    const results = learnerResults(older, 'Rina', { [kept.code]: { first: kept.answer }, [gone.code]: { first: gone.answer } }, { modules: { '00-retired': 80, [manifest.modules[0].id]: 90 } });
    await user.upload(await screen.findByLabelText(t('cohort.drop')), [new File([resultsFileText(older, results)], 'rina.json')]);
    expect(await screen.findByText(t('cohort.loaded', { count: 1 }))).toBeInTheDocument();
    expect(screen.getByText(t('cohort.unknown', { count: 1, codes: 'zz999' }))).toBeInTheDocument();
    expect(screen.getByText(t('cohort.unknownModules', { count: 1, codes: '00-retired' }))).toBeInTheDocument();
    const learners = screen.getByRole('table', { name: t('cohort.learners') });
    expect(within(learners).getAllByRole('row')[1].textContent).toContain('90%');
    const items = screen.getByRole('table', { name: t('cohort.items') });
    expect(within(items).getAllByRole('row')).toHaveLength(2);
  });

  it('sorts the learner table by a column, saying so with aria-sort', async () => {
    const user = await openCohort(lang);
    await user.upload(await screen.findByLabelText(t('cohort.drop')), [0, 1, 2].map(resultsFile));
    const table = await screen.findByRole('table', { name: t('cohort.learners') });
    const header = within(table).getByRole('columnheader', { name: new RegExp(t('cohort.name')) });
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Peserta 3', 'Peserta 2', 'Peserta 1']);
  });

  it('hands the scenarios to discuss to class mode as a plan', async () => {
    const user = await openCohort(lang);
    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign, href: window.location.href });
    await user.upload(await screen.findByLabelText(t('cohort.drop')), [0, 1, 2, 3].map(resultsFile));
    const start = await screen.findByRole('button', { name: t('cohort.startClass') });
    const discuss = within(start.closest('section')!).getAllByRole('listitem');
    expect(discuss).toHaveLength(5);
    await user.click(start);
    const saved = JSON.parse(localStorage.getItem(classKey(manifest.id))!) as { settings: { picked: string[] } };
    expect(saved.settings.picked).toHaveLength(5);
    expect(assign).toHaveBeenCalledWith(`?view=class&lang=${lang}`);
  });
});

describe('the way in', () => {
  it('is a link on the welcome screen and in the footer, in the learner’s language', async () => {
    render(await bootCourse({ manifest, storage: localStorage, search: '?lang=en', browserLanguages: [] }));
    const links = await screen.findAllByRole('link', { name: tFor('en')('reference.cohort') });
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toHaveAttribute('href', '?view=cohort&lang=en');
  });
});
