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
  modules: z.array(z.string(), { error: 'expected a list of module folder names' }).min(1, 'is empty: list at least one module'),
  mastery: z.number({ error: 'expected a percentage from 1 to 100' }).int().min(1).max(100).default(80),
  gating: z.enum(['open', 'strict'], { error: 'expected open or strict' }).default('open'),
  final: z
    .strictObject({
      passMark: z.number({ error: 'expected a percentage from 1 to 100' }).int().min(1).max(100).default(75),
      perLevel: z.number({ error: 'expected how many scenarios per level' }).int().min(1).default(4),
      strategies: z.number({ error: 'expected how many change-strategy scenarios' }).int().min(0).default(3),
    })
    .default({ passMark: 75, perLevel: 4, strategies: 3 }),
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
  quiz: z.strictObject({ size: z.number({ error: 'expected how many questions a quiz round asks' }).int().positive() }).optional(),
});

export const glossarySchema = z.array(
  z.strictObject({ id: itemId, term: localized, definition: localized }),
  { error: 'expected a YAML list of terms (each starting with "- id:")' },
);

const common = {
  id: itemId,
  module: z.string({ error: 'expected a module folder name' }).optional(),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'expected 1, 2 or 3' }),
  tricky: z.boolean({ error: 'expected true or false' }).default(false),
  tags: z.array(z.string()).default([]),
  text: localized,
  rationale: localized,
  misconceptions: z.record(z.string(), localized, { error: 'expected one entry per wrong option' }),
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

export const itemSchema = z.discriminatedUnion(
  'type',
  [
    classify('classify-level', LEVELS),
    classify('classify-strategy', STRATEGIES),
    z.strictObject({
      ...common,
      type: z.literal('choice'),
      options: z.partialRecord(z.enum(['a', 'b', 'c', 'd'], { error: 'expected option keys a, b, c, d' }), localized),
      answer: z.enum(['a', 'b', 'c', 'd'], { error: 'expected one of the option keys a, b, c, d' }),
      cues: cues.optional(),
    }),
  ],
  { error: 'type: expected classify-level, classify-strategy or choice' },
);

export const scenarioFileSchema = z.array(z.unknown(), { error: 'expected a YAML list of items (each starting with "- id:")' });

export type CourseSource = z.infer<typeof courseSchema>;
export type ModuleSource = z.infer<typeof moduleSchema>;
export type ItemSource = z.infer<typeof itemSchema>;
