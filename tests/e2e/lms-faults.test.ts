import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finalModule } from '../../src/course/final-assessment.ts';
import { decodeProgress } from '../../src/course/progress-codec.ts';
import { drawFinal, drawModuleQuiz } from '../../src/quiz/selection.ts';
import { expectAccessible, expectClean } from './browser.ts';
import { course, htmlText, optionLabel, say, titles } from './course-content.ts';
import { button, heading } from './journeys.ts';
import { faults, interactionIds, lms, modulesDone, openLms } from './lms-host-page.ts';

/**
 * The LMS fails the way LMSs fail in the field (commits answering "false", SetValue throwing for
 * one element or for a while, the LMS answering "false" for seconds, a failing finish, resume
 * data it returns as garbage or from a newer version), in SCORM 1.2 and 2004. At the end the LMS
 * holds exactly what the learner did, or the learner was told what did not arrive.
 */
const { manifest } = course;
const STATUS = {
  '1.2': { success: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', entry: 'cmi.core.entry', learner: 'cmi.core.student_id', status: 'cmi.core.lesson_status', mastery: 'cmi.student_data.mastery_score' },
  '2004': { success: 'cmi.success_status', raw: 'cmi.score.raw', entry: 'cmi.entry', learner: 'cmi.learner_id', status: 'cmi.completion_status', mastery: 'cmi.scaled_passing_score' },
} as const;


describe.each(['1.2', '2004'] as const)('SCORM %s: an LMS that fails', (version) => {
  const e = STATUS[version];

  it('while the final is taken: every answer, the pass and the score arrive; Save and exit says "saved" only once the finish worked', async () => {
    const { session, page, frame } = await openLms(version, {
      [e.status]: 'incomplete',
      [e.entry]: 'resume',
      [e.learner]: 'learner-9',
      [e.mastery]: version === '1.2' ? String(manifest.final.passMark) : String(manifest.final.passMark / 100),
      'cmi.suspend_data': modulesDone(),
    });
    await expect.poll(() => heading(frame).textContent()).toBe(titles.en.title);
    await faults(page, { commitFailsEvery: 4 });
    await button(frame, say('en', (s) => s.welcome.finalStart)).click();

    const final = finalModule(manifest);
    const items = drawFinal(final.sources, final.mix, 0);
    const notice = frame.getByRole('alert');
    for (const [index, item] of items.entries()) {
      await expect.poll(() => heading(frame).textContent()).toBe(say('en', (s) => s.quiz.questionOf, { number: index + 1, total: items.length }));
      if (index === 1) await faults(page, { setThrowsFor: '^cmi\\.suspend_data$' }); // resume data refused for two answers
      if (index === 3) await faults(page, { setThrowsFor: null, commitFailsEvery: 4 });
      if (index === 5) await faults(page, { falseForMs: 3_000 }); // the LMS answers "false" (301) for 3 s
      const owner = manifest.modules.find((m) => m.items.some((i) => i.id === item.id))!;
      await frame.getByRole('radio', { name: optionLabel(owner.id, item, item.answer, 'en'), exact: true }).check();
      const last = index + 1 === items.length;
      if (last) await faults(page, { setThrowsForMs: 1_500 }); // SetValue throws while the pass is recorded
      // In the final an answer goes straight on: no feedback until the result.
      await button(frame, last ? say('en', (s) => s.final.answerLast) : say('en', (s) => s.final.answerNext)).click();
      if (index === 5) {
        await expect.poll(() => notice.textContent()).toContain(say('en', (s) => s.notices.lmsRetrying));
        await expectAccessible(page, 'LMS retry notice during the final');
      }
    }
    await expect.poll(() => heading(frame).textContent()).toBe(say('en', (s) => s.result.heading));

    // Retried with backoff until everything is in; only then does the notice go.
    await expect.poll(() => notice.count(), { timeout: 60_000, interval: 500 }).toBe(0);
    expect(await lms(page, (l) => l.committed)).toMatchObject({ [e.success]: 'passed', [e.raw]: '100' });
    const stored = decodeProgress((await lms(page, (l) => l.committed['cmi.suspend_data']))!, manifest);
    expect(stored.ok && stored.progress).toMatchObject({ final: { score: 100, passed: true } });
    expect(stored.ok && Object.keys(stored.progress.answers).sort()).toEqual(items.map((i) => i.id).sort());
    expect(stored.ok && manifest.modules.every((m) => stored.progress.modules[m.id]?.best === 100)).toBe(true);
    // Every answer exactly once, in the order given.
    // Named by each item's own id, so a person reading the LMS report can find the scenario.
    expect(await interactionIds(page)).toEqual(items.map((i) => i.id.replaceAll('-', '_')));
    if (version === '2004') {
      // Each answer says which scenario it was, in the learner's language: its first words.
      const owner = manifest.modules.find((m) => m.items.some((i) => i.id === items[0].id))!;
      const words = htmlText(course.texts[owner.id].en.items[items[0].id].text).split(/\s+/).slice(0, 4).join(' ');
      expect(await lms(page, (l) => l.committed['cmi.interactions.0.description'])).toMatch(new RegExp(`^\\{lang=en\\}${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    expect(await lms(page, (l) => (l.inner.cmi.interactions as unknown as { childArray: unknown[] }).childArray.length)).toBe(items.length);
    // Each module's best quiz score and mastery, as an objective named after the module.
    const objectives = await lms(page, (l) => Object.entries(l.committed).filter(([k]) => /^cmi\.objectives\.\d+\.id$/.test(k)).map(([k, id]) => {
      const n = k.split('.')[2];
      return [id, l.committed[`cmi.objectives.${n}.score.raw`], l.committed[`cmi.objectives.${n}.${l.version === '1.2' ? 'status' : 'success_status'}`]];
    }));
    expect(objectives).toEqual(manifest.modules.map((m) => [m.id, '100', 'passed']));
    expect(await lms(page, (l) => l.refused)).toEqual([]);

    // Save and exit while the LMS's finish fails: not "saved"; what is missing is said; the course stays.
    await faults(page, { commitFailsEvery: 0, finishFails: true });
    await button(frame, say('en', (s) => s.app.exit)).click();
    await expect.poll(() => notice.textContent()).toContain(say('en', (s) => s.notices.lmsExitFailed));
    expect(await notice.textContent()).toContain(say('en', (s) => s.notices.lmsMissing.session));
    expect(await heading(frame).textContent()).toBe(say('en', (s) => s.result.heading));
    expect(await frame.getByText(say('en', (s) => s.left.heading)).count()).toBe(0);
    await expectAccessible(page, 'Save and exit failed');
    await faults(page, { finishFails: false });
    await button(frame, say('en', (s) => s.notices.lmsExitRetry)).click();
    await expect.poll(() => heading(frame).textContent()).toBe(say('en', (s) => s.left.heading));
    expect(await lms(page, (l) => l.callsOf('finish').length)).toBe(1);
    expect(await lms(page, (l) => l.callsAfterFinish())).toEqual([]);
    expect(await lms(page, (l) => l.lmsValue(l.version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status'))).toBe('passed');
    await expectClean(session);
  });

  it('with resume data it cannot read: tells the learner, never writes over it, offers it for download, and still sends answers', async () => {
    // 1.2: the LMS holds a record cut short; 2004: its GetValue answers data from a newer version.
    const data = version === '1.2' ? modulesDone().slice(0, 12) : modulesDone();
    const seen = version === '1.2' ? data : 'B9~9.0.0~e~0~~';
    const reads: Record<string, string> = version === '1.2' ? {} : { 'cmi.suspend_data': seen };
    const notice = version === '1.2' ? 'lmsUnreadable' : 'lmsFuture';
    expect(decodeProgress(seen, manifest)).toEqual({ ok: false, reason: version === '1.2' ? 'unreadable' : 'future' });
    const { session, page, frame } = await openLms(version, { [e.status]: 'incomplete', [e.entry]: 'resume', [e.learner]: 'learner-10', 'cmi.suspend_data': data }, reads);
    const alert = frame.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain(say('en', (s) => s.notices[notice]));
    await expectAccessible(page, 'unreadable LMS data');
    const [download] = await Promise.all([page.waitForEvent('download'), button(frame, say('en', (s) => s.notices.downloadLmsData)).click()]);
    expect(fs.readFileSync((await download.path())!, 'utf8')).toBe(seen);

    // The learner goes on: the answer reaches the LMS as an interaction; its record stays as it was.
    const module = manifest.modules[0];
    await button(frame, say('en', (s) => s.welcome.start)).click();
    for (let p = 1; p < module.pages; p++) await button(frame, say('en', (s) => s.lesson.next)).click();
    await button(frame, say('en', (s) => s.lesson.toQuiz)).click();
    const item = drawModuleQuiz(module, 0)[0];
    await frame.getByRole('radio', { name: optionLabel(module.id, item, item.answer, 'en'), exact: true }).check();
    await button(frame, say('en', (s) => s.quiz.check)).click();
    await expect.poll(() => interactionIds(page)).toEqual([item.id.replaceAll('-', '_')]);
    expect(await lms(page, (l) => l.stored()['cmi.suspend_data'])).toBe(data);
    expect(await lms(page, (l) => l.calls.filter((c) => /SetValue$/.test(c.method) && /suspend_data|location|status|score|progress_measure/.test(c.args[0])).length)).toBe(0);

    // Inside the LMS a progress file cannot be imported (a forged "passed" file certifies nothing).
    await button(frame, say('en', (s) => s.app.home)).click();
    await button(frame, say('en', (s) => s.progress.manage)).click();
    await expect.poll(() => frame.getByText(say('en', (s) => s.progress.lmsNoImport)).count()).toBe(1);
    expect(await frame.getByLabel(say('en', (s) => s.progress.import)).count()).toBe(0);
    expect(await lms(page, (l) => l.lmsValue(l.version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status'))).toBe('incomplete');
    await expectClean(session);
  });
});
