import path from 'node:path';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import { courseMachine } from '../../src/course/course-machine.ts';
import { decodeProgress, encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress } from '../../src/course/progress.ts';
import { credit, scoreItems } from '../../src/quiz/scoring.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';

const { manifest } = compileContent(path.resolve('lessons'));
const moduleWith = (type: string) => manifest.modules.find((m) => drawModuleQuiz(m, 0).some((i) => i.type === type))!;

/** The machine on the first question of `type` in its module's first quiz round. */
function at(type: 'sort' | 'case') {
  const module = moduleWith(type);
  const items = drawModuleQuiz(module, 0);
  const index = items.findIndex((i) => i.type === type);
  const actor = createActor(courseMachine, {
    input: { manifest, progress: { ...createProgress(manifest), atWelcome: false, place: { screen: 'quiz', module: module.id, item: index, answered: false }, modules: { [module.id]: { round: 0 } } } },
  }).start();
  return { actor, item: items[index], items, progress: () => actor.getSnapshot().context.progress };
}

describe('sorts in the course machine', () => {
  it('takes only a complete placement of every case, and scores it with partial credit', () => {
    const { actor, item, progress } = at('sort');
    const n = item.parts!.length;
    for (const bad of ['0'.repeat(n - 1), '0'.repeat(n + 1), 'z'.repeat(n), '3'.repeat(n), 'casework']) {
      actor.send({ type: 'quiz.answer', choice: bad });
      expect(actor.getSnapshot().matches({ quiz: 'question' })).toBe(true);
    }
    const oneWrong = (((parseInt(item.answer[0], 36) + 1) % 3).toString(36)) + item.answer.slice(1);
    actor.send({ type: 'quiz.answer', choice: oneWrong });
    expect(actor.getSnapshot().matches({ quiz: 'feedback' })).toBe(true);
    expect(progress().answers[item.id]).toEqual([oneWrong]);
    expect(credit(item, oneWrong)).toBeCloseTo((n - 1) / n);
    expect(progress().review[item.id]?.[0]).toBe(1); // not all right: it comes back for review
  });
});

describe('cases in the course machine', () => {
  it('asks step by step within one attempt, and a reload resumes at the step reached', () => {
    const { actor, item, progress } = at('case');
    const steps = item.parts!;
    const question = progress().place;
    actor.send({ type: 'quiz.answer', choice: 'not-an-option' });
    expect(actor.getSnapshot().matches({ quiz: 'question' })).toBe(true);

    actor.send({ type: 'quiz.answer', choice: steps[0].answer });
    expect(progress().answers[item.id]).toEqual([item.answer[0]]);
    actor.send({ type: 'page.next' }); // on to step 2 of the same question
    expect(progress().place).toEqual(question);
    const place = progress().place;

    const saved = decodeProgress(encodeProgress(progress(), manifest), manifest);
    expect(saved.ok && saved.progress.place).toEqual(place);
    expect(saved.ok && saved.progress.answers[item.id]).toEqual([item.answer[0]]);
    const resumed = createActor(courseMachine, { input: { manifest, progress: saved.ok ? saved.progress : createProgress(manifest) } }).start();

    const wrong = steps[1].options.find((o) => o !== steps[1].answer)!;
    resumed.send({ type: 'quiz.answer', choice: wrong });
    const answers = resumed.getSnapshot().context.progress.answers[item.id];
    expect(answers).toHaveLength(1); // still one attempt, two steps long
    expect(answers[0]).toHaveLength(2);
    for (let step = 2; step < steps.length; step++) {
      resumed.send({ type: 'page.next' });
      resumed.send({ type: 'quiz.answer', choice: steps[step].answer });
    }
    const done = resumed.getSnapshot().context.progress.answers[item.id][0];
    expect(done).toHaveLength(steps.length);
    expect(credit(item, done)).toBeCloseTo((steps.length - 1) / steps.length);
    resumed.send({ type: 'page.next' }); // the case is over: on to the next question or the summary
    const next = resumed.getSnapshot().context.progress.place;
    expect(next).not.toEqual(place);
  });

  it('scores an unfinished case by the steps answered right so far', () => {
    const { item } = at('case');
    expect(scoreItems([item], { [item.id]: [item.answer.slice(0, 1)] }).correct).toBeCloseTo(Math.round(10 / item.parts!.length) / 10);
  });
});
