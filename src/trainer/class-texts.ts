import { useEffect, useMemo, useState } from 'react';
import { fetchModuleText, loadedModuleText } from '../content/module-text.ts';
import type { Lang, ModuleText } from '../content/types.ts';

export type TextsByModule = Partial<Record<Lang, Record<string, ModuleText>>>;

const parseKey = (key: string) => key.split('|').map((list) => (list ? list.split(',') : []));

/** The texts when every chunk is loaded already, else undefined. */
function loadedTexts(key: string): TextsByModule | undefined {
  const [ids, languages] = parseKey(key);
  const texts: TextsByModule = {};
  for (const lang of languages as Lang[]) {
    for (const id of ids) {
      const text = loadedModuleText(id, lang);
      if (!text) return undefined;
      (texts[lang] ??= {})[id] = text;
    }
  }
  return texts;
}

/**
 * The text chunks of the given modules in the given languages (the same lazily loaded chunks the
 * learner's course uses). `texts` is undefined until all have loaded; a failure offers a retry.
 * Chunks loaded already are there on the first render (the cohort view loads them while it reads
 * files, so its tables show in words at once, never codes first).
 */
export function useClassTexts(modules: readonly string[], langs: readonly Lang[]) {
  const key = `${[...new Set(modules)].sort().join(',')}|${langs.join(',')}`;
  const ready = useMemo(() => loadedTexts(key), [key]);
  const [state, setState] = useState<{ key: string; texts?: TextsByModule; failed: boolean }>({ key: '', failed: false });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (ready) return;
    let live = true;
    const [ids, languages] = parseKey(key);
    Promise.all(languages.flatMap((lang) => ids.map(async (id) => [lang, id, await fetchModuleText(id, lang as Lang)] as const))).then(
      (loaded) => {
        const texts: TextsByModule = {};
        for (const [lang, id, text] of loaded) (texts[lang as Lang] ??= {})[id] = text;
        if (live) setState({ key, texts, failed: false });
      },
      () => live && setState({ key, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt, ready]);
  const current = state.key === key;
  return { texts: ready ?? (current ? state.texts : undefined), failed: !ready && current && state.failed, retry: () => setAttempt((n) => n + 1) };
}
