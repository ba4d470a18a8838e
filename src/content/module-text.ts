import { useEffect, useState } from 'react';
import { loadModuleText } from 'virtual:berdaya/course';
import type { Lang, ModuleText } from './types.ts';

/** Module chunks already loaded (or loading), so a page turn or language switch shows text at once. */
const loaded = new Map<string, ModuleText>();
const pending = new Map<string, Promise<ModuleText>>();

const keyOf = (moduleId: string, lang: Lang) => `${moduleId}.${lang}`;

export function fetchModuleText(moduleId: string, lang: Lang): Promise<ModuleText> {
  const key = keyOf(moduleId, lang);
  const done = loaded.get(key);
  if (done) return Promise.resolve(done);
  let promise = pending.get(key);
  if (!promise) {
    promise = loadModuleText(moduleId, lang).then(
      (text) => {
        loaded.set(key, text);
        pending.delete(key);
        return text;
      },
      (error: unknown) => {
        pending.delete(key); // a later retry tries the network again
        throw error;
      },
    );
    pending.set(key, promise);
  }
  return promise;
}

export type ModuleTextState = { text?: ModuleText; failed: boolean; retry: () => void };

export function useModuleText(moduleId: string, lang: Lang): ModuleTextState {
  const key = keyOf(moduleId, lang);
  const [, rerender] = useState(0);
  const [failedKey, setFailedKey] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const text = loaded.get(key);

  useEffect(() => {
    if (loaded.has(key)) return;
    let live = true;
    fetchModuleText(moduleId, lang).then(
      () => live && rerender((n) => n + 1),
      () => live && setFailedKey(key),
    );
    return () => {
      live = false;
    };
  }, [key, moduleId, lang, attempt]);

  return {
    text,
    failed: !text && failedKey === key,
    retry: () => {
      setFailedKey(null);
      setAttempt((n) => n + 1);
    },
  };
}
