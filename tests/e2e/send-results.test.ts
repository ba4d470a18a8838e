import fs from 'node:fs';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { decodeResults } from '../../src/results/results-format.ts';
import { expectAccessible, expectClean, LAPTOP, openBrowser, PHONE, type Session } from './browser.ts';
import { course, say, titles } from './course-content.ts';
import { button, completeModule, heading, seedProgress } from './journeys.ts';

const { manifest } = course;
const [first] = manifest.modules;
let session: Session;
afterEach(() => session?.close());

const panelOf = (session: Session, lang: 'id' | 'en') => session.page.getByRole('region', { name: say(lang, (s) => s.results.heading), exact: true });

describe('sending results to a trainer', () => {
  it('a learner finishes a module, then downloads the results file and copies the results as text from its summary (Indonesian, laptop)', async () => {
    session = await openBrowser({ ...LAPTOP, locale: 'id-ID' });
    const { page, context } = session;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('baseURL')).origin });
    await page.goto(inject('baseURL'));
    await button(page, say('id', (s) => s.welcome.moduleNumber, { number: first.number }) + `: ${titles.id.modules[first.id]}`).click();
    await completeModule(page, first, 'id', { missFirst: true });

    const toggle = button(page, say('id', (s) => s.results.open));
    await toggle.click();
    const panel = panelOf(session, 'id');
    await expect.poll(() => panel.count()).toBe(1);
    await expectAccessible(page, 'send results panel (id)');

    // The name first: the trainer must know whose results these are.
    await button(page, say('id', (s) => s.results.copy)).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toBe(say('id', (s) => s.results.nameMissing));
    await expectAccessible(page, 'send results without a name (id)');
    await panel.getByRole('textbox', { name: say('id', (s) => s.results.nameLabel), exact: true }).fill('Siti Aminah');

    const [download] = await Promise.all([page.waitForEvent('download'), button(page, say('id', (s) => s.results.download)).click()]);
    expect(download.suggestedFilename()).toMatch(/^berdaya-results-siti-aminah-\d{4}-\d{2}-\d{2}\.json$/);
    const file = decodeResults(fs.readFileSync((await download.path())!, 'utf8'), download.suggestedFilename(), manifest);
    const round = drawModuleQuiz(first, 0);
    const missed = round[0].options.find((o) => o !== round[0].answer)!;
    expect(file).toMatchObject({ learner: { learner: 'Siti Aminah', courseVersion: manifest.version, final: null, unknownItems: [] } });
    expect('learner' in file && file.learner.responses[round[0].id]).toEqual({ first: missed, latest: missed });
    expect('learner' in file && Object.keys(file.learner.responses).sort()).toEqual(round.map((i) => i.id).sort());
    expect('learner' in file && Object.keys(file.learner.modules)).toEqual([first.id]);
    await expect.poll(() => panel.getByRole('status').textContent()).toBe(say('id', (s) => s.results.downloaded, { file: download.suggestedFilename() }));

    await button(page, say('id', (s) => s.results.copy)).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe(say('id', (s) => s.results.copied));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.length).toBeLessThanOrEqual(1500);
    const text = decodeResults(copied, 'chat', manifest);
    expect('learner' in text && { ...text.learner, source: null }).toEqual('learner' in file && { ...file.learner, source: null });
    await expectAccessible(page, 'send results, copied (id)');

    // Nothing of the name is kept on the device.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('Siti');
    await toggle.click();
    expect(await panel.count()).toBe(0);
    await expectClean(session);
  });

  it('on a phone: the share sheet takes the file, and a refused clipboard shows the text to copy by hand (English)', async () => {
    session = await openBrowser({ ...PHONE, locale: 'en-GB' });
    const { page, context } = session;
    const round = drawModuleQuiz(first, 0);
    await seedProgress(context, {
      lang: 'en',
      modules: { [first.id]: { round: 0, score: 100, best: 100 } },
      answers: Object.fromEntries(round.map((i) => [i.id, [i.answer]])),
    });
    // Headless Chromium on Linux has no share sheet, and this page is refused the clipboard.
    await context.addInitScript(() => {
      const shared: { name: string; text: Promise<string> }[] = ((window as unknown as { __shared: typeof shared }).__shared = []);
      Object.assign(navigator, {
        canShare: (data: ShareData) => (data.files?.length ?? 0) > 0,
        share: async (data: ShareData) => void shared.push(...data.files!.map((f) => ({ name: f.name, text: f.text() }))),
      });
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    });
    await page.goto(`${inject('baseURL')}?lang=en`);
    await expect.poll(() => heading(page).textContent()).toBe(titles.en.title);

    await button(page, say('en', (s) => s.results.open)).click();
    const panel = panelOf(session, 'en');
    await expect.poll(() => panel.count()).toBe(1);
    await expectAccessible(page, 'send results panel on a phone (en)');
    await panel.getByRole('textbox', { name: say('en', (s) => s.results.nameLabel), exact: true }).fill('Budi 2B');

    await button(page, say('en', (s) => s.results.share)).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe(say('en', (s) => s.results.shared));
    const shared = await page.evaluate(async () => Promise.all((window as unknown as { __shared: { name: string; text: Promise<string> }[] }).__shared.map(async (f) => ({ name: f.name, text: await f.text }))));
    expect(shared.map((f) => f.name)).toEqual([expect.stringMatching(/^berdaya-results-budi-2b-/)]);
    expect(decodeResults(shared[0].text, shared[0].name, manifest)).toMatchObject({ learner: { learner: 'Budi 2B', modules: { [first.id]: 100 } } });

    await button(page, say('en', (s) => s.results.copy)).click();
    const field = panel.getByRole('textbox', { name: say('en', (s) => s.results.textLabel), exact: true });
    await expect.poll(() => field.count()).toBe(1);
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(decodeResults(await field.inputValue(), 'chat', manifest)).toMatchObject({ learner: { learner: 'Budi 2B' } });
    await expectAccessible(page, 'results text to copy by hand (en)');
    await expectClean(session);
  });
});
