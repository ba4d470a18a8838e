import { describe, expect, it } from 'vitest';
import { createI18n, formatNumber, LANGUAGE_NAMES, loadStrings, resolveLanguage } from '../../src/i18n/i18n.ts';
import '../../src/trainer/trainer-strings.ts'; // class mode registers its namespace when it loads
import { namespaces, trainerStrings, uiStrings } from '../ui-strings.ts';
import enPage from '../../locales/en/page.json';
import idPage from '../../locales/id/page.json';

const leaves = (obj: object, prefix = ''): [string, string][] =>
  Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v as string]]));

describe.each([
  ['UI strings', uiStrings, ['certificate.scoreValue', 'levels.groupwork', 'levelsShort.groupwork']], // "Groupwork (mezzo)" and "Mezzo" are the terms in both languages; a score reads "80%" in both
  ['page strings (around the app: no script, cannot start)', { id: idPage, en: enPage }, []],
  ['class mode strings', trainerStrings, ['keys.backKeys', 'keys.escapeKeys', 'keys.fullscreenKeys', 'keys.helpKeys', 'keys.voteKeys', 'plan.contrastOption', 'summary.number', 'cohort.moduleShort', 'cohort.skipped']], // key names, numbers, "M4", "file: reason"
] as const)('%s', (_, { id, en }, sameInBoth) => {
  it('exist in both languages with the same keys and placeholders', () => {
    // Plural forms differ by language (Indonesian has one, English two): compare keys without them.
    const plural = /_(zero|one|two|few|many|other)$/;
    const byKey = (strings: object) => {
      const out: Record<string, string[]> = {};
      for (const [key, text] of leaves(strings)) (out[key.replace(plural, '')] ??= []).push(text);
      return out;
    };
    const idKeys = byKey(id);
    const enKeys = byKey(en);
    expect(Object.keys(enKeys).sort()).toEqual(Object.keys(idKeys).sort());
    const vars = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const [key, texts] of Object.entries(idKeys)) {
      for (const text of [...texts, ...enKeys[key]]) {
        expect(text.trim(), key).not.toBe('');
        expect(vars(text), key).toEqual(vars(texts[0]));
      }
    }
  });

  it('have every plural form each language needs', () => {
    for (const [lang, strings] of [['id', id], ['en', en]] as const) {
      const keys = leaves(strings).map(([key]) => key);
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const key of keys.filter((k) => k.endsWith('_other'))) {
        for (const form of forms) expect(keys, `${lang} ${key}`).toContain(key.replace(/_other$/, `_${form}`));
      }
    }
  });

  it('are translated, not copied, except terms written the same in both languages', () => {
    const same = leaves(id).filter(([key, text]) => Object.fromEntries(leaves(en))[key] === text).map(([key]) => key);
    expect(same.sort()).toEqual([...sameInBoth].sort());
  });
});

describe('UI string namespaces', () => {
  it('load for each language and namespace', async () => {
    for (const lang of ['id', 'en'] as const) {
      for (const ns of ['ui', 'course', 'trainer'] as const) expect(await loadStrings(lang, ns)).toEqual(namespaces[lang][ns]);
    }
  });

  it('keep the two namespaces apart, so each key lives in one place', () => {
    const keys = (obj: object) => leaves(obj).map(([k]) => k);
    const shared = keys(namespaces.id.ui).filter((k) => keys(namespaces.id.course).includes(k));
    expect(shared).toEqual([]);
  });

  it('name each language in its own language', () => {
    expect(LANGUAGE_NAMES).toEqual({ id: 'Bahasa Indonesia', en: 'English' });
  });
});

describe('starting language', () => {
  it('is Indonesian by default', () => {
    expect(resolveLanguage({})).toBe('id');
    expect(resolveLanguage({ browser: ['fr-FR', 'de'] })).toBe('id');
  });
  it('follows the browser when it prefers a language we have', () => {
    expect(resolveLanguage({ browser: ['en-GB', 'id'] })).toBe('en');
  });
  it('prefers the saved choice over the browser, and ?lang= over both', () => {
    expect(resolveLanguage({ saved: 'id', browser: ['en-US'] })).toBe('id');
    expect(resolveLanguage({ query: 'en', saved: 'id', browser: ['id'] })).toBe('en');
    expect(resolveLanguage({ query: 'xx', saved: 'en' })).toBe('en');
  });
  it('takes the language a page names (en/index.html) after the saved choice and before the browser', () => {
    expect(resolveLanguage({ page: 'en', browser: ['id-ID'] })).toBe('en');
    expect(resolveLanguage({ page: 'en', saved: 'id', browser: ['en'] })).toBe('id');
    expect(resolveLanguage({ query: 'id', page: 'en' })).toBe('id');
  });
});

describe('numbers in strings', () => {
  it.each([0, 7, 42, 999, 1000, 12345, 7.8, 0.25, -3, 2.5e6])('%s is written as the language writes it, in both languages', (n) => {
    for (const lang of ['id', 'en'] as const) expect(formatNumber(n, lang)).toBe(new Intl.NumberFormat(lang).format(n));
  });

  it('are written the learner\'s way when interpolated', () => {
    const strings = { ui: { n: 'Nilai {{value}} dari {{total}}, modul {{module}}' } };
    const say = (lang: 'id' | 'en') => (createI18n(lang, { [lang]: strings }).t as (key: string, options: object) => string)('n', { value: 7.8, total: 1000, module: 4 });
    expect(say('id')).toBe('Nilai 7,8 dari 1.000, modul 4');
    expect(say('en')).toBe('Nilai 7.8 dari 1,000, modul 4');
  });
});
