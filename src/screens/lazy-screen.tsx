import type { i18n as I18n } from 'i18next';
import { startTransition, useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../content/types.ts';
import { loadNamespaces } from '../i18n/i18n.ts';
import { nextTask } from '../platform/next-task.ts';

/**
 * A screen whose code and `course` strings load on demand, so the welcome screen's first view
 * stays small. `preload` fetches both ahead of time; until they arrive the learner sees "Loading…",
 * and a failed download offers a retry.
 */
export function createLazyScreen<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, { quiet = false } = {}) {
  let Loaded: ComponentType<P> | undefined;
  // The code, then the strings, each in a task of its own (both fetched at once).
  const preload = (i18n: I18n) =>
    Promise.all([load().then((m) => void (Loaded = m.default)), nextTask().then(() => loadNamespaces(i18n, i18n.language as Lang, ['course']))]);

  function LazyScreen(props: P) {
    const { t, i18n } = useTranslation();
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    const ready = !!Loaded && i18n.hasResourceBundle(i18n.language, 'course');
    useEffect(() => {
      if (ready) return;
      let live = true;
      // In tasks of their own: a commit runs all its effects in one task, and adding a part's
      // scripts and stylesheet to the page is not small on a slow phone. The part then renders in
      // a transition, in slices, not in one task.
      nextTask()
        .then(() => (live ? preload(i18n) : undefined))
        .then(
          () => live && startTransition(() => setAttempt((n) => n + 1)),
          () => live && setFailed(true),
        );
      return () => {
        live = false;
      };
    }, [ready, i18n, attempt]);

    if (ready && Loaded) return <Loaded {...props} />;
    if (failed) {
      return (
        <div role="alert" className="notice notice--error">
          <p>{t('errors.textFailed')}</p>
          <button type="button" onClick={() => (setFailed(false), setAttempt((n) => n + 1))}>
            {t('errors.retry')}
          </button>
        </div>
      );
    }
    // A quiet part (below the fold of a screen that is already shown) appears when ready.
    return quiet ? null : <p role="status">{t('app.loading')}</p>;
  }
  return { LazyScreen, preload };
}
