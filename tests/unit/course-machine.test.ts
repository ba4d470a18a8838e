import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { createActor, type AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { CourseManifest } from '../../src/content/types.ts';
import { courseMachine, isModuleUnlocked, type CourseContext as CourseContextValue, type CourseEvent } from '../../src/course/course-machine.ts';
import { courseModules, finalAccess, finalAttempts, finalModule, finalPassedAt, isInFinal } from '../../src/course/final-assessment.ts';
import { quizItems } from '../../src/course/quiz-round.ts';
import { decodeProgress, encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress, type Progress } from '../../src/course/progress.ts';
import { fixtureCourse } from './fixture-course.ts';

const { manifest } = fixtureCourse(); // alpha: 2 pages, 2 items; beta: 1 page, 1 item; strict gating
const openManifest: CourseManifest = { ...manifest, gating: 'open' };

function start(saved: Partial<Progress> = {}, course = manifest, today?: () => number, now?: () => number) {
  const actor = createActor(courseMachine, { input: { manifest: course, progress: { ...createProgress(course), ...saved }, today, now } });
  actor.start();
  const send = (...events: CourseEvent[]) => events.forEach((e) => actor.send(e));
  const progress = () => actor.getSnapshot().context.progress;
  /** The question on screen now (the quiz round decides the order). */
  const asked = () => {
    const place = progress().place;
    if (place?.screen !== 'quiz') throw new Error('not on a question');
    return quizItems(progress(), courseModules(course).find((m) => m.id === place.module)!)[place.item];
  };
  const answer = (right: boolean) => {
    const item = asked();
    send({ type: 'quiz.answer', choice: right ? item.answer : item.options.find((o) => o !== item.answer)! });
  };
  /** Answers every question of the round (right or wrong) and moves on to the summary. */
  const answerAll = (right: boolean) => {
    while (actor.getSnapshot().matches('quiz')) {
      answer(right);
      send({ type: 'page.next' });
    }
  };
  return { actor, send, state: () => actor.getSnapshot(), progress, asked, answer, answerAll };
}

describe('course machine', () => {
  it('starts on the welcome screen when there is no saved place', () => {
    const { state } = start();
    expect(state().value).toBe('welcome');
  });

  it('walks a module: pages, then each question with feedback, then the summary with the score', () => {
    const { send, state, progress, asked, answer } = start();
    send({ type: 'course.start' });
    expect(state().value).toBe('lesson');
    expect(progress().place).toEqual({ screen: 'lesson', module: 'alpha', page: 0 });

    send({ type: 'page.next' });
    expect(progress().place).toEqual({ screen: 'lesson', module: 'alpha', page: 1 });
    send({ type: 'page.back' }, { type: 'page.next' }, { type: 'page.next' });
    expect(state().matches({ quiz: 'question' })).toBe(true);

    const first = asked();
    answer(false);
    expect(state().matches({ quiz: 'feedback' })).toBe(true);
    expect(progress().answers[first.id]).toHaveLength(1);
    expect(progress().answers[first.id][0]).not.toBe(first.answer);

    send({ type: 'page.next' });
    expect(asked().id).not.toBe(first.id);
    answer(true);
    send({ type: 'page.next' });
    expect(state().value).toBe('summary');
    expect(progress().modules.alpha).toEqual({ round: 0, score: 50, best: 50 });
  });

  it('ignores forbidden moves', () => {
    const { send, state, progress, asked, answer } = start();
    send({ type: 'page.next' }, { type: 'quiz.answer', choice: 'a' }); // nothing to do on welcome
    expect(state().value).toBe('welcome');

    send({ type: 'course.start' }, { type: 'page.back' });
    expect(progress().place).toEqual({ screen: 'lesson', module: 'alpha', page: 0 });

    send({ type: 'page.next' }, { type: 'page.next' });
    send({ type: 'page.next' }); // on the question, before answering
    expect(state().matches({ quiz: 'question' })).toBe(true);
    expect(progress().place).toEqual({ screen: 'quiz', module: 'alpha', item: 0, answered: false });

    const item = asked();
    send({ type: 'quiz.answer', choice: 'not-an-option' }); // a choice the question does not offer
    expect(state().matches({ quiz: 'question' })).toBe(true);
    answer(true);
    answer(false); // no second try in feedback
    expect(progress().answers[item.id]).toEqual([item.answer]);
    send({ type: 'page.back' });
    expect(state().matches({ quiz: 'feedback' })).toBe(true);
  });

  it('keeps the learner in place while the language changes', () => {
    const { send, progress } = start();
    send({ type: 'course.start' }, { type: 'page.next' });
    const before = progress().place;
    send({ type: 'lang.set', lang: 'en' });
    expect(progress().place).toEqual(before);
    expect(progress().lang).toBe('en');
  });

  it('goes home without losing the place, and Continue returns to it', () => {
    const { send, state, progress } = start();
    send({ type: 'course.start' }, { type: 'page.next' }, { type: 'course.home' });
    expect(state().value).toBe('welcome');
    expect(progress().atWelcome).toBe(true);
    send({ type: 'course.start' });
    expect(progress().place).toEqual({ screen: 'lesson', module: 'alpha', page: 1 });
  });

  it('resumes from a saved record at the exact question and its feedback', () => {
    const { state } = start({
      atWelcome: false,
      place: { screen: 'quiz', module: 'alpha', item: 1, answered: true },
      answers: { 'fx-concept': ['a'] },
    });
    expect(state().matches({ quiz: 'feedback' })).toBe(true);
    expect(state().context.progress.place).toEqual({ screen: 'quiz', module: 'alpha', item: 1, answered: true });
  });

  it('locks the next module in strict gating until the previous one is mastered', () => {
    const { send, state, progress, answerAll } = start();
    send({ type: 'module.open', module: 'beta' });
    expect(state().value).toBe('welcome');
    expect(isModuleUnlocked(manifest, progress(), 'beta')).toBe(false);

    send({ type: 'course.start' }, { type: 'page.next' }, { type: 'page.next' });
    answerAll(true);
    expect(progress().modules.alpha.score).toBe(100);
    send({ type: 'module.next' });
    expect(progress().place).toEqual({ screen: 'lesson', module: 'beta', page: 0 });
  });

  it('does not offer the next module after a quiz below mastery in strict gating, but allows a retry', () => {
    const { send, state, progress, asked, answer, answerAll } = start();
    send({ type: 'course.start' }, { type: 'page.next' }, { type: 'page.next' });
    answerAll(false);
    expect(state().can({ type: 'module.next' })).toBe(false);
    send({ type: 'quiz.retry' });
    expect(progress().modules.alpha.round).toBe(1);
    const item = asked();
    answer(true);
    expect(progress().answers[item.id]).toEqual([item.options.find((o) => o !== item.answer), item.answer]);
  });

  it('never lowers the best score when a retry goes worse', () => {
    const { send, progress, answerAll } = start();
    send({ type: 'course.start' }, { type: 'page.next' }, { type: 'page.next' });
    answerAll(true);
    send({ type: 'quiz.retry' });
    answerAll(false);
    expect(progress().modules.alpha).toEqual({ round: 1, score: 0, best: 100 });
    expect(isModuleUnlocked(manifest, progress(), 'beta')).toBe(true);
  });

  it('merges another tab\'s answers without moving the learner', () => {
    const { send, progress } = start();
    send({ type: 'course.start' }, { type: 'page.next' });
    const theirs = { ...createProgress(manifest), answers: { 'fx-concept': ['b'] }, modules: { beta: { score: 100, best: 100 } } };
    send({ type: 'progress.merge', progress: theirs });
    expect(progress()).toMatchObject({ place: { screen: 'lesson', module: 'alpha', page: 1 }, answers: { 'fx-concept': ['b'] } });
    expect(progress().modules.beta).toEqual({ score: 100, best: 100 });
  });

  it('replaces the record on import or reset and returns to the welcome screen', () => {
    const { send, state, progress } = start();
    send({ type: 'course.start' }, { type: 'lang.set', lang: 'en' });
    send({ type: 'progress.replace', progress: { ...createProgress(manifest), place: { screen: 'lesson', module: 'alpha', page: 1 }, atWelcome: false } });
    expect(state().value).toBe('welcome');
    expect(progress()).toMatchObject({ lang: 'en', place: { screen: 'lesson', module: 'alpha', page: 1 }, atWelcome: true });
    send({ type: 'course.start' });
    expect(state().value).toBe('lesson');
  });

  it('opens any module in open gating; reopening the current module resumes in place', () => {
    const { send, progress } = start({}, openManifest);
    send({ type: 'module.open', module: 'beta' });
    expect(progress().place).toEqual({ screen: 'lesson', module: 'beta', page: 0 });
    send({ type: 'course.home' }, { type: 'module.open', module: 'alpha' }, { type: 'page.next' }, { type: 'course.home' });
    send({ type: 'module.open', module: 'alpha' });
    expect(progress().place).toEqual({ screen: 'lesson', module: 'alpha', page: 1 });
  });

  const NOW = Date.UTC(2026, 11, 7, 9, 0);
  const MINUTE = 60_000;
  const modulesDone = (course: CourseManifest): Partial<Progress> => ({
    modules: Object.fromEntries(course.modules.map((m) => [m.id, { score: 100, best: 100, round: 0 }])),
  });

  it('opens the final assessment only when every module quiz is done, and never takes a pass back nor moves its date', () => {
    let now = NOW;
    const { send, state, progress, answerAll } = start({}, openManifest, undefined, () => now);
    send({ type: 'final.start' });
    expect(state().value).toBe('welcome');
    for (const module of openManifest.modules) {
      send({ type: 'module.open', module: module.id });
      while (state().matches('lesson')) send({ type: 'page.next' });
      answerAll(true);
      send({ type: 'course.home' });
    }
    send({ type: 'final.start' });
    expect(progress().place).toEqual({ screen: 'quiz', module: 'final', item: 0, answered: false });
    answerAll(true);
    expect(state().value).toBe('summary');
    expect(progress().final).toEqual({ score: 100, passed: true, at: NOW / MINUTE, passedAt: NOW / MINUTE });
    now += 3 * 24 * 60 * MINUTE;
    send({ type: 'quiz.retry' });
    answerAll(false);
    expect(progress().modules.final).toMatchObject({ round: 1, score: 0, best: 100 });
    // The retake's end starts any wait; the course was completed when it was first passed.
    expect(progress().final).toEqual({ score: 100, passed: true, at: now / MINUTE, passedAt: NOW / MINUTE });
    expect(finalPassedAt(progress())).toBe(NOW / MINUTE);
  });

  it('dates a pass in a record written before pass dates were kept by its latest attempt, and keeps that date', () => {
    const before = NOW / MINUTE - 600;
    const done = modulesDone(openManifest);
    const saved = { modules: { ...done.modules, final: { score: 90, best: 90, round: 0 } }, final: { score: 90, passed: true, at: before } };
    const { send, progress, answerAll } = start(saved, openManifest, undefined, () => NOW);
    expect(finalPassedAt(progress())).toBe(before);
    send({ type: 'final.start' });
    answerAll(false);
    expect(progress().final).toEqual({ score: 90, passed: true, at: NOW / MINUTE, passedAt: before });
  });

  it('dates a first pass on a retake by that retake, not by the failed attempt before it', () => {
    let now = NOW;
    const { send, progress, answerAll } = start(modulesDone(openManifest), openManifest, undefined, () => now);
    send({ type: 'final.start' });
    answerAll(false);
    expect(progress().final).toEqual({ score: 0, passed: false, at: NOW / MINUTE });
    expect(finalPassedAt(progress())).toBeUndefined();
    now += 60 * MINUTE;
    send({ type: 'quiz.retry' });
    answerAll(true);
    expect(progress().final).toEqual({ score: 100, passed: true, at: now / MINUTE, passedAt: now / MINUTE });
  });

  it('gives no feedback in the final: an answer goes straight to the next question, the last to the result', () => {
    const { send, state, progress, asked, answer } = start(modulesDone(openManifest), openManifest);
    send({ type: 'final.start' });
    const total = quizItems(progress(), finalModule(openManifest)).length;
    expect(total).toBeGreaterThan(1);
    for (let index = 0; index < total; index++) {
      expect(progress().place).toEqual({ screen: 'quiz', module: 'final', item: index, answered: false });
      const item = asked();
      answer(index % 2 === 0);
      expect(progress().answers[item.id]).toHaveLength(1); // recorded…
      expect(state().matches({ quiz: 'feedback' })).toBe(false); // …and never shown right or wrong
    }
    expect(state().value).toBe('summary');
    expect(progress().place).toEqual({ screen: 'summary', module: 'final' });
    expect(progress().modules.final.score).toBe(Math.round((Math.ceil(total / 2) / total) * 100));
  });

  it('draws the final from every module\'s concept questions and the level scenarios', () => {
    const final = finalModule(openManifest);
    expect(final.mix.concepts).toEqual({ alpha: 1 }); // default: up to 2 from every module with concept questions
    const first = quizItems({ modules: { final: { round: 0 } }, practice: [] }, final).map((i) => i.id);
    expect(first.sort()).toEqual(['fx-beta-group', 'fx-concept', 'fx-home-visit']);
  });

  it('in the final, keeps the trainers\' notes out of reach (home included) until the result', () => {
    const { send, progress, answerAll } = start(modulesDone(openManifest), openManifest);
    expect(isInFinal(progress())).toBe(false);
    send({ type: 'final.start' });
    expect(isInFinal(progress())).toBe(true);
    send({ type: 'course.home' });
    expect(isInFinal(progress())).toBe(true); // paused, not finished
    send({ type: 'final.start' });
    answerAll(true);
    expect(isInFinal(progress())).toBe(false);
  });

  it('lets a retake start only after final.retakeWait hours, and at most final.maxAttempts times', () => {
    const strict: CourseManifest = { ...openManifest, final: { ...openManifest.final, retakeWait: 2, maxAttempts: 2 } };
    let now = NOW;
    const { send, state, progress, answerAll } = start(modulesDone(strict), strict, undefined, () => now);
    expect(finalAccess(strict, progress(), now)).toEqual({ kind: 'open' });
    send({ type: 'final.start' });
    answerAll(false);
    expect(finalAttempts(progress())).toBe(1);
    const opensAt = NOW + 120 * MINUTE;
    expect(finalAccess(strict, progress(), now)).toEqual({ kind: 'wait', opensAt });
    send({ type: 'quiz.retry' });
    expect(state().value).toBe('summary');
    send({ type: 'course.home' }, { type: 'final.start' });
    expect(state().value).toBe('welcome');

    now = opensAt - 1;
    send({ type: 'final.start' });
    expect(state().value).toBe('welcome');
    now = opensAt;
    send({ type: 'final.start' });
    expect(state().matches({ quiz: 'question' })).toBe(true);
    expect(progress().modules.final.round).toBe(1);
    send({ type: 'course.home' }, { type: 'final.start' }); // an attempt under way resumes, whatever the rules
    expect(progress().place).toMatchObject({ module: 'final', item: 0 });
    answerAll(false);

    now += 1000 * 60 * MINUTE;
    expect(finalAccess(strict, progress(), now)).toEqual({ kind: 'spent', attempts: 2 });
    send({ type: 'quiz.retry' });
    expect(state().value).toBe('summary');
    send({ type: 'course.home' }, { type: 'final.start' });
    expect(state().value).toBe('welcome');
  });

  it('brings missed scenarios back for Practice on a later day, where a miss may be tried again', () => {
    let day = 100;
    const { send, state, progress, asked, answer, answerAll } = start({}, manifest, () => day);
    send({ type: 'course.start' }, { type: 'page.next' }, { type: 'page.next' });
    answerAll(false);
    const missed = Object.keys(progress().answers).sort();
    expect(Object.keys(progress().review).sort()).toEqual(missed);
    expect(Object.values(progress().review)).toEqual([[1, 101], [1, 101]]);

    send({ type: 'course.home' }, { type: 'practice.start' }); // nothing is due today
    expect(state().value).toBe('welcome');
    day = 101;
    send({ type: 'practice.start' });
    expect(state().matches({ quiz: 'question' })).toBe(true);
    expect(progress().practice.slice().sort()).toEqual(missed);

    const first = asked();
    answer(false);
    send({ type: 'quiz.again' });
    expect(state().matches({ quiz: 'question' })).toBe(true);
    answer(true);
    send({ type: 'quiz.again' }); // right now: nothing to try again
    expect(state().matches({ quiz: 'feedback' })).toBe(true);
    expect(progress().review[first.id]).toEqual([1, 102]); // the first answer counts
    send({ type: 'page.next' });
    const second = asked();
    answer(true);
    send({ type: 'page.next' });
    expect(state().value).toBe('summary');
    expect(progress().place).toEqual({ screen: 'summary', module: 'practice' });
    expect(progress().review[second.id]).toEqual([2, 104]);
    send({ type: 'quiz.retry' }); // a Practice session is not retried
    expect(state().value).toBe('summary');
    expect(progress().modules.alpha).toMatchObject({ score: 0, best: 0 }); // practice leaves quiz scores alone
  });

  it('allows no second try outside Practice', () => {
    const { send, state, answer } = start({}, openManifest);
    send({ type: 'course.start' }, { type: 'page.next' }, { type: 'page.next' });
    answer(false);
    send({ type: 'quiz.again' });
    expect(state().matches({ quiz: 'feedback' })).toBe(true);
  });

  it('reaches every state of the machine', () => {
    const events: CourseEvent[] = [
      { type: 'course.start' }, { type: 'course.home' }, { type: 'page.next' }, { type: 'page.back' },
      { type: 'quiz.answer', choice: 'casework' }, { type: 'quiz.answer', choice: 'b' }, { type: 'quiz.retry' },
      { type: 'module.next' }, { type: 'module.open', module: 'beta' }, { type: 'lang.set', lang: 'en' },
      { type: 'progress.replace', progress: createProgress(manifest) },
    ];
    const paths = getShortestPaths(courseMachine, {
      input: { manifest, progress: createProgress(manifest) },
      events,
      // Rounds and attempts grow without end; states differ by screen, place and what is mastered.
      serializeState: (s) => JSON.stringify([s.value, s.context.progress.place, Object.values(s.context.progress.modules).map((m) => m.best)]),
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    const leaves = (node: AnyStateNode, prefix: string[] = []): string[] =>
      Object.entries(node.states).flatMap(([key, child]) => {
        const states = Object.keys(child.states);
        if (!states.length) return [prefix.length ? JSON.stringify({ [prefix[0]]: key }) : JSON.stringify(key)];
        return leaves(child, [key]);
      });
    const expected = leaves(courseMachine.root).filter((s) => s !== '"routing"'); // transient by design
    expect(expected.sort()).toEqual([...reached].sort());
    expect(reached).toContain(JSON.stringify({ quiz: 'feedback' }));
  });

  describe('on every path', () => {
    // One scenario is due for review, so Practice (and its "Try again") is on the paths too.
    const progress: Progress = { ...createProgress(manifest), answers: { 'fx-home-visit': ['systemic'] }, review: { 'fx-home-visit': [1, 100] } };
    const input = { manifest, progress, today: () => 100 };
    // A learner with every module quiz mastered, for the final's paths.
    const done: Progress = { ...createProgress(manifest), modules: { alpha: { score: 100, best: 100, round: 0 }, beta: { score: 100, best: 100, round: 0 } } };
    const inputs = { modules: input, final: { manifest, progress: done, today: () => 100, now: () => 0 } };
    const events: CourseEvent[] = [
      { type: 'course.start' }, { type: 'course.home' }, { type: 'page.next' }, { type: 'page.back' },
      { type: 'quiz.answer', choice: 'casework' }, { type: 'quiz.answer', choice: 'groupwork' }, { type: 'quiz.answer', choice: 'a' }, { type: 'quiz.answer', choice: 'b' },
      { type: 'quiz.retry' }, { type: 'quiz.again' }, { type: 'module.next' }, { type: 'module.open', module: 'beta' }, { type: 'practice.start' },
    ];
    const screen = (s: { value: unknown; context: CourseContextValue }) =>
      JSON.stringify([s.value, s.context.progress.place, s.context.progress.atWelcome, Object.values(s.context.progress.modules).map((m) => (m.best ?? -1) >= 80)]);
    const attempts = (p: Progress) => Object.values(p.answers).reduce((n, a) => n + a.length, 0);

    /** Replays each path on a real actor; at every step the saved record resumes on the same screen, and no answer was lost. */
    function expectResumable(paths: { steps: { event: { type: string } }[] }[], input = inputs.modules) {
      const { progress } = input;
      for (const path of paths) {
        const actor = createActor(courseMachine, { input }).start();
        const trail = path.steps.map((s) => s.event.type).join(' ');
        let before = attempts(progress);
        for (const { event } of path.steps.slice(1)) {
          actor.send(event as CourseEvent);
          const { value, context } = actor.getSnapshot();
          const saved = decodeProgress(encodeProgress(context.progress, manifest), manifest);
          expect(saved.ok).toBe(true);
          const resumed = createActor(courseMachine, { input: { ...input, progress: saved.ok ? saved.progress : progress } }).start();
          expect(resumed.getSnapshot().value, trail).toEqual(value);
          expect(attempts(context.progress), trail).toBeGreaterThanOrEqual(before);
          before = attempts(context.progress);
        }
      }
    }

    it('every simple path through the screens (Practice and its second try included)', () => {
      const paths = getSimplePaths(courseMachine, { input, events, serializeState: screen });
      const seen = new Set(paths.flatMap((p) => p.steps.map((s) => JSON.stringify([s.state.value, s.state.context.progress.place?.module]))));
      for (const place of [['summary', 'alpha'], [{ quiz: 'question' }, 'practice'], [{ quiz: 'feedback' }, 'practice'], ['summary', 'practice']]) {
        expect(seen).toContain(JSON.stringify(place));
      }
      expectResumable(paths);
    });

    it('the shortest path to every state, told apart by the latest answers too (so the next module opens)', () => {
      const paths = getShortestPaths(courseMachine, {
        input,
        events,
        serializeState: (s) => `${screen(s)}${JSON.stringify(Object.values(s.context.progress.answers).map((a) => a.at(-1)))}`,
      });
      expect(paths.some((p) => p.state.context.progress.place?.module === 'beta')).toBe(true);
      expectResumable(paths);
    });

    it('every simple path through the final: never a feedback screen in it, and a result after the last answer', () => {
      const finalEvents: CourseEvent[] = [
        { type: 'final.start' }, { type: 'course.home' }, { type: 'page.next' }, { type: 'quiz.retry' },
        { type: 'quiz.answer', choice: 'casework' }, { type: 'quiz.answer', choice: 'groupwork' }, { type: 'quiz.answer', choice: 'a' }, { type: 'quiz.answer', choice: 'b' },
      ];
      const paths = getSimplePaths(courseMachine, { input: inputs.final, events: finalEvents, serializeState: screen });
      const steps = paths.flatMap((p) => p.steps.map((step) => step.state));
      expect(steps.some((state) => state.matches('summary') && state.context.progress.place?.module === 'final')).toBe(true);
      expect(steps.some((state) => state.matches({ quiz: 'feedback' }))).toBe(false);
      expectResumable(paths, inputs.final);
    });
  });
});
