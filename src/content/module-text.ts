import { useEffect, useState } from 'react';
import { loadModuleText, loadReference, loadWelcome } from 'virtual:berdaya/course';
import type { FacilitatorText, GlossaryEntry, Lang, ModuleText, WelcomeText } from './types.ts';

/** Text chunks already loaded (or loading), so a page turn or language switch shows text at once. */
const loaded = new Map<string, unknown>();
const pending = new Map<string, Promise<unknown>>();

function fetchChunk<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (loaded.has(key)) return Promise.resolve(loaded.get(key) as T);
  let promise = pending.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = Promise.resolve().then(load).then(
      (value) => {
        loaded.set(key, value);
        pending.delete(key);
        return value;
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

/** Loaded before the first render (and before a language switch), so the welcome screen never waits. */
export const fetchWelcome = (lang: Lang) => fetchChunk(`welcome.${lang}`, () => loadWelcome(lang));

export const useWelcome = (lang: Lang): ChunkState<WelcomeText> => useChunk(`welcome.${lang}`, () => loadWelcome(lang));

export const fetchModuleText = (moduleId: string, lang: Lang) => fetchChunk(`${moduleId}.${lang}`, () => loadModuleText(moduleId, lang));

/** A module's text if it is already loaded (no fetch): for reports that must not wait for the network. */
export const loadedModuleText = (moduleId: string, lang: Lang) => loaded.get(`${moduleId}.${lang}`) as ModuleText | undefined;

export type ChunkState<T> = { text?: T; failed: boolean; retry: () => void };

/** A lazily loaded text chunk for React: available at once when cached, with a retry after failure. */
function useChunk<T>(key: string, load: () => Promise<T>): ChunkState<T> {
  const [, rerender] = useState(0);
  const [failedKey, setFailedKey] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const text = loaded.get(key) as T | undefined;

  useEffect(() => {
    if (loaded.has(key)) return;
    let live = true;
    fetchChunk(key, load).then(
      () => live && rerender((n) => n + 1),
      () => live && setFailedKey(key),
    );
    return () => {
      live = false;
    };
    // `load` is derived from `key`: a new key is a new chunk.
  }, [key, attempt]);

  return {
    text,
    failed: !text && failedKey === key,
    retry: () => {
      setFailedKey(null);
      setAttempt((n) => n + 1);
    },
  };
}

export const useModuleText = (moduleId: string, lang: Lang): ChunkState<ModuleText> =>
  useChunk(`${moduleId}.${lang}`, () => loadModuleText(moduleId, lang));

export const useGlossary = (lang: Lang): ChunkState<GlossaryEntry[]> =>
  useChunk(`glossary.${lang}`, () => loadReference('glossary', lang));

export const useFacilitatorNotes = (lang: Lang): ChunkState<Record<string, FacilitatorText>> =>
  useChunk(`facilitator.${lang}`, () => loadReference('facilitator', lang));

/** Course and module titles in the current language (loaded at start-up and before a language switch). */
export function useTitles(lang: Lang) {
  const text = loaded.get(`welcome.${lang}`) as WelcomeText | undefined;
  return { course: text?.title ?? '', module: (id: string) => text?.modules[id] ?? '' };
}
