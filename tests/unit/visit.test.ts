import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { courseMachine, type CourseEvent } from '../../src/course/course-machine.ts';
import { createProgress, type Progress } from '../../src/course/progress.ts';
import { shownPlace, type Stop } from '../../src/course/visit.ts';
import { courseHash, parseRoute, routeHash } from '../../src/routing/routes.ts';
import { quizItems } from '../../src/course/quiz-round.ts';
import { fixtureCourse } from './fixture-course.ts';

const { manifest } = fixtureCourse(); // alpha: 2 pages, 2 items; beta: 1 page, 1 item; strict gating
const alpha = manifest.modules[0];

function start(saved: Partial<Progress> = {}) {
  const actor = createActor(courseMachine, { input: { manifest, progress: { ...createProgress(manifest), ...saved } } });
  actor.start();
  const send = (...events: CourseEvent[]) => events.forEach((e) => actor.send(e));
  const visit = (stop: Stop) => send({ type: 'place.visit', stop });
  const context = () => actor.getSnapshot().context;
  const shown = () => shownPlace(context().progress, context().look);
  const answerRight = () => {
    const place = context().progress.place;
    if (place?.screen !== 'quiz') throw new Error('not on a question');
    send({ type: 'quiz.answer', choice: quizItems(context().progress, alpha)[place.item].answer });
  };
  return { actor, send, visit, context, shown, answerRight };
}

describe('going to a screen by Back, Forward or a link (place.visit)', () => {
  it('turns lesson pages both ways and goes home and back to where the learner was', () => {
    const { send, visit, context, shown } = start();
    send({ type: 'course.start' }, { type: 'page.next' });
    visit({ screen: 'lesson', module: 'alpha', page: 0 });
    expect(shown()).toEqual({ screen: 'lesson', module: 'alpha', page: 0 });
    visit({ screen: 'lesson', module: 'alpha', page: 1 });
    expect(context().progress.place).toEqual({ screen: 'lesson', module: 'alpha', page: 1 });
    visit({ screen: 'home' });
    expect(context().progress.atWelcome).toBe(true);
    visit({ screen: 'lesson', module: 'alpha', page: 1 });
    expect(context().progress.atWelcome).toBe(false);
    expect(shown()).toEqual({ screen: 'lesson', module: 'alpha', page: 1 });
  });

  it('shows an earlier question answered, never asks it again, and Next leads back to where the learner is', () => {
    const { send, visit, context, shown, answerRight, actor } = start();
    send({ type: 'course.start' }, { type: 'page.next' }, { type: 'page.next' });
    answerRight();
    send({ type: 'page.next' }); // question 2, not answered yet
    const answers = context().progress.answers;
    visit({ screen: 'quiz', module: 'alpha', item: 0 });
    expect(shown()).toEqual({ screen: 'quiz', module: 'alpha', item: 0, answered: true });
    expect(context().progress.place).toEqual({ screen: 'quiz', module: 'alpha', item: 1, answered: false });
    // An answer sent to the earlier question is ignored: nothing is un-answered or answered again.
    send({ type: 'quiz.answer', choice: quizItems(context().progress, alpha)[0].answer });
    expect(context().progress.answers).toBe(answers);
    visit({ screen: 'lesson', module: 'alpha', page: 1 });
    expect(shown()).toEqual({ screen: 'lesson', module: 'alpha', page: 1 });
    send({ type: 'page.back' });
    expect(shown()).toEqual({ screen: 'lesson', module: 'alpha', page: 0 });
    send({ type: 'page.next' }, { type: 'page.next' });
    expect(shown()).toEqual({ screen: 'quiz', module: 'alpha', item: 0, answered: true });
    send({ type: 'page.next' });
    expect(shown()).toEqual({ screen: 'quiz', module: 'alpha', item: 1, answered: false });
    expect(actor.getSnapshot().matches({ quiz: 'question' })).toBe(true);
  });

  it('refuses what is ahead of the learner and modules that are locked; a locked link leaves them where they are', () => {
    const { send, visit, context, actor } = start();
    send({ type: 'course.start' });
    const before = actor.getSnapshot();
    expect(before.can({ type: 'place.visit', stop: { screen: 'quiz', module: 'alpha', item: 1 } })).toBe(false);
    expect(before.can({ type: 'place.visit', stop: { screen: 'summary', module: 'alpha' } })).toBe(false);
    expect(before.can({ type: 'place.visit', stop: { screen: 'lesson', module: 'beta', page: 0 } })).toBe(false); // strict gating
    expect(before.can({ type: 'place.visit', stop: { screen: 'lesson', module: 'alpha', page: 9 } })).toBe(false);
    visit({ screen: 'lesson', module: 'beta', page: 0 });
    expect(context().progress.place).toEqual({ screen: 'lesson', module: 'alpha', page: 0 });
  });

  it('opens an unlocked module from a link; Home then Continue returns to the place, not to a screen looked back at', () => {
    const { send, visit, context, shown, answerRight } = start({ modules: { alpha: { best: 100 } } });
    visit({ screen: 'lesson', module: 'beta', page: 0 });
    expect(context().progress.place).toEqual({ screen: 'lesson', module: 'beta', page: 0 });
    visit({ screen: 'lesson', module: 'alpha', page: 1 });
    send({ type: 'page.next' });
    answerRight();
    visit({ screen: 'lesson', module: 'alpha', page: 0 });
    send({ type: 'course.home' }, { type: 'course.start' });
    expect(shown()).toEqual({ screen: 'quiz', module: 'alpha', item: 0, answered: true });
    expect(context().look).toBeNull();
  });

  it('goes back from the summary to the last question, answered, and forward again', () => {
    const { send, visit, shown, answerRight, actor } = start();
    send({ type: 'course.start' }, { type: 'page.next' }, { type: 'page.next' });
    answerRight();
    send({ type: 'page.next' });
    answerRight();
    send({ type: 'page.next' });
    expect(actor.getSnapshot().value).toBe('summary');
    visit({ screen: 'quiz', module: 'alpha', item: 1 });
    expect(shown()).toEqual({ screen: 'quiz', module: 'alpha', item: 1, answered: true });
    send({ type: 'page.next' });
    expect(shown()).toEqual({ screen: 'summary', module: 'alpha' });
  });
});

describe('addresses', () => {
  it('names every course screen and reads it back', () => {
    const places = [
      null,
      { screen: 'lesson', module: 'alpha', page: 1 },
      { screen: 'quiz', module: 'beta', item: 0, answered: false },
      { screen: 'summary', module: 'alpha' },
      { screen: 'quiz', module: 'final', item: 2, answered: false },
      { screen: 'summary', module: 'final' },
      { screen: 'summary', module: 'practice' },
    ] as const;
    expect(places.map((p) => courseHash(manifest, p))).toEqual(['#/', '#/m/01/p/2', '#/m/02/quiz/1', '#/m/01/summary', '#/final/quiz/3', '#/final/result', '#/practice/summary']);
    for (const place of places.slice(1)) {
      const { answered: _, ...stop } = place as typeof place & { answered?: boolean };
      expect(parseRoute(manifest, courseHash(manifest, place))).toEqual({ kind: 'course', stop });
    }
    expect(parseRoute(manifest, '#/m/02')).toEqual({ kind: 'course', stop: { screen: 'lesson', module: 'beta', page: 0 } });
    expect(parseRoute(manifest, '#/glossary/casework')).toEqual({ kind: 'glossary', term: 'casework' });
    expect(parseRoute(manifest, '#/notes/02')).toEqual({ kind: 'notes', module: 'beta' });
    expect(parseRoute(manifest, '#/final')).toEqual({ kind: 'final' });
    expect(routeHash(manifest, { kind: 'certificate' })).toBe('#/final/certificate');
    expect(parseRoute(manifest, '#/final/certificate')).toEqual({ kind: 'certificate' });
    for (const junk of ['#main', '#/m/99', '#/m/01/p/x', '#/notes/77', '#/m/01/quiz/2/3', '#/elsewhere', '#/final/certificate/2', '#/practice/certificate']) expect(parseRoute(manifest, junk)).toBeNull();
  });
});
