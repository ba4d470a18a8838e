import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { classMachine, sessionOf, type ClassEvent, type Session } from '../../src/trainer/class-machine.ts';
import { MAX_VOTES } from '../../src/trainer/class-summary.ts';

const ITEMS = [
  { code: 'aaaaa', options: 3 },
  { code: 'bbbbb', options: 4 },
  { code: 'ccccc', options: 3 },
];

function start(session?: Session) {
  const actor = createActor(classMachine, { input: { session } });
  actor.start();
  const send = (...events: ClassEvent[]) => events.forEach((e) => actor.send(e));
  return { actor, send, state: () => actor.getSnapshot(), context: () => actor.getSnapshot().context };
}

const started = () => {
  const run = start();
  run.send({ type: 'plan.start', items: ITEMS });
  return run;
};

describe('class session machine', () => {
  it('starts at the plan when nothing is saved, and presents the first scenario once started', () => {
    const { state, send, context } = start();
    expect(state().value).toBe('plan');
    send({ type: 'plan.start', items: ITEMS });
    expect(state().value).toEqual({ present: 'vote' });
    expect(context()).toMatchObject({ items: ['aaaaa', 'bbbbb', 'ccccc'], index: 0, step: 'vote', votes: { aaaaa: [0, 0, 0], bbbbb: [0, 0, 0, 0] } });
  });

  it('refuses to start a session with no scenarios', () => {
    const { state, send } = start();
    send({ type: 'plan.start', items: [] });
    expect(state().value).toBe('plan');
  });

  it('reaches every state: plan, vote, reveal, blank, summary, and back to plan', () => {
    const { state, send } = started();
    const seen = new Set([JSON.stringify(state().value)]);
    const go = (event: ClassEvent) => {
      send(event);
      seen.add(JSON.stringify(state().value));
    };
    go({ type: 'step.next' }); // reveal
    go({ type: 'screen.blank' }); // blank
    go({ type: 'screen.blank' }); // back to the reveal it covered
    expect(state().value).toEqual({ present: 'reveal' });
    go({ type: 'session.finish' }); // summary
    go({ type: 'session.new' }); // plan
    expect([...seen].sort()).toEqual(['"blank"', '"plan"', '"summary"', '{"present":"reveal"}', '{"present":"vote"}'].sort());
  });

  it('steps vote → reveal → next scenario, and after the last reveal to the summary', () => {
    const { state, send, context } = started();
    for (let i = 0; i < ITEMS.length; i++) {
      expect(context().index).toBe(i);
      send({ type: 'step.next' });
      expect(state().value).toEqual({ present: 'reveal' });
      send({ type: 'step.next' });
    }
    expect(state().value).toBe('summary');
    expect(context().step).toBe('summary');
  });

  it('keeps the votes when the trainer goes back and forth', () => {
    const { send, context, state } = started();
    send({ type: 'vote.add', option: 1, delta: 1 }, { type: 'vote.add', option: 1, delta: 1 }, { type: 'vote.set', option: 2, count: 7 });
    send({ type: 'step.next' }, { type: 'step.next' }); // to scenario 2
    send({ type: 'vote.add', option: 3, delta: 1 });
    send({ type: 'step.back' }, { type: 'step.back' }); // scenario 1's reveal, then its votes
    expect(state().value).toEqual({ present: 'vote' });
    expect(context().index).toBe(0);
    expect(context().votes).toMatchObject({ aaaaa: [0, 2, 7], bbbbb: [0, 0, 0, 1] });
    send({ type: 'step.next' }, { type: 'step.next' }, { type: 'session.finish' }, { type: 'step.back' });
    expect(state().value).toEqual({ present: 'reveal' });
    expect(context().votes).toMatchObject({ aaaaa: [0, 2, 7], bbbbb: [0, 0, 0, 1] });
  });

  it('ignores moves that make no sense: back from the first vote, votes for a missing option, votes after the reveal', () => {
    const { send, context, state } = started();
    send({ type: 'step.back' });
    expect(state().value).toEqual({ present: 'vote' });
    send({ type: 'vote.add', option: 3, delta: 1 }, { type: 'vote.set', option: -1, count: 4 }, { type: 'vote.set', option: 0.5, count: 4 });
    expect(context().votes.aaaaa).toEqual([0, 0, 0]);
    send({ type: 'step.next' }, { type: 'vote.add', option: 0, delta: 1 });
    expect(context().votes.aaaaa).toEqual([0, 0, 0]);
  });

  it('never lets a count go below zero or above the most a class can have', () => {
    const event = fc.oneof(
      fc.record({ type: fc.constant('vote.add' as const), option: fc.integer({ min: -1, max: 4 }), delta: fc.constantFrom(1 as const, -1 as const) }),
      fc.record({ type: fc.constant('vote.set' as const), option: fc.integer({ min: -1, max: 4 }), count: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN)) }),
      fc.constantFrom<ClassEvent>({ type: 'step.next' }, { type: 'step.back' }, { type: 'screen.blank' }, { type: 'vote.skip' }, { type: 'prompt.show' }, { type: 'session.finish' }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const { send, context } = started();
        send(...events);
        for (const counts of Object.values(context().votes)) {
          for (const n of counts) expect(Number.isInteger(n) && n >= 0 && n <= MAX_VOTES).toBe(true);
        }
      }),
    );
  });

  it('marks a skipped count, and counting again un-skips it', () => {
    const { send, context, state } = started();
    send({ type: 'vote.skip' });
    expect(state().value).toEqual({ present: 'reveal' });
    expect(context().skipped).toEqual(['aaaaa']);
    send({ type: 'step.back' }, { type: 'vote.add', option: 0, delta: 1 });
    expect(context().skipped).toEqual([]);
  });

  it('shows the discussion prompt on request, for the current scenario only', () => {
    const { send, context } = started();
    send({ type: 'step.next' }, { type: 'prompt.show' });
    expect(context().prompt).toBe(true);
    send({ type: 'step.next' });
    expect(context().prompt).toBe(false);
  });

  it('returns from the blank screen to the step it covered, with any step key, without moving', () => {
    const { send, context, state } = started();
    send({ type: 'screen.blank' });
    expect(state().value).toBe('blank');
    send({ type: 'step.next' });
    expect(state().value).toEqual({ present: 'vote' });
    expect(context().index).toBe(0);
  });

  it('resumes a saved session at the same scenario and step with its votes', () => {
    const { send, context } = started();
    send({ type: 'vote.add', option: 2, delta: 1 }, { type: 'step.next' }, { type: 'step.next' }, { type: 'vote.set', option: 0, count: 12 }, { type: 'step.next' });
    const saved = JSON.parse(JSON.stringify(sessionOf(context()))) as Session;
    const resumed = start(saved);
    expect(resumed.state().value).toEqual({ present: 'reveal' });
    expect(resumed.context()).toMatchObject({ index: 1, votes: { aaaaa: [0, 0, 1], bbbbb: [12, 0, 0, 0] } });
    expect(start({ ...saved, step: 'vote' }).state().value).toEqual({ present: 'vote' });
    expect(start({ ...saved, step: 'summary' }).state().value).toBe('summary');
  });

  it('saves nothing while planning', () => {
    const { context, send } = started();
    send({ type: 'session.new' });
    expect(sessionOf(context())).toBeNull();
  });
});
