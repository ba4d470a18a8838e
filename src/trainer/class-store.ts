import type { Lang } from '../content/types.ts';
import type { ClassItem, PlanSettings } from './class-plan.ts';
import type { Session, Step } from './class-machine.ts';
import { readSettings } from './plan-file.ts';
import { clampVotes } from './class-summary.ts';

/** What class mode keeps on the device: the plan being made and the session being run. */
export interface ClassRecord {
  settings: PlanSettings;
  session: Session | null;
}

const VERSION = 1;
export const classKey = (courseId: string) => `berdaya:${courseId}:class`;

const STEPS: readonly Step[] = ['vote', 'reveal', 'summary'];

/** A saved session that still fits the course, or null: items it no longer has are dropped with their votes. */
function readSession(raw: unknown, bank: readonly ClassItem[]): Session | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Partial<Record<keyof Session, unknown>>;
  if (!Array.isArray(s.items) || !STEPS.includes(s.step as Step)) return null;
  const byCode = new Map(bank.map((item) => [item.code, item]));
  const items = s.items.filter((code): code is string => typeof code === 'string' && byCode.has(code));
  if (!items.length) return null;
  const saved = (typeof s.votes === 'object' && s.votes) || {};
  const votes = Object.fromEntries(items.map((code) => {
    const counts = (saved as Record<string, unknown>)[code];
    return [code, byCode.get(code)!.options.map((_, i) => clampVotes(Array.isArray(counts) ? Number(counts[i]) : 0))];
  }));
  const index = typeof s.index === 'number' && Number.isInteger(s.index) ? Math.min(Math.max(0, s.index), items.length - 1) : 0;
  const skipped = Array.isArray(s.skipped) ? s.skipped.filter((code) => items.includes(code)) : [];
  return { items, index, step: s.step as Step, votes, skipped };
}

/**
 * The saved plan and session, checked against the course (a first plan shows scenarios in `lang`). `unreadable` says the saved data was
 * there but could not be used (the trainer is told; the data is left as it is until a new save).
 */
export function loadClass(storage: Storage | undefined, courseId: string, bank: readonly ClassItem[], seed: string, lang: Lang): ClassRecord & { unreadable: boolean } {
  const fresh = { ...readSettings(null, seed), show: lang };
  let text: string | null = null;
  try {
    text = storage?.getItem(classKey(courseId)) ?? null;
  } catch {
    /* storage blocked: start fresh */
  }
  if (!text) return { settings: fresh, session: null, unreadable: false };
  try {
    const raw = JSON.parse(text) as { v?: unknown; settings?: unknown; session?: unknown };
    if (raw.v !== VERSION) throw new Error('unknown version');
    return { settings: readSettings(raw.settings, seed), session: readSession(raw.session, bank), unreadable: false };
  } catch {
    return { settings: fresh, session: null, unreadable: true };
  }
}

/** Saves after every change; false when the device refuses (full, or private browsing). */
export function saveClass(storage: Storage | undefined, courseId: string, record: ClassRecord): boolean {
  try {
    storage?.setItem(classKey(courseId), JSON.stringify({ v: VERSION, ...record }));
    return !!storage;
  } catch {
    return false;
  }
}
