import { FOCUSES, MAX_COUNT, SETTINGS, defaultSettings, type ClassItem, type PlanSettings } from './class-plan.ts';

/** The first field of every plan file: how a plan file is told from any other JSON. */
export const PLAN_FORMAT = 'berdaya-class-plan';
export const PLAN_VERSION = 1;
/** A plan of 40 scenarios is about 1 KB: anything far bigger is not a plan. */
export const MAX_PLAN_CHARS = 64 * 1024;

export interface PlanFile {
  format: typeof PLAN_FORMAT;
  v: number;
  course: string;
  settings: PlanSettings;
  /** The session's scenarios by code, in order. */
  items: string[];
}

export type PlanFileError = 'tooBig' | 'notPlan' | 'newer' | 'otherCourse' | 'noScenarios';

export type DecodedPlan =
  | { ok: true; settings: PlanSettings; items: ClassItem[]; unknown: string[] }
  | { ok: false; error: PlanFileError; unknown?: string[] };

export const encodePlan = (course: string, settings: PlanSettings, items: readonly ClassItem[]): string =>
  `${JSON.stringify({ format: PLAN_FORMAT, v: PLAN_VERSION, course, settings, items: items.map((i) => i.code) } satisfies PlanFile, null, 1)}\n`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const oneOf = <T>(list: readonly T[], value: unknown, fallback: T): T => (list.includes(value as T) ? (value as T) : fallback);

/** Keeps each known setting that has a sensible value; anything else falls back to the default. */
export function readSettings(raw: unknown, seed: string): PlanSettings {
  const base = defaultSettings(seed);
  if (!isRecord(raw)) return base;
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.length <= 80 ? value : fallback);
  const count = typeof raw.count === 'number' && Number.isInteger(raw.count) && raw.count > 0 && raw.count <= MAX_COUNT ? raw.count : base.count;
  return {
    module: text(raw.module, base.module),
    focus: oneOf(['', ...FOCUSES] as const, raw.focus, base.focus),
    difficulty: oneOf([0, 1, 2, 3] as const, raw.difficulty, base.difficulty),
    trickyOnly: raw.trickyOnly === true,
    setting: oneOf(['', ...SETTINGS] as const, raw.setting, base.setting),
    contrast: text(raw.contrast, base.contrast),
    count,
    order: oneOf(['listed', 'balanced'] as const, raw.order, base.order),
    seed: text(raw.seed, base.seed) || seed,
    show: oneOf(['id', 'en', 'both'] as const, raw.show, base.show),
    timer: raw.timer === true,
    picked: Array.isArray(raw.picked) ? raw.picked.filter((code): code is string => typeof code === 'string' && code.length <= 40).slice(0, MAX_COUNT) : null,
  };
}

/**
 * Reads a plan file a trainer opened. Anything that is not this course's plan is refused with the
 * reason; scenarios the course no longer has are listed and skipped. Never throws.
 */
export function decodePlan(text: string, course: string, bank: readonly ClassItem[]): DecodedPlan {
  if (text.length > MAX_PLAN_CHARS) return { ok: false, error: 'tooBig' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'notPlan' };
  }
  if (!isRecord(raw) || raw.format !== PLAN_FORMAT || typeof raw.v !== 'number' || !Array.isArray(raw.items)) return { ok: false, error: 'notPlan' };
  if (raw.v > PLAN_VERSION) return { ok: false, error: 'newer' };
  if (raw.course !== course) return { ok: false, error: 'otherCourse' };
  const byCode = new Map(bank.map((item) => [item.code, item]));
  const codes = [...new Set(raw.items.map((code) => String(code).slice(0, 40)))];
  const items = codes.flatMap((code) => byCode.get(code) ?? []).slice(0, MAX_COUNT);
  const unknown = codes.filter((code) => !byCode.has(code));
  if (!items.length) return { ok: false, error: 'noScenarios', unknown };
  return { ok: true, settings: { ...readSettings(raw.settings, 'plan'), picked: items.map((item) => item.code) }, items, unknown };
}
