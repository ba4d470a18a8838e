import { assign, setup } from 'xstate';
import { clampVotes, type Votes } from './class-summary.ts';

/** Where a session is; what is saved on the device besides the votes. */
export type Step = 'vote' | 'reveal' | 'summary';

/** A class session as saved on the device: ids and numbers only (see class-store.ts). */
export interface Session {
  /** The scenarios by item code, in order. */
  items: string[];
  index: number;
  step: Step;
  votes: Votes;
  /** Scenarios where the trainer skipped counting. */
  skipped: string[];
}

export interface ClassContext extends Session {
  /** The module's discussion prompt is shown under the current reveal. */
  prompt: boolean;
}

export type ClassEvent =
  | { type: 'plan.start'; items: { code: string; options: number }[] }
  | { type: 'vote.add'; option: number; delta: 1 | -1 }
  | { type: 'vote.set'; option: number; count: number }
  | { type: 'vote.skip' }
  | { type: 'step.next' }
  | { type: 'step.back' }
  | { type: 'screen.blank' }
  | { type: 'prompt.show' }
  | { type: 'session.finish' }
  | { type: 'session.new' };

const empty: Session = { items: [], index: 0, step: 'vote', votes: {}, skipped: [] };
const current = (c: ClassContext) => c.items[c.index];

/** Changes one option's count of the current scenario; counting again un-skips it. */
const withVotes = (c: ClassContext, option: number, count: (old: number) => number) => {
  const code = current(c);
  const votes = [...c.votes[code]];
  votes[option] = clampVotes(count(votes[option]));
  return { votes: { ...c.votes, [code]: votes }, skipped: c.skipped.filter((s) => s !== code) };
};

/**
 * One class session: plan → present (vote → reveal, scenario by scenario) → summary, with a blank
 * screen the trainer can switch to and back from at any moment of the presentation. Holds item
 * codes and numbers only; the words come from the module text chunks.
 */
export const classMachine = setup({
  types: {
    context: {} as ClassContext,
    events: {} as ClassEvent,
    input: {} as { session?: Session },
  },
  guards: {
    isSavedAt: ({ context }, params: { step: Step }) => context.items.length > 0 && context.step === params.step,
    // Params (filled in from the event by each transition) keep these free of event-type checks.
    isOption: ({ context }, { option }: { option: number }) =>
      Number.isInteger(option) && option >= 0 && option < (context.votes[current(context)]?.length ?? 0),
    hasItems: (_, { count }: { count: number }) => count > 0,
    hasPrevious: ({ context }) => context.index > 0,
    isLast: ({ context }) => context.index === context.items.length - 1,
  },
  actions: {
    startSession: assign((_, { items }: { items: { code: string; options: number }[] }) => ({
      ...empty,
      items: items.map((i) => i.code),
      votes: Object.fromEntries(items.map((i) => [i.code, Array.from({ length: i.options }, () => 0)])),
      prompt: false,
    })),
    clearSession: assign({ ...empty, prompt: false }),
    addVote: assign(({ context }, { option, delta }: { option: number; delta: number }) => withVotes(context, option, (old) => old + delta)),
    setVote: assign(({ context }, { option, count }: { option: number; count: number }) => withVotes(context, option, () => count)),
    markSkipped: assign(({ context }) => ({ skipped: [...new Set([...context.skipped, current(context)])] })),
    next: assign(({ context }) => ({ index: context.index + 1, prompt: false })),
    previous: assign(({ context }) => ({ index: context.index - 1, prompt: false })),
    showPrompt: assign({ prompt: true }),
    atVote: assign({ step: 'vote' as Step }),
    atReveal: assign({ step: 'reveal' as Step }),
    atSummary: assign({ step: 'summary' as Step }),
  },
}).createMachine({
  id: 'class',
  context: ({ input }) => ({ ...(input.session ?? empty), prompt: false }),
  initial: 'resume',
  states: {
    resume: {
      description: 'A reload or a crash comes back to the same scenario and step, with the votes entered so far.',
      always: [
        { guard: { type: 'isSavedAt', params: { step: 'summary' } }, target: 'summary' },
        { guard: { type: 'isSavedAt', params: { step: 'reveal' } }, target: 'present.reveal' },
        { guard: { type: 'isSavedAt', params: { step: 'vote' } }, target: 'present.vote' },
        { target: 'plan' },
      ],
    },
    plan: {
      entry: 'clearSession',
      on: {
        'plan.start': {
          guard: { type: 'hasItems', params: ({ event }) => ({ count: event.items.length }) },
          target: 'present',
          actions: { type: 'startSession', params: ({ event }) => ({ items: event.items }) },
        },
      },
    },
    present: {
      initial: 'vote',
      on: {
        'screen.blank': 'blank',
        'session.finish': 'summary',
        'session.new': 'plan',
      },
      states: {
        vote: {
          entry: 'atVote',
          on: {
            'vote.add': { guard: { type: 'isOption', params: ({ event }) => event }, actions: { type: 'addVote', params: ({ event }) => event } },
            'vote.set': { guard: { type: 'isOption', params: ({ event }) => event }, actions: { type: 'setVote', params: ({ event }) => event } },
            'vote.skip': { target: 'reveal', actions: 'markSkipped' },
            'step.next': 'reveal',
            'step.back': { guard: 'hasPrevious', target: 'reveal', actions: 'previous' },
          },
        },
        reveal: {
          entry: 'atReveal',
          on: {
            'step.next': [{ guard: 'isLast', target: '#class.summary' }, { target: 'vote', actions: 'next' }],
            'step.back': 'vote',
            'prompt.show': { actions: 'showPrompt' },
          },
        },
        last: { type: 'history', description: 'Back from the blank screen to the step it covered.' },
      },
    },
    blank: {
      description: 'A black screen while the class talks; any step key or B brings the scenario back unchanged.',
      on: { 'screen.blank': 'present.last', 'step.next': 'present.last', 'step.back': 'present.last' },
    },
    summary: {
      entry: 'atSummary',
      on: {
        'step.back': { target: 'present.reveal' },
        'session.new': 'plan',
      },
    },
  },
});

/** What to save of a snapshot: the session, or nothing while planning. */
export const sessionOf = (context: ClassContext): Session | null =>
  context.items.length ? { items: context.items, index: context.index, step: context.step, votes: context.votes, skipped: context.skipped } : null;
