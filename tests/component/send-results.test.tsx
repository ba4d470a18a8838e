import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress, type Progress } from '../../src/course/progress.ts';
import { decodeResults } from '../../src/results/results-format.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { tFor } from '../ui-strings.ts';
import { manifest, renderCourse } from './render-course.tsx';

const KEY = `berdaya:${manifest.id}:progress`;
const [moduleOne] = manifest.modules;
const quiz = drawModuleQuiz(moduleOne, 0);
const [firstItem] = quiz;
const wrongOf = (options: string[], right: string) => options.find((o) => o !== right)!;

/** A learner who has done Module 1's quiz (the first question wrong, then right), on its summary or at home. */
function moduleOneDone(more: Partial<Progress> = {}) {
  const answers = Object.fromEntries(quiz.map((item) => [item.id, [item.answer]]));
  if (!firstItem.parts) answers[firstItem.id] = [wrongOf(firstItem.options, firstItem.answer), firstItem.answer];
  localStorage.setItem(KEY, encodeProgress({
    ...createProgress(manifest),
    atWelcome: false,
    place: { screen: 'summary', module: moduleOne.id },
    modules: { [moduleOne.id]: { round: 0, score: 100, best: 100 } },
    answers,
    ...more,
  }, manifest));
}

let downloads: { name: string; blob: Blob }[];
let writeText: ReturnType<typeof vi.fn>;
beforeEach(() => {
  downloads = [];
  let lastBlob: Blob;
  URL.createObjectURL = vi.fn((blob: Blob) => ((lastBlob = blob), 'blob:results'));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: lastBlob });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  // The share stubs live on navigator: take them away again (jsdom has no Web Share).
  delete (navigator as { canShare?: unknown }).canShare;
  delete (navigator as { share?: unknown }).share;
});

/** Renders the course, then puts a clipboard in place (user-event brings its own; each test decides what ours does). */
async function open(lang: 'id' | 'en', clipboard: 'works' | 'refused' = 'works') {
  const view = await renderCourse({ search: `?lang=${lang}` });
  writeText = vi.fn(clipboard === 'works' ? async () => undefined : async () => Promise.reject(new DOMException('denied', 'NotAllowedError')));
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return view;
}

async function openPanel(user: Awaited<ReturnType<typeof open>>['user'], lang: 'id' | 'en') {
  const t = tFor(lang);
  const toggle = await screen.findByRole('button', { name: t('results.open') });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return within(await screen.findByRole('region', { name: t('results.heading') }));
}

describe('sending results to my trainer', () => {
  for (const lang of ['id', 'en'] as const) {
    it(`copies my results as one checksummed text block with the name I type, from a module summary (${lang})`, async () => {
      const t = tFor(lang);
      moduleOneDone();
      const { user } = await open(lang);
      expect(await screen.findByRole('heading', { level: 1, name: new RegExp(t('summary.heading')) })).toBeInTheDocument();
      const panel = await openPanel(user, lang);

      // Without a name the trainer could not tell whose results they are.
      await user.click(panel.getByRole('button', { name: t('results.copy') }));
      expect(panel.getByRole('alert')).toHaveTextContent(t('results.nameMissing'));
      const name = panel.getByRole('textbox', { name: t('results.nameLabel') });
      expect(name).toHaveFocus();
      expect(name).toHaveAttribute('aria-invalid', 'true');
      expect(writeText).not.toHaveBeenCalled();

      await user.type(name, 'Siti Aminah <b>2B</b>');
      expect(panel.queryByRole('alert')).not.toBeInTheDocument();
      await user.click(panel.getByRole('button', { name: t('results.copy') }));
      expect(panel.getByRole('status')).toHaveTextContent(t('results.copied'));
      expect(writeText).toHaveBeenCalledTimes(1);
      const text = writeText.mock.calls[0][0] as string;
      expect(text).toMatch(/^BERDAYA-HASIL v1 berdaya /);
      const decoded = decodeResults(text, 'chat', manifest);
      expect(decoded).toMatchObject({
        learner: { learner: 'Siti Aminah <b>2B</b>', modules: { [moduleOne.id]: 100 }, final: null, unknownItems: [] },
      });
      expect('learner' in decoded && decoded.learner.responses[firstItem.id]).toEqual({
        first: firstItem.parts ? firstItem.answer : wrongOf(firstItem.options, firstItem.answer),
        latest: firstItem.answer,
      });
      // The name went into the results only.
      expect(JSON.stringify({ ...localStorage })).not.toMatch(/Siti/);
    });
  }

  it('downloads the results file from the welcome screen', async () => {
    moduleOneDone({ atWelcome: true });
    const { user } = await open('en');
    const panel = await openPanel(user, 'en');
    await user.type(panel.getByRole('textbox', { name: 'The name or code your trainer asked for' }), 'Budi');
    await user.click(panel.getByRole('button', { name: 'Download the results file' }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0].name).toMatch(/^berdaya-results-budi-\d{4}-\d{2}-\d{2}\.json$/);
    expect(panel.getByRole('status')).toHaveTextContent(`${downloads[0].name} has been downloaded. Send this file to your trainer.`);
    const decoded = decodeResults(await downloads[0].blob.text(), downloads[0].name, manifest);
    expect(decoded).toMatchObject({ learner: { learner: 'Budi', modules: { [moduleOne.id]: 100 }, source: { kind: 'file' } } });
    expect(panel.queryByRole('button', { name: 'Share the results file' })).not.toBeInTheDocument(); // jsdom has no share sheet
  });

  it('shows the text to copy by hand when the browser refuses the clipboard', async () => {
    moduleOneDone({ atWelcome: true });
    const { user } = await open('id', 'refused');
    const panel = await openPanel(user, 'id');
    await user.type(panel.getByRole('textbox', { name: 'Nama atau kode yang diminta pelatih' }), 'Wati');
    await user.click(panel.getByRole('button', { name: 'Salin sebagai teks' }));
    const field = await panel.findByRole('textbox', { name: 'Teks hasil' });
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveFocus();
    expect(field).toHaveAccessibleDescription(/Peramban tidak mengizinkan penyalinan otomatis/);
    expect(decodeResults((field as HTMLTextAreaElement).value, 'x', manifest)).toMatchObject({ learner: { learner: 'Wati' } });
    expect(panel.getByRole('status')).toHaveTextContent('');
  });

  it('offers the phone share sheet with the results file attached, where the browser has one', async () => {
    moduleOneDone({ atWelcome: true });
    const share = vi.fn(async (_data: ShareData) => undefined);
    Object.assign(navigator, { canShare: (data: ShareData) => (data.files?.length ?? 0) > 0, share });
    const { user } = await open('en');
    const panel = await openPanel(user, 'en');
    await user.type(panel.getByRole('textbox', { name: 'The name or code your trainer asked for' }), 'Ayu');
    await user.click(panel.getByRole('button', { name: 'Share the results file' }));
    expect(share).toHaveBeenCalledTimes(1);
    const [file] = share.mock.calls[0][0].files!;
    expect(file.name).toMatch(/^berdaya-results-ayu-/);
    expect(decodeResults(await file.text(), file.name, manifest)).toMatchObject({ learner: { learner: 'Ayu' } });
    expect(panel.getByRole('status')).toHaveTextContent('The results file has been shared.');

    // Closing the share sheet is no failure; a refusal says what to do instead.
    share.mockRejectedValueOnce(new DOMException('cancelled', 'AbortError'));
    await user.click(panel.getByRole('button', { name: 'Share the results file' }));
    expect(panel.queryByRole('alert')).not.toBeInTheDocument();
    share.mockRejectedValueOnce(new DOMException('no', 'NotAllowedError'));
    await user.click(panel.getByRole('button', { name: 'Share the results file' }));
    expect(panel.getByRole('alert')).toHaveTextContent('The file could not be shared from here. Download it or copy it as text instead.');
  });

  it('says there is nothing to send before any quiz', async () => {
    const { user } = await open('en');
    const panel = await openPanel(user, 'en');
    expect(panel.getByText('There are no answers to send yet. Do a module quiz first.')).toBeInTheDocument();
    expect(panel.queryByRole('button', { name: 'Copy as text' })).not.toBeInTheDocument();
  });

  it('is not offered during a final attempt', async () => {
    localStorage.setItem(KEY, encodeProgress({
      ...createProgress(manifest),
      atWelcome: true,
      place: { screen: 'quiz', module: 'final', item: 0, answered: false },
      modules: { ...Object.fromEntries(manifest.modules.map((m) => [m.id, { score: 100, best: 100, round: 0 }])), final: { round: 0 } },
    }, manifest));
    await open('en');
    expect(await screen.findByRole('button', { name: 'Start the final assessment' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send results to my trainer' })).not.toBeInTheDocument();
  });
});
