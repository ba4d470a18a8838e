import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import { classBank, choosePlan, contrastSets, defaultSettings, filterBank, planItems, settingsInUse, type PlanSettings } from '../../src/trainer/class-plan.ts';
import { decodePlan, encodePlan, MAX_PLAN_CHARS, PLAN_FORMAT } from '../../src/trainer/plan-file.ts';
import { classKey, loadClass, saveClass } from '../../src/trainer/class-store.ts';

const { manifest, facts } = compileContent(path.resolve('lessons'));
const bank = classBank(manifest);
const settings = (change: Partial<PlanSettings> = {}): PlanSettings => ({ ...defaultSettings('seed-1'), ...change });
const counts = (list: readonly { answer: string }[]) => list.reduce<Record<string, number>>((n, i) => ({ ...n, [i.answer]: (n[i.answer] ?? 0) + 1 }), {});

describe('choosing a class session', () => {
  it('offers only single questions, in course order, and 8 of them by default', () => {
    expect(bank.length).toBeGreaterThan(100);
    expect(bank.every((item) => !item.parts)).toBe(true);
    const order = manifest.modules.map((m) => m.id);
    expect(bank.map((i) => order.indexOf(i.module))).toEqual([...bank.map((i) => order.indexOf(i.module))].sort((a, b) => a - b));
    expect(planItems(bank, facts, settings())).toEqual(bank.slice(0, 8));
  });

  it('filters by module, level or strategy, difficulty, tricky, setting and contrast set', () => {
    const levels = manifest.modules.find((m) => m.id === '04-intervention-levels')!;
    expect(filterBank(bank, facts, settings({ module: levels.id })).map((i) => i.code)).toEqual(levels.items.filter((i) => !i.parts).map((i) => i.code));
    expect(filterBank(bank, facts, settings({ focus: 'groupwork' })).every((i) => i.type === 'classify-level' && i.answer === 'groupwork')).toBe(true);
    expect(filterBank(bank, facts, settings({ focus: 'strategies' })).every((i) => i.type === 'classify-strategy')).toBe(true);
    expect(filterBank(bank, facts, settings({ focus: 'concepts' })).every((i) => i.type === 'choice')).toBe(true);
    const hard = filterBank(bank, facts, settings({ difficulty: 3 }));
    expect(hard.length).toBeGreaterThan(0);
    expect(hard.every((i) => facts[i.code].difficulty === 3)).toBe(true);
    const tricky = filterBank(bank, facts, settings({ trickyOnly: true }));
    expect(tricky.length).toBeGreaterThan(0);
    expect(tricky.every((i) => facts[i.code].tricky)).toBe(true);
    expect(settingsInUse(bank, facts)).toContain('village');
    expect(filterBank(bank, facts, settings({ setting: 'village' })).every((i) => facts[i.code].tags.includes('village'))).toBe(true);
    const [first] = contrastSets(bank, facts);
    expect(first.items.length).toBeGreaterThanOrEqual(2);
    expect(filterBank(bank, facts, settings({ contrast: first.id }))).toEqual(first.items);
    // Filters combine: fewer or the same, never more.
    expect(filterBank(bank, facts, settings({ module: levels.id, difficulty: 3 })).length).toBeLessThanOrEqual(filterBank(bank, facts, settings({ difficulty: 3 })).length);
  });

  it('balances a shuffled session across answers, the same for the same seed', () => {
    const pool = filterBank(bank, facts, settings({ focus: 'levels' }));
    const drawn = choosePlan(pool, 9, 'balanced', 'abc');
    expect(Object.values(counts(drawn))).toEqual([3, 3, 3]);
    expect(new Set(drawn.map((i) => i.code)).size).toBe(9);
    expect(choosePlan(pool, 9, 'balanced', 'abc')).toEqual(drawn);
    expect(choosePlan(pool, 9, 'balanced', 'xyz').map((i) => i.code)).not.toEqual(drawn.map((i) => i.code));
    expect(drawn.map((i) => i.code)).not.toEqual(pool.slice(0, 9).map((i) => i.code));
  });

  it('never asks for more than the pool holds, nor fewer than one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 200 }), fc.constantFrom('listed' as const, 'balanced' as const), fc.string(), (count, order, seed) => {
        const pool = bank.slice(0, 12);
        const drawn = choosePlan(pool, count, order, seed);
        expect(drawn.length).toBe(Math.min(12, Math.max(1, count || 8), 40));
        expect(new Set(drawn).size).toBe(drawn.length);
      }),
    );
  });
});

describe('plan files', () => {
  const items = planItems(bank, facts, settings({ order: 'balanced', count: 6, show: 'both', timer: true }));

  it('round-trips: the same scenarios in the same order, and the settings', () => {
    const text = encodePlan(manifest.id, settings({ order: 'balanced', count: 6, show: 'both', timer: true }), items);
    const decoded = decodePlan(text, manifest.id, bank);
    expect(decoded).toMatchObject({ ok: true, unknown: [], settings: { order: 'balanced', count: 6, show: 'both', timer: true, seed: 'seed-1' } });
    if (!decoded.ok) throw new Error('not decoded');
    expect(decoded.items).toEqual(items);
    expect(planItems(bank, facts, decoded.settings)).toEqual(items);
    expect(text.length).toBeLessThan(1024);
  });

  const plan = (fields: Record<string, unknown>) => JSON.stringify({ format: PLAN_FORMAT, v: 1, course: manifest.id, settings: {}, items: items.map((i) => i.code), ...fields });

  it('refuses what is not a plan, says which, and never throws', () => {
    for (const text of ['', 'not json', '[]', 'null', '42', '{"format":"something-else","v":1,"items":[]}', '{"progress":{}}', plan({ items: 'abc' })]) {
      expect(decodePlan(text, manifest.id, bank), text).toEqual({ ok: false, error: 'notPlan' });
    }
    expect(decodePlan(plan({ course: 'another-course' }), manifest.id, bank)).toEqual({ ok: false, error: 'otherCourse' });
    expect(decodePlan(plan({ v: 2 }), manifest.id, bank)).toEqual({ ok: false, error: 'newer' });
    expect(decodePlan(' '.repeat(MAX_PLAN_CHARS + 1), manifest.id, bank)).toEqual({ ok: false, error: 'tooBig' });
  });

  it('lists and skips scenarios the course no longer has', () => {
    const decoded = decodePlan(plan({ items: ['gone1', items[0].code, 'gone2', items[1].code] }), manifest.id, bank);
    expect(decoded).toMatchObject({ ok: true, unknown: ['gone1', 'gone2'] });
    if (decoded.ok) expect(decoded.items).toEqual(items.slice(0, 2));
    expect(decodePlan(plan({ items: ['gone1', 7, null] }), manifest.id, bank)).toEqual({ ok: false, error: 'noScenarios', unknown: ['gone1', '7', 'null'] });
  });

  it('keeps only sensible settings from a hand-edited file, and at most 40 scenarios', () => {
    const text = plan({ settings: { count: 1e9, order: 'chaos', show: '<script>', timer: 'yes', difficulty: 7, focus: 'constructor' }, items: [...bank, ...bank].map((i) => i.code) })
      .replace('"settings":{', '"settings":{"__proto__":{"polluted":true},');
    const decoded = decodePlan(text, manifest.id, bank);
    expect(decoded).toMatchObject({ ok: true, settings: { count: 8, order: 'listed', show: 'id', timer: false, difficulty: 0, focus: '' } });
    if (decoded.ok) expect(decoded.items).toHaveLength(40);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('class mode on this device', () => {
  const storage = () => {
    const data = new Map<string, string>();
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data } as unknown as Storage & { data: Map<string, string> };
  };
  const session = { items: [bank[0].code, bank[1].code], index: 1, step: 'reveal' as const, votes: { [bank[0].code]: [1, 2, 3, 4].slice(0, bank[0].options.length) }, skipped: [bank[1].code] };

  it('keeps the plan and the session, ids and numbers only', () => {
    const store = storage();
    expect(saveClass(store, manifest.id, { settings: settings({ show: 'en' }), session })).toBe(true);
    const loaded = loadClass(store, manifest.id, bank, 'fresh', 'id');
    expect(loaded).toMatchObject({ unreadable: false, settings: { show: 'en', seed: 'seed-1' }, session: { ...session, votes: { [bank[0].code]: session.votes[bank[0].code] } } });
    expect(loaded.session!.votes[bank[1].code]).toEqual(bank[1].options.map(() => 0));
  });

  it('starts a fresh plan in the trainer’s language when nothing is saved', () => {
    expect(loadClass(storage(), manifest.id, bank, 'fresh', 'en')).toEqual({ settings: { ...defaultSettings('fresh'), show: 'en' }, session: null, unreadable: false });
  });

  it('says so when the saved data cannot be read, and drops scenarios the course no longer has', () => {
    const store = storage();
    store.setItem(classKey(manifest.id), '{broken');
    expect(loadClass(store, manifest.id, bank, 'fresh', 'id')).toMatchObject({ unreadable: true, session: null });
    store.setItem(classKey(manifest.id), JSON.stringify({ v: 1, session: { ...session, items: ['gone1', bank[1].code], index: 5, votes: { [bank[1].code]: [-4, 'x', 1e9] } } }));
    const loaded = loadClass(store, manifest.id, bank, 'fresh', 'id');
    expect(loaded.session).toMatchObject({ items: [bank[1].code], index: 0 });
    expect(loaded.session!.votes[bank[1].code].slice(0, 3)).toEqual([0, 0, 999]);
  });
});
