import { describe, expect, it } from 'vitest';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { expectAccessible, expectClean } from './browser.ts';
import { course, optionLabel, say, titles } from './course-content.ts';
import { button, heading, passFinal } from './journeys.ts';
import { courseFrame, lms, modulesDone, openLms } from './lms-host-page.ts';

const { manifest } = course;


describe('the SCORM package inside an LMS', () => {
  it('SCORM 1.2: resumes from suspend data, reports the final assessment as passed with score and interactions, and resumes again after a relaunch', async () => {
    const { session, page, frame } = await openLms('1.2', {
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.entry': 'resume',
      'cmi.core.student_id': 'learner-7',
      'cmi.student_data.mastery_score': String(manifest.final.passMark),
      'cmi.suspend_data': modulesDone(),
    });
    await expect.poll(() => heading(frame).textContent()).toBe(titles.en.title);
    await button(frame, say('en', (s) => s.welcome.finalStart)).click();
    const items = await passFinal(frame, 'en');
    await expectAccessible(page, 'final result inside the LMS');

    await expect.poll(() => lms(page, (l) => l.lmsValue('cmi.core.lesson_status'))).toBe('passed');
    expect(await lms(page, (l) => l.lmsValue('cmi.core.score.raw'))).toBe('100');
    expect(await lms(page, (l) => l.committed['cmi.core.score.max'])).toBe('100');
    const interactions = await lms(page, (l) => Object.keys(l.committed).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length);
    expect(interactions).toBe(items.length);
    expect(await lms(page, (l) => l.committed['cmi.interactions.0.result'])).toBe('correct');
    expect(await lms(page, (l) => l.refused)).toEqual([]);
    expect(await lms(page, (l) => l.callsOf('init').length)).toBe(1);
    expect(await lms(page, (l) => l.committed['cmi.core.exit'])).toBe('suspend');
    await expectClean(session);

    // The LMS closes the course (its frame navigates away): pagehide finishes the session, once.
    await courseFrame(page).goto('about:blank');
    await expect.poll(() => lms(page, (l) => l.callsOf('finish').length)).toBe(1);
    expect(await lms(page, (l) => l.committed['cmi.core.session_time'])).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(await lms(page, (l) => l.callsAfterFinish())).toEqual([]);
    await expectClean(session);

    // Relaunch: a new page life starts from what the LMS stored, on the screen the learner left.
    await page.reload();
    const again = page.frameLocator('#course');
    await expect.poll(() => heading(again).textContent()).toBe(say('en', (s) => s.result.heading));
    await button(again, say('en', (s) => s.summary.home)).click();
    await expect.poll(() => again.getByText(say('en', (s) => s.welcome.finalPassed, { score: 100 })).count()).toBe(1);
    expect(await lms(page, (l) => l.callsOf('init').length)).toBe(1); // this page life's own LMS
    expect(await lms(page, (l) => l.lmsValue('cmi.core.lesson_status'))).toBe('passed');
  });

  it('SCORM 2004: a failing LMS is retried while the learner is told, data arrives on recovery, and Save and exit finishes once', async () => {
    const { session, page, frame } = await openLms('2004', { 'cmi.learner_id': 'learner-8' });
    await expect.poll(() => heading(frame).textContent()).toBe(titles.en.title);
    // On launch the LMS already holds incomplete and exit=suspend (a window closed now loses nothing).
    await expect.poll(() => lms(page, (l) => l.committed['cmi.completion_status'])).toBe('incomplete');
    expect(await lms(page, (l) => l.committed['cmi.exit'])).toBe('suspend');

    const module = manifest.modules[0];
    await button(frame, say('en', (s) => s.welcome.start)).click();
    for (let p = 1; p < module.pages; p++) await button(frame, say('en', (s) => s.lesson.next)).click();
    await lms(page, (l) => l.failCommits(3));
    await button(frame, say('en', (s) => s.lesson.toQuiz)).click();
    const item = drawModuleQuiz(module, 0)[0];
    await frame.getByRole('radio', { name: optionLabel(module.id, item, item.answer, 'en'), exact: true }).check();
    await button(frame, say('en', (s) => s.quiz.check)).click();

    const notice = frame.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain(say('en', (s) => s.notices.lmsRetrying));
    await expectAccessible(page, 'LMS retry notice');
    // Retries after 1, 2 and 4 seconds; the fourth commit succeeds and the notice goes.
    await expect.poll(() => notice.count(), { timeout: 20_000, interval: 500 }).toBe(0);
    expect(await lms(page, (l) => l.committed['cmi.interactions.0.result'])).toBe('correct');
    expect(await lms(page, (l) => l.committed['cmi.suspend_data'])).toMatch(/^B1~/);

    // The rest of the module: every answer reaches the LMS, and module mastery shows as progress.
    const items = drawModuleQuiz(module, 0);
    for (const [index, next] of items.entries()) {
      if (index > 0) {
        await frame.getByRole('radio', { name: optionLabel(module.id, next, next.answer, 'en'), exact: true }).check();
        await button(frame, say('en', (s) => s.quiz.check)).click();
      }
      await button(frame, index + 1 === items.length ? say('en', (s) => s.quiz.toSummary) : say('en', (s) => s.quiz.next)).click();
    }
    await expect.poll(() => heading(frame).textContent()).toBe(say('en', (s) => s.summary.heading));
    await expect.poll(() => lms(page, (l) => Object.keys(l.committed).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length)).toBe(items.length);
    expect(Number(await lms(page, (l) => l.committed['cmi.progress_measure']))).toBeGreaterThan(0);
    expect(await lms(page, (l) => l.committed['cmi.completion_status'])).toBe('incomplete'); // the final assessment is still to come

    await button(frame, say('en', (s) => s.app.exit)).click();
    await expect.poll(() => heading(frame).textContent()).toBe(say('en', (s) => s.left.heading));
    expect(await frame.getByText(say('en', (s) => s.left.saved)).count()).toBe(1);
    await expectAccessible(page, 'left the course');
    expect(await lms(page, (l) => l.callsOf('finish').length)).toBe(1);
    // The course is no longer shown as if it still reported, and nothing more reaches the finished session.
    expect(await button(frame, say('en', (s) => s.summary.home)).count()).toBe(0);
    await courseFrame(page).evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }); // the tab goes to the background
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await lms(page, (l) => l.callsAfterFinish())).toEqual([]);
    expect(await lms(page, (l) => l.refused)).toEqual([]);
    expect(await courseFrame(page).evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    await expectClean(session);
  });
});
