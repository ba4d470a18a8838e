import type { CDPSession, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ItemSpec, Lang, ModuleSpec } from '../../src/content/types.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { expectAccessible, expectClean, openBrowser, type Session } from './browser.ts';
import { course, htmlText, say } from './course-content.ts';
import { atQuestion, button, heading, levelName, partOptionLabel, seedProgress, sortCases, stepName } from './journeys.ts';

const { manifest } = course;
const byId = (id: string) => manifest.modules.find((m) => m.id === id)!;
let session: Session;
afterEach(() => session?.close());

/** A module's first-round question of the given type, and where it comes in the round. */
function firstOfType(module: ModuleSpec, type: 'sort' | 'case') {
  const items = drawModuleQuiz(module, 0);
  const index = items.findIndex((i) => i.type === type);
  expect(index, `${module.id} asks a ${type}`).toBeGreaterThanOrEqual(0);
  return { items, index, item: items[index] };
}

/** Opens the course at a module's question `index`, every question before it answered right. */
async function openAt(module: ModuleSpec, index: number, total: number, lang: Lang, locale: string) {
  session = await openBrowser({ locale });
  await seedProgress(session.context, atQuestion(module, index, lang));
  await session.page.goto(inject('baseURL'));
  await expect.poll(() => heading(session.page).textContent()).toBe(say(lang, (s) => s.quiz.questionOf, { number: index + 1, total }));
  return session.page;
}

const centre = async (target: Locator) => {
  const box = (await target.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

const onScreen = async (page: Page, target: Locator) => {
  const box = await target.boundingBox();
  return !!box && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
};

/** Waits until the page has stopped scrolling (a wheel turn may scroll over a few frames). */
async function settle(page: Page) {
  const frame = () => page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY)))));
  for (let last = -1, now = await frame(); now !== last; ) [last, now] = [now, await frame()];
}

/** The zone a level's cases are dropped on: "<level>: Case 2, Case 5" (or "none yet"). */
const zone = (page: Page, level: string) => page.locator(`li[data-level="${level}"]`);

function zoneText(lang: Lang, level: string, numbers: number[]) {
  const listed = numbers.length
    ? [...numbers].sort((a, b) => a - b).map((number) => say(lang, (s) => s.sort.caseNumber, { number })).join(', ')
    : say(lang, (s) => s.sort.empty);
  return `${levelName(lang, level)}: ${listed}`;
}

/**
 * With the mouse: press on the case's ⠿ grip, move, turn the wheel until the zone is in view (the
 * zones are above the cases, often off screen), move onto the zone and let go.
 */
async function mouseDrag(page: Page, grip: Locator, target: Locator, caseLabel: string) {
  await grip.scrollIntoViewIfNeeded();
  const from = await centre(grip);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 15, from.y - 15, { steps: 4 });
  // While dragging, the case's number follows the pointer.
  await expect.poll(() => page.locator('.sort-ghost').textContent()).toBe(caseLabel);
  for (let turns = 0; !(await onScreen(page, target)); turns++) {
    if (turns > 30) throw new Error('the wheel never brought the drop zone into view');
    await page.mouse.wheel(0, -250);
    await settle(page);
  }
  const to = await centre(target);
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/**
 * With a finger (Chromium's touch input, through the DevTools protocol: Playwright's touchscreen
 * can only tap). The grip does not scroll the page (touch-action: none); once the drag starts, the
 * levels float at the top of the screen, wherever the case is.
 */
async function fingerDrag(page: Page, cdp: CDPSession, grip: Locator, target: Locator) {
  await grip.scrollIntoViewIfNeeded();
  const from = await centre(grip);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', from.x, from.y);
  for (let i = 1; i <= 3; i++) await touch('touchMove', from.x, from.y - 5 * i);
  await expect.poll(() => onScreen(page, target), { message: 'the levels are in view while a case is dragged' }).toBe(true);
  const to = await centre(target);
  const steps = 12;
  for (let i = 1; i <= steps; i++) await touch('touchMove', from.x + ((to.x - from.x) * i) / steps, from.y - 15 + ((to.y - from.y + 15) * i) / steps);
  await touch('touchEnd', to.x, to.y);
}

type Drag = (grip: Locator, target: Locator, caseLabel: string) => Promise<void>;

/**
 * Drags every case onto its right level, the first one onto a wrong level first and then on to the
 * right one; after each drop, the case's radios and the zones say where it is.
 */
async function sortByDragging(page: Page, module: ModuleSpec, item: ItemSpec, lang: Lang, drag: Drag) {
  const cases = await sortCases(page, module.id, item, lang);
  const levels = item.parts![0].options;
  const placed = new Map<number, string>();
  const expectPlaced = async () => {
    for (const level of levels) {
      const here = cases.filter((c) => placed.get(c.number) === level).map((c) => c.number);
      expect(await zone(page, level).textContent()).toBe(zoneText(lang, level, here));
    }
    for (const { group, number } of cases) {
      for (const level of levels) {
        const radio = group.getByRole('radio', { name: levelName(lang, level), exact: true });
        expect(await radio.isChecked(), `case ${number} at ${level}`).toBe(placed.get(number) === level);
      }
    }
  };
  await expectPlaced(); // every zone empty, no radio chosen

  // Last case first, so the drags go a long way up the page.
  const order = [...cases].reverse();
  for (const [n, { group, number, part }] of order.entries()) {
    const right = item.parts![part].answer;
    const grip = group.locator('.sort-case__grip');
    const caseLabel = say(lang, (s) => s.sort.caseNumber, { number });
    if (n === 0) {
      const wrong = levels[(levels.indexOf(right) + 1) % levels.length];
      await drag(grip, zone(page, wrong), caseLabel);
      placed.set(number, wrong);
      await expect.poll(() => zone(page, wrong).textContent()).toBe(zoneText(lang, wrong, [number]));
      await expectPlaced();
    }
    await drag(grip, zone(page, right), caseLabel);
    placed.set(number, right);
    await expect.poll(() => zone(page, right).textContent()).toContain(caseLabel);
    await expectPlaced();
  }
  expect(await page.locator('.sort-ghost').count()).toBe(0); // nothing left following the pointer

  await button(page, say(lang, (s) => s.quiz.check)).click();
  const total = item.parts!.length;
  await expect.poll(() => page.getByRole('status').textContent()).toContain(say(lang, (s) => s.sort.result, { right: total, total }));
  for (const { group } of cases) {
    expect(await group.locator('xpath=..').getByText(say(lang, (s) => s.quiz.correct), { exact: true }).count()).toBe(1);
  }
}

describe('a sort, done by dragging cases onto the levels', () => {
  it('with a mouse on a laptop screen, scrolling with the wheel mid-drag', async () => {
    const module = byId('04-intervention-levels');
    const { items, index, item } = firstOfType(module, 'sort');
    const page = await openAt(module, index, items.length, 'en', 'en-GB');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.getByText(say('en', (s) => s.sort.howTo)).count()).toBe(1);
    await sortByDragging(page, module, item, 'en', (grip, target, label) => mouseDrag(page, grip, target, label));
    await expectAccessible(page, 'sort feedback after dragging');
    await expectClean(session);
  });

  it('with a finger on a tablet, in Indonesian', async () => {
    const module = byId('06-wellbeing-together');
    const { items, index, item } = firstOfType(module, 'sort');
    const page = await openAt(module, index, items.length, 'id', 'id-ID');
    await page.setViewportSize({ width: 800, height: 1280 });
    const cdp = await session.context.newCDPSession(page);
    await sortByDragging(page, module, item, 'id', (grip, target) => fingerDrag(page, cdp, grip, target));
    await expectClean(session);
  });

  it('with a finger on a phone, where the last cases are far below the levels', async () => {
    const module = byId('04-intervention-levels');
    const { items, index, item } = firstOfType(module, 'sort');
    const page = await openAt(module, index, items.length, 'en', 'en-GB'); // the test phone: 412 × 860
    const cdp = await session.context.newCDPSession(page);
    await sortByDragging(page, module, item, 'en', (grip, target) => fingerDrag(page, cdp, grip, target));
    await expectClean(session);
  });
});

describe('a case, a story in steps', () => {
  it('in Indonesian, one step wrong: why, what happens next, continue; a reload resumes at the step; partial credit', async () => {
    const module = byId('05-change-strategies');
    const { items, index, item } = firstOfType(module, 'case');
    const page = await openAt(module, index, items.length, 'id', 'id-ID');
    const text = course.texts[module.id].id.items[item.id];
    const steps = item.parts!;
    const feedback = page.getByRole('status');
    const step = (n: number) => page.getByRole('group', { name: stepName(module.id, item, n, 'id'), exact: true });
    const choose = (n: number, key: string) => step(n).getByRole('radio', { name: partOptionLabel(module.id, item, n, key, 'id'), exact: true }).check();

    expect(await page.getByText(htmlText(text.text), { exact: true }).count()).toBe(1);
    expect(await step(0).count()).toBe(1);
    expect(await page.getByRole('group', { name: /^Langkah 2 dari/ }).count()).toBe(0); // one step at a time
    await expectAccessible(page, 'case step 1 (id)');

    // Step 1, wrong: the verdict, the right answer, why the choice misleads, and the story goes on.
    const wrong = steps[0].options.find((key) => key !== steps[0].answer)!;
    await choose(0, wrong);
    await button(page, say('id', (s) => s.quiz.check)).click();
    await expect.poll(() => feedback.textContent()).toContain(say('id', (s) => s.quiz.incorrect));
    const shown = (await feedback.textContent())!;
    expect(shown).toContain(say('id', (s) => s.quiz.rightAnswer, { answer: partOptionLabel(module.id, item, 0, steps[0].answer, 'id') }));
    expect(shown).toContain(htmlText(text.parts![0].misconceptions[wrong]));
    expect(await feedback.getByRole('heading', { name: say('id', (s) => s.case.next), exact: true }).count()).toBe(1);
    expect(shown).toContain(htmlText(text.parts![0].then!));
    expect(shown).not.toContain(say('id', (s) => s.case.result, { right: '#', total: '#' }).split('#').at(-1)); // no tally before the last step
    await expectAccessible(page, 'case step 1 feedback (id)');
    await button(page, say('id', (s) => s.case.continue)).click();
    await expect.poll(() => step(1).count()).toBe(1);
    expect(await heading(page).evaluate((el) => el === document.activeElement)).toBe(true);

    // A reload keeps the answer to step 1 and the story so far, and asks step 2.
    await page.reload();
    await expect.poll(() => step(1).count()).toBe(1);
    expect(await heading(page).textContent()).toBe(say('id', (s) => s.quiz.questionOf, { number: index + 1, total: items.length }));
    expect(await page.locator('main').textContent()).toContain(htmlText(text.parts![0].then!));
    expect(await page.locator('main').textContent()).toContain(say('id', (s) => s.quiz.yourAnswer, { answer: partOptionLabel(module.id, item, 0, wrong, 'id') }));
    expect(await step(0).count()).toBe(0);
    expect(await feedback.textContent()).toBe('');

    for (let n = 1; n < steps.length; n++) {
      await expect.poll(() => step(n).count()).toBe(1);
      await choose(n, steps[n].answer);
      await button(page, say('id', (s) => s.quiz.check)).click();
      await expect.poll(() => feedback.textContent()).toContain(say('id', (s) => s.quiz.correct));
      expect(await feedback.textContent()).toContain(htmlText(text.parts![n].then!));
      if (n + 1 < steps.length) await button(page, say('id', (s) => s.case.continue)).click();
    }
    expect(await feedback.textContent()).toContain(say('id', (s) => s.case.result, { right: steps.length - 1, total: steps.length }));
    expect(await feedback.textContent()).toContain(htmlText(text.rationale));
    await expectAccessible(page, 'case finished (id)');

    // The case counts for the steps answered right.
    await button(page, say('id', (s) => s.quiz.toSummary)).click();
    await expect.poll(() => heading(page).textContent()).toBe(say('id', (s) => s.summary.heading));
    const sum = index + (steps.length - 1) / steps.length;
    const score = { correct: Math.round(sum * 10) / 10, total: items.length, percent: Math.round((sum / items.length) * 100) };
    // Written the Indonesian way: a decimal comma ("7,8").
    const written = { ...score, correct: new Intl.NumberFormat('id').format(score.correct) };
    expect(await page.getByText(say('id', (s) => s.summary.score, written), { exact: true }).count()).toBe(1);
    await expectClean(session);
  });
});
