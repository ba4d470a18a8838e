import { and, assign, emit, setup } from 'xstate';
import type { CourseManifest, ItemSpec, Lang, ModuleSpec } from '../content/types.ts';
import { isComplete, isCorrect, isValidResponse, lastChoice, scoreItems } from '../quiz/scoring.ts';
import { dayNumber, dueItems, PRACTICE_SIZE, scheduleAnswer } from '../quiz/review.ts';
import { courseModules, FINAL, finalAccess, finalPassedAt, isInFinal, PRACTICE } from './final-assessment.ts';
import { quizItems } from './quiz-round.ts';
import { isModuleUnlocked } from './gating.ts';
import { lookStep, planVisit, shownPlace, type Look, type Stop, type Visit } from './visit.ts';
import { MAX_ATTEMPTS, mergeProgress, type Place, type Progress } from './progress.ts';

export { isModuleUnlocked };

export interface CourseInput {
  manifest: CourseManifest;
  progress: Progress;
  /** Today's day number (src/quiz/review.ts): the clock of spaced review, replaceable in tests. */
  today?: () => number;
  /** The time now in milliseconds: the clock of the final's retake wait, replaceable in tests. */
  now?: () => number;
}

export interface CourseContext {
  manifest: CourseManifest;
  progress: Progress;
  today: () => number;
  now: () => number;
  /** An earlier screen the learner went back to (src/course/visit.ts); view state, never saved. */
  look: Look | null;
}

export type CourseEvent =
  | { type: 'course.start' }
  | { type: 'course.home' }
  | { type: 'module.open'; module: string }
  | { type: 'module.next' }
  | { type: 'page.next' }
  | { type: 'page.back' }
  | { type: 'quiz.answer'; choice: string }
  | { type: 'quiz.retry' }
  /** Practice only: answer the same question again after a miss. */
  | { type: 'quiz.again' }
  | { type: 'final.start' }
  | { type: 'practice.start' }
  | { type: 'lang.set'; lang: Lang }
  /** Back, Forward or a link asks for a screen; refused when it is ahead of the learner or locked. */
  | { type: 'place.visit'; stop: Stop }
  /** Another tab saved progress: keep every answer from both, stay where we are. */
  | { type: 'progress.merge'; progress: Progress }
  /** An imported file or a reset replaces the record; the learner goes where it says. */
  | { type: 'progress.replace'; progress: Progress };

const moduleOf = (context: CourseContext, id: string | undefined): ModuleSpec | undefined =>
  courseModules(context.manifest).find((m) => m.id === id);

const placeAs = <S extends Place['screen']>(context: CourseContext, screen: S) =>
  context.progress.place?.screen === screen ? (context.progress.place as Extract<Place, { screen: S }>) : undefined;

const currentModule = (context: CourseContext) => moduleOf(context, context.progress.place?.module);


const currentQuiz = (context: CourseContext) => {
  const module = currentModule(context);
  return module ? quizItems(context.progress, module) : [];
};

const nextModule = (context: CourseContext) => {
  const modules = context.manifest.modules;
  const index = modules.findIndex((m) => m.id === context.progress.place?.module);
  return index >= 0 ? modules[index + 1] : undefined;
};

/**
 * The full response an answer event makes: a case is answered a step at a time (the event carries
 * the step's option, added to the unfinished attempt); any other item in one go.
 */
function respond(context: CourseContext, item: ItemSpec, choice: string): string {
  if (item.type !== 'case') return choice;
  const last = lastChoice(context.progress.answers, item.id) ?? '';
  const sofar = isComplete(item, last) ? '' : last;
  const index = item.parts![sofar.length]?.options.indexOf(choice) ?? -1;
  return index < 0 ? '' : sofar + index.toString(36);
}

/** A new quiz round: its own questions where the bank allows (src/quiz/selection.ts). */
function beginRound(progress: Progress, module: string): Progress {
  const next = withPlace(progress, { screen: 'quiz', module, item: 0, answered: false });
  const previous = next.modules[module].round;
  return { ...next, modules: { ...next.modules, [module]: { ...next.modules[module], round: previous === undefined ? 0 : previous + 1 } } };
}

const withPlace = (progress: Progress, place: Place): Progress => ({
  ...progress,
  place,
  atWelcome: false,
  modules: { ...progress.modules, [place.module]: progress.modules[place.module] ?? {} },
});

const looking = (context: CourseContext) => shownPlace(context.progress, context.look) !== context.progress.place;

/** The Progress record and look after a visit that `planVisit` allowed. */
function visited(context: CourseContext, visit: Visit): Pick<CourseContext, 'progress' | 'look'> {
  const { progress } = context;
  if (!visit || visit.kind === 'home') return { progress: { ...progress, atWelcome: true }, look: null };
  if (visit.kind === 'move') return { progress: withPlace(progress, visit.place), look: null };
  const resumed = { ...progress, atWelcome: false };
  return { progress: resumed, look: visit.kind === 'look' ? { of: progress.place!, at: visit.at } : null };
}

/** What the machine tells listeners (an LMS tracker) besides its Progress record: one finished answer. */
export type CourseEmitted = { type: 'answered'; item: ItemSpec; response: string };

export const courseMachine = setup({
  types: {
    context: {} as CourseContext,
    events: {} as CourseEvent,
    input: {} as CourseInput,
    emitted: {} as CourseEmitted,
  },
  guards: {
    canVisit: ({ context, event }) => event.type === 'place.visit' && planVisit(context.manifest, context.progress, event.stop) !== null,
    canLook: ({ context }, params: { by: 1 | -1 }) => looking(context) && lookStep(context.manifest, context.progress, context.look!, params.by) !== null,
    isAtLesson: ({ context }) => !context.progress.atWelcome && !!placeAs(context, 'lesson'),
    isAtQuestion: ({ context }) => !context.progress.atWelcome && placeAs(context, 'quiz')?.answered === false,
    isAtFeedback: ({ context }) => !context.progress.atWelcome && placeAs(context, 'quiz')?.answered === true,
    isAtSummary: ({ context }) => !context.progress.atWelcome && !!placeAs(context, 'summary'),
    isUnlocked: ({ context, event }) =>
      event.type === 'module.open' && isModuleUnlocked(context.manifest, context.progress, event.module),
    isOffered: ({ context, event }) => {
      const place = placeAs(context, 'quiz');
      const item = place && currentQuiz(context)[place.item];
      return event.type === 'quiz.answer' && !looking(context) && !!item && isValidResponse(item, respond(context, item, event.choice));
    },
    hasNextStep: ({ context }) => {
      const place = placeAs(context, 'quiz');
      const item = place && currentQuiz(context)[place.item];
      return !!item && !isComplete(item, lastChoice(context.progress.answers, item.id));
    },
    hasNextPage: ({ context }) => {
      const place = placeAs(context, 'lesson');
      return !!place && place.page + 1 < (currentModule(context)?.pages ?? 0);
    },
    hasPreviousPage: ({ context }) => (placeAs(context, 'lesson')?.page ?? 0) > 0,
    hasQuiz: ({ context }) => (currentModule(context)?.items.length ?? 0) > 0,
    // A Practice session is not retried: the next one is whatever is due then; the final, by its retake rules.
    canRetry: ({ context }) => {
      const module = context.progress.place?.module;
      if (module === FINAL) return finalAccess(context.manifest, context.progress, context.now()).kind === 'open';
      return module !== PRACTICE && (currentModule(context)?.items.length ?? 0) > 0;
    },
    hasNextItem: ({ context }) => {
      const place = placeAs(context, 'quiz');
      return !!place && place.item + 1 < currentQuiz(context).length;
    },
    canStartFinal: ({ context }) => ['open', 'resume'].includes(finalAccess(context.manifest, context.progress, context.now()).kind),
    // In the final, an answer is recorded and the next question follows: no feedback until the result.
    isInFinal: ({ context }) => isInFinal(context.progress),
    hasDueReview: ({ context }) => dueItems(context.progress.review, context.today()).length > 0,
    isPractising: ({ context }) => context.progress.place?.module === PRACTICE,
    canTryAgain: ({ context }) => {
      const place = placeAs(context, 'quiz');
      const item = place && currentQuiz(context)[place.item];
      const last = item && lastChoice(context.progress.answers, item.id);
      return place?.module === PRACTICE && !looking(context) && !!item && isComplete(item, last) && !isCorrect(item, last);
    },
    hasNextModule: ({ context }) => {
      const next = nextModule(context);
      return !!next && isModuleUnlocked(context.manifest, context.progress, next.id);
    },
  },
  actions: {
    startCourse: assign({
      progress: ({ context }) =>
        context.progress.place
          ? { ...context.progress, atWelcome: false }
          : withPlace(context.progress, { screen: 'lesson', module: context.manifest.modules[0].id, page: 0 }),
    }),
    openModule: assign({
      progress: ({ context, event }) => {
        if (event.type !== 'module.open') return context.progress;
        // Reopening the module you are in resumes where you were.
        if (context.progress.place?.module === event.module) return { ...context.progress, atWelcome: false };
        return withPlace(context.progress, { screen: 'lesson', module: event.module, page: 0 });
      },
    }),
    openNextModule: assign({
      progress: ({ context }) => withPlace(context.progress, { screen: 'lesson', module: nextModule(context)!.id, page: 0 }),
    }),
    goHome: assign({ progress: ({ context }) => ({ ...context.progress, atWelcome: true }), look: null }),
    visit: assign(({ context, event }) =>
      event.type === 'place.visit' ? visited(context, planVisit(context.manifest, context.progress, event.stop)) : {},
    ),
    lookStep: assign(({ context }, params: { by: 1 | -1 }) => visited(context, lookStep(context.manifest, context.progress, context.look!, params.by))),
    turnPage: assign({
      progress: ({ context }, params: { by: 1 | -1 }) => {
        const place = placeAs(context, 'lesson')!;
        return withPlace(context.progress, { ...place, page: place.page + params.by });
      },
    }),
    startQuiz: assign({ progress: ({ context }) => beginRound(context.progress, context.progress.place!.module) }),
    startFinal: assign({
      progress: ({ context }) =>
        // Coming back to an unfinished assessment resumes it; otherwise a new attempt draws new questions.
        isInFinal(context.progress)
          ? { ...context.progress, atWelcome: false }
          : beginRound(context.progress, FINAL),
    }),
    startPractice: assign({
      progress: ({ context }) => ({
        ...withPlace(context.progress, { screen: 'quiz', module: PRACTICE, item: 0, answered: false }),
        practice: dueItems(context.progress.review, context.today()).slice(0, PRACTICE_SIZE),
      }),
    }),
    recordAnswer: assign({
      progress: ({ context, event }) => {
        const place = placeAs(context, 'quiz')!;
        if (event.type !== 'quiz.answer') return context.progress;
        const item = currentQuiz(context)[place.item];
        const response = respond(context, item, event.choice);
        const earlier = context.progress.answers[item.id] ?? [];
        // A case's next step extends the attempt it belongs to; anything else is a new attempt.
        const continues = response.length > 1 && item.type === 'case';
        const attempts = [...(continues ? earlier.slice(0, -1) : earlier), response].slice(-MAX_ATTEMPTS);
        const answers = { ...context.progress.answers, [item.id]: attempts };
        const review = isComplete(item, response)
          ? scheduleAnswer(context.progress.review, item.id, isCorrect(item, response), context.today(), place.module === PRACTICE)
          : context.progress.review;
        return { ...withPlace(context.progress, { ...place, answered: true }), answers, review };
      },
    }),
    announceAnswer: emit(({ context }) => {
      const place = placeAs(context, 'quiz')!;
      const item = currentQuiz(context)[place.item];
      return { type: 'answered' as const, item, response: lastChoice(context.progress.answers, item.id)! };
    }),
    askAgain: assign({
      progress: ({ context }) => withPlace(context.progress, { ...placeAs(context, 'quiz')!, answered: false }),
    }),
    nextItem: assign({
      progress: ({ context }) => {
        const place = placeAs(context, 'quiz')!;
        return withPlace(context.progress, { ...place, item: place.item + 1, answered: false });
      },
    }),
    finishPractice: assign({
      progress: ({ context }) => withPlace(context.progress, { screen: 'summary', module: PRACTICE }),
    }),
    finishModule: assign({
      progress: ({ context }) => {
        const module = currentModule(context)!;
        const score = scoreItems(currentQuiz(context), context.progress.answers).percent;
        const progress = withPlace(context.progress, { screen: 'summary', module: module.id });
        const saved = progress.modules[module.id];
        const best = Math.max(score, saved.best ?? 0);
        const modules = { ...progress.modules, [module.id]: { ...saved, score, best } };
        if (module.id !== FINAL) return { ...progress, modules };
        // A pass, once earned, is never taken back, nor is its date moved; the attempt's end starts the retake wait.
        const passed = progress.final?.passed === true || best >= context.manifest.final.passMark;
        const at = Math.floor(context.now() / 60_000);
        const passedAt = passed ? (finalPassedAt(progress) ?? at) : undefined;
        return { ...progress, modules, final: { score: best, passed, at, ...(passedAt !== undefined && { passedAt }) } };
      },
    }),
    mergeProgress: assign({
      progress: ({ context, event }) =>
        event.type === 'progress.merge' ? mergeProgress(context.progress, event.progress) : context.progress,
    }),
    replaceProgress: assign({
      progress: ({ context, event }) =>
        event.type === 'progress.replace' ? { ...event.progress, lang: context.progress.lang, atWelcome: true } : context.progress,
    }),
    setLanguage: assign({
      progress: ({ context, event }) => (event.type === 'lang.set' ? { ...context.progress, lang: event.lang } : context.progress),
    }),
  },
}).createMachine({
  id: 'course',
  context: ({ input }) => ({
    manifest: input.manifest,
    progress: input.progress,
    today: input.today ?? (() => dayNumber(new Date())),
    now: input.now ?? Date.now,
    look: null,
  }),
  initial: 'routing',
  on: {
    'lang.set': { actions: 'setLanguage' },
    'course.home': { target: '.welcome', actions: 'goHome' },
    'progress.merge': { actions: 'mergeProgress' },
    'progress.replace': { target: '.routing', actions: 'replaceProgress' },
    'place.visit': { guard: 'canVisit', target: '.routing', actions: 'visit' },
    // Previous / Next on an earlier screen the learner went back to (the states below handle them otherwise).
    'page.next': { guard: { type: 'canLook', params: { by: 1 } }, target: '.routing', actions: { type: 'lookStep', params: { by: 1 } } },
    'page.back': { guard: { type: 'canLook', params: { by: -1 } }, target: '.routing', actions: { type: 'lookStep', params: { by: -1 } } },
  },
  states: {
    routing: {
      // Transient: shows the screen that the Progress record says the learner is on. (comments, not `description`: those ship in the bundle)
      always: [
        { guard: 'isAtLesson', target: 'lesson' },
        { guard: 'isAtQuestion', target: 'quiz.question' },
        { guard: 'isAtFeedback', target: 'quiz.feedback' },
        { guard: 'isAtSummary', target: 'summary' },
        { target: 'welcome' },
      ],
    },
    welcome: {
      on: {
        'course.start': { target: 'routing', actions: 'startCourse' },
        'final.start': { guard: 'canStartFinal', target: 'routing', actions: 'startFinal' },
        'practice.start': { guard: 'hasDueReview', target: 'quiz', actions: 'startPractice' },
        'module.open': { guard: 'isUnlocked', target: 'routing', actions: 'openModule' },
      },
    },
    lesson: {
      on: {
        'page.next': [
          { guard: 'hasNextPage', actions: { type: 'turnPage', params: { by: 1 } } },
          { guard: 'hasQuiz', target: 'quiz', actions: 'startQuiz' },
          { target: 'summary', actions: 'finishModule' },
        ],
        'page.back': { guard: 'hasPreviousPage', actions: { type: 'turnPage', params: { by: -1 } } },
      },
    },
    quiz: {
      initial: 'question',
      states: {
        question: {
          // Nothing reveals the answer until the learner commits to a choice; in the final, not until its result.
          on: {
            'quiz.answer': [
              { guard: and(['isOffered', 'isInFinal', 'hasNextItem']), target: 'question', reenter: true, actions: ['recordAnswer', 'announceAnswer', 'nextItem'] },
              { guard: and(['isOffered', 'isInFinal']), target: '#course.summary', actions: ['recordAnswer', 'announceAnswer', 'finishModule'] },
              { guard: 'isOffered', target: 'feedback', actions: ['recordAnswer', 'announceAnswer'] },
            ],
          },
        },
        feedback: {
          on: {
            'page.next': [
              { guard: { type: 'canLook', params: { by: 1 } }, target: '#course.routing', actions: { type: 'lookStep', params: { by: 1 } } },
              { guard: 'hasNextStep', target: 'question', actions: 'askAgain' },
              { guard: 'hasNextItem', target: 'question', actions: 'nextItem' },
              { guard: 'isPractising', target: '#course.summary', actions: 'finishPractice' },
              { target: '#course.summary', actions: 'finishModule' },
            ],
            'quiz.again': { guard: 'canTryAgain', target: 'question', actions: 'askAgain' },
          },
        },
      },
    },
    summary: {
      on: {
        'quiz.retry': { guard: 'canRetry', target: 'quiz', actions: 'startQuiz' },
        'module.next': { guard: 'hasNextModule', target: 'lesson', actions: 'openNextModule' },
        'final.start': { guard: 'canStartFinal', target: 'routing', actions: 'startFinal' },
      },
    },
  },
});
