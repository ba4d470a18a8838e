import { z } from 'zod';
import { LEVELS, STRATEGIES } from '../../src/content/types.ts';

/** One schema for everything authors write. Messages say what is expected, in plain words. */

const text = z.string({ error: 'expected text' }).trim().min(1, 'is empty: write the text');
const localized = z.strictObject({ id: text, en: text });
const textList = z.array(text, { error: 'expected a list of text lines' }).min(1, 'is empty: add at least one line');
const localizedList = z.strictObject({ id: textList, en: textList });
const itemId = z
  .string({ error: 'expected an id' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lowercase letters, digits and dashes, e.g. lvl-pkh-home-visit');

export const courseSchema = z.strictObject({
  id: itemId,
  version: z.string({ error: 'expected a version such as 0.1.0' }).regex(/^\d+\.\d+\.\d+$/, 'expected a version such as 0.1.0'),
  title: localized,
  tagline: localized,
  outcomes: localizedList,
  /** Who awards the certificate: an agency running the course writes its own name here. */
  issuer: localized.default({ id: 'Proyek sumber terbuka Berdaya', en: 'The Berdaya open-source project' }),
  modules: z.array(z.string(), { error: 'expected a list of module folder names' }).min(1, 'is empty: list at least one module'),
  mastery: z.number({ error: 'expected a percentage from 1 to 100' }).int().min(1).max(100).default(80),
  gating: z.enum(['open', 'strict'], { error: 'expected open or strict' }).default('open'),
  final: z
    .strictObject({
      passMark: z.number({ error: 'expected a percentage from 1 to 100' }).int().min(1).max(100).default(75),
      perLevel: z.number({ error: 'expected how many scenarios per level' }).int().min(1).default(4),
      strategies: z.number({ error: 'expected how many change-strategy scenarios' }).int().min(0).default(3),
      concepts: z
        .record(z.string(), z.number({ error: 'expected how many concept questions from this module' }).int().min(0), {
          error: 'expected module folder names with a number each, e.g.\n  concepts:\n    01-welfare-mandate: 2',
        })
        .optional(),
      retakeWait: z.number({ error: 'expected the hours to wait before another attempt, e.g. 24 (0: no wait)' }).min(0).default(0),
      maxAttempts: z.number({ error: 'expected how many attempts a learner has, e.g. 3 (leave it out: no limit)' }).int().min(1, 'expected at least 1 attempt (leave it out: no limit)').optional(),
    })
    .default({ passMark: 75, perLevel: 4, strategies: 3, retakeWait: 0 }),
});

export const facilitatorSchema = z.strictObject({
  minutes: z.number({ error: 'expected the activity length in minutes' }).int().positive(),
  prompt: localized,
  activity: localized,
  listenFor: localizedList,
  answers: localizedList,
});

export const moduleSchema = z.strictObject({
  number: z.number({ error: 'expected a whole number' }).int().positive(),
  minutes: z.number({ error: 'expected minutes as a whole number' }).int().positive(),
  title: localized,
  objectives: localizedList,
  takeaways: localizedList,
  facilitator: facilitatorSchema,
  quiz: z
    .strictObject({
      size: z.number({ error: 'expected how many questions a quiz round asks' }).int().positive().optional(),
      extended: z.number({ error: 'expected how many sorts or cases a quiz round asks' }).int().min(0).optional(),
    })
    .optional(),
});

export const glossarySchema = z.array(
  z.strictObject({ id: itemId, term: localized, definition: localized }),
  { error: 'expected a YAML list of terms (each starting with "- id:")' },
);

const misconceptions = z.record(z.string(), localized, { error: 'expected one entry per wrong option' });

const common = {
  id: itemId,
  module: z.string({ error: 'expected a module folder name' }).optional(),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'expected 1, 2 or 3' }),
  tricky: z.boolean({ error: 'expected true or false' }).default(false),
  tags: z.array(z.string()).default([]),
  text: localized,
  rationale: localized,
  misconceptions,
  /** Items sharing a contrast id show one situation handled at different levels. */
  contrast: itemId.optional(),
};

const cues = z.strictObject({ id: textList, en: textList });

const classify = <T extends string, K extends readonly [string, ...string[]]>(type: T, keys: K) =>
  z.strictObject({
    ...common,
    type: z.literal(type),
    answer: z.enum(keys, { error: `expected one of: ${keys.join(', ')}` }),
    cues,
  });

const choiceKey = z.enum(['a', 'b', 'c', 'd'], { error: 'expected one of the option keys a, b, c, d' });
const choiceOptions = z.partialRecord(z.enum(['a', 'b', 'c', 'd'], { error: 'expected option keys a, b, c, d' }), localized);
const { misconceptions: _perOption, ...shared } = common;

/** One step of a `case`: a question of its own, then what happens next in the story. */
const caseStep = z.strictObject({
  kind: z.enum(['level', 'strategy', 'choice'], { error: 'expected level, strategy or choice' }),
  prompt: localized,
  options: choiceOptions.optional(),
  answer: z.string({ error: 'expected the right option' }),
  rationale: localized,
  misconceptions,
  then: localized,
});

export const itemSchema = z.discriminatedUnion(
  'type',
  [
    classify('classify-level', LEVELS),
    classify('classify-strategy', STRATEGIES),
    z.strictObject({
      ...common,
      type: z.literal('choice'),
      options: choiceOptions,
      answer: choiceKey,
      cues: cues.optional(),
    }),
    z.strictObject({
      ...shared,
      type: z.literal('sort'),
      cases: z
        .array(z.strictObject({ answer: z.enum(LEVELS, { error: `expected one of: ${LEVELS.join(', ')}` }), text: localized, why: localized }), { error: 'expected a list of cases' })
        .min(3, 'has too few cases: a sort needs 3 to 6')
        .max(6, 'has too many cases: a sort needs 3 to 6'),
    }),
    z.strictObject({
      ...shared,
      type: z.literal('case'),
      steps: z.array(caseStep, { error: 'expected a list of steps' }).min(2, 'has too few steps: a case needs 2 to 4').max(4, 'has too many steps: a case needs 2 to 4'),
    }),
  ],
  { error: 'type: expected classify-level, classify-strategy, choice, sort or case' },
);

export const scenarioFileSchema = z.array(z.unknown(), { error: 'expected a YAML list of items (each starting with "- id:")' });

export type CourseSource = z.infer<typeof courseSchema>;
export type ModuleSource = z.infer<typeof moduleSchema>;
export type ItemSource = z.infer<typeof itemSchema>;
