import { useEffect, useState } from 'react';
import { fetchModuleText } from '../content/module-text.ts';
import type { Lang, ModuleText } from '../content/types.ts';

export type TextsByModule = Partial<Record<Lang, Record<string, ModuleText>>>;

/**
 * The text chunks of the given modules in the given languages (the same lazily loaded chunks the
 * learner's course uses). `texts` is undefined until all have loaded; a failure offers a retry.
 */
export function useClassTexts(modules: readonly string[], langs: readonly Lang[]) {
  const key = `${[...new Set(modules)].sort().join(',')}|${langs.join(',')}`;
  const [state, setState] = useState<{ key: string; texts?: TextsByModule; failed: boolean }>({ key: '', failed: false });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    const [ids, languages] = key.split('|').map((list) => (list ? list.split(',') : []));
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
  }, [key, attempt]);
  const current = state.key === key;
  return { texts: current ? state.texts : undefined, failed: current && state.failed, retry: () => setAttempt((n) => n + 1) };
}
