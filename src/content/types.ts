/** Shapes shared by the build-time content compiler and the app. */

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Localized<T = string> = Record<Lang, T>;

export const LEVELS = ['casework', 'groupwork', 'systemic'] as const;
export const STRATEGIES = ['locality', 'planning', 'action'] as const;
export const ITEM_TYPES = ['classify-level', 'classify-strategy', 'choice', 'sort', 'case'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
/** The kinds of single question: a whole item, or one case of a sort, or one step of a case. */
export type QuestionType = Exclude<ItemType, 'sort' | 'case'>;

/** One question: its option keys in display order and the right one. */
export interface PartSpec {
  type: QuestionType;
  options: string[];
  answer: string;
}

/**
 * Language-neutral structure of one quiz item: enough to score it. A `sort` (cases placed into
 * levels) or `case` (a story in steps) has `parts`; its response is one option index (base 36)
 * per part, e.g. "021", and `answer` is the right response. Other items are a single question.
 */
export interface ItemSpec {
  /** The author's id at build time; in the browser, the item's code (below), to keep the manifest small. */
  id: string;
  /** A stable 5-character code of the author's id (src/course/short-id.ts): what saved progress stores. */
  code: string;
  type: ItemType;
  /** Option keys in display order (empty for items with parts). */
  options: string[];
  answer: string;
  parts?: PartSpec[];
  /** Known at build time (content checks); not shipped to the browser, which does not use them yet. */
  difficulty?: 1 | 2 | 3;
  tricky?: boolean;
  /** The author's setting tags (build time only: the question-bank exports use them). */
  tags?: string[];
}

export interface ModuleSpec {
  /** The module's folder name under lessons/modules/. */
  id: string;
  number: number;
  minutes: number;
  pages: number;
  /** How many questions one quiz round draws from `items`. */
  quizSize: number;
  /** How many of them are sorts or cases, when not 1. */
  extended?: number;
  items: ItemSpec[];
}

/** The small, always-loaded description of the course: structure only, no words in any language. */
export interface CourseManifest {
  id: string;
  version: string;
  mastery: number;
  gating: 'open' | 'strict';
  /** The final assessment: pass mark (%), the mix it draws, and when it may be taken again. */
  final: {
    passMark: number;
    perLevel: number;
    strategies: number;
    /** Concept questions per module id; absent: 2 from every module that has concept questions. */
    concepts?: Record<string, number>;
    /** Hours from the end of an attempt until the next may start (0: at once). */
    retakeWait: number;
    /** Attempts a learner has; absent: no limit. */
    maxAttempts?: number;
  };
  modules: ModuleSpec[];
}

/** Learner-facing text of one item in one language; prose fields are sanitised HTML. */
export interface ItemText {
  text: string;
  options?: Record<string, string>;
  rationale: string;
  misconceptions: Record<string, string>;
  cues: string[];
  /** sort: one per case (rationale = why it belongs at its level); case: one per step. */
  parts?: PartText[];
}

export interface PartText {
  text: string;
  options?: Record<string, string>;
  rationale: string;
  misconceptions: Record<string, string>;
  /** case: what happens next in the story, shown after the step is answered. */
  then?: string;
}

/** One module's words in one language: a lazily loaded chunk. */
export interface ModuleText {
  objectives: string[];
  takeaways: string[];
  pages: { title: string; html: string }[];
  items: Record<string, ItemText>;
}

/** A trainer's notes for one module in one language (HTML). */
export interface FacilitatorText {
  minutes: number;
  prompt: string;
  activity: string;
  listenFor: string[];
  answers: string[];
}

export interface GlossaryEntry {
  id: string;
  /** Inline HTML (a term may be in italics). */
  term: string;
  /** Inline HTML. */
  definition: string;
}

/** What the welcome screen says about the course, in one language (outcomes are inline HTML). */
export interface WelcomeText {
  title: string;
  tagline: string;
  /** Who awards the certificate (course.yaml `issuer`). */
  issuer: string;
  outcomes: string[];
  /** Module titles by module id. */
  modules: Record<string, string>;
}

/** What a trainer picks scenarios by, per item code; a lazily loaded chunk of its own (class mode). */
export interface ItemFacts {
  difficulty?: 1 | 2 | 3;
  tricky?: true;
  tags: string[];
  /** Items sharing a contrast id show one situation handled at different levels. */
  contrast?: string;
}
