import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { CourseManifest } from '../content/types.ts';
import { FINAL, hasPassedFinal, isFinalOpen } from '../course/final-assessment.ts';
import type { courseMachine } from '../course/course-machine.ts';
import { isModuleUnlocked } from '../course/gating.ts';
import { shownPlace } from '../course/visit.ts';
import { nextTask } from '../platform/next-task.ts';
import type { ReferencePage } from '../screens/reference-context.ts';
import { courseHash, parseRoute, routeHash, type Route } from './routes.ts';

export interface Reference {
  page: ReferencePage;
  /** A glossary term, or the module whose facilitator notes to open at. */
  anchor?: string;
}

type CourseActor = ActorRefFrom<typeof courseMachine>;

/**
 * Keeps the address bar and the browser's history in step with the course: the machine (and the
 * reference page open over it) decide the address; an address the learner goes to (Back, Forward,
 * a shared link, a reload) becomes an event the machine may refuse, and a refused one is put back.
 * Screens never read the address. Returns the reference page and whether the certificate is shown
 * over the final's result: the shell's view state.
 */
export function useHashRoutes(actor: CourseActor, manifest: CourseManifest, onLocked: (module: string) => void) {
  const [reference, setReferenceState] = useState<Reference | null>(null);
  const [certificate, setCertificateState] = useState(false);
  // Read synchronously by the listeners below, whatever React has rendered so far.
  const referenceRef = useRef<Reference | null>(null);
  const certificateRef = useRef(false);
  const applying = useRef(false);

  /** The certificate shows over the final's result, once it is passed; anywhere else it is closed. */
  const certificateAllowed = useCallback(() => {
    const { progress, look } = actor.getSnapshot().context;
    const place = progress.atWelcome ? null : shownPlace(progress, look);
    return place?.screen === 'summary' && place.module === FINAL && hasPassedFinal(manifest, progress);
  }, [actor, manifest]);

  const currentHash = useCallback(() => {
    const open = referenceRef.current;
    if (open) {
      const route: Route = open.page === 'glossary' ? { kind: 'glossary', term: open.anchor } : { kind: 'notes', module: open.anchor };
      return routeHash(manifest, route);
    }
    if (certificateRef.current) return routeHash(manifest, { kind: 'certificate' });
    const { progress, look } = actor.getSnapshot().context;
    return courseHash(manifest, progress.atWelcome ? null : shownPlace(progress, look));
  }, [actor, manifest]);

  const write = useCallback(
    (mode: 'push' | 'replace') => {
      const hash = currentHash();
      if (location.hash === hash) return;
      if (mode === 'push') history.pushState(history.state, '', hash);
      else history.replaceState(history.state, '', hash);
    },
    [currentHash],
  );

  const setReference = useCallback((next: Reference | null) => {
    referenceRef.current = next;
    setReferenceState(next);
  }, []);

  const setCertificate = useCallback((open: boolean) => {
    certificateRef.current = open;
    setCertificateState(open);
  }, []);

  const apply = useCallback(() => {
    const route = parseRoute(manifest, location.hash);
    applying.current = true;
    try {
      if (!route) return;
      if (route.kind === 'glossary' || route.kind === 'notes') {
        setReference({ page: route.kind === 'glossary' ? 'glossary' : 'facilitator', anchor: route.kind === 'glossary' ? route.term : route.module });
        return;
      }
      setReference(null);
      if (route.kind === 'certificate') {
        // Over the final's result when the learner may be there; not passed, it is the result alone.
        const result = { type: 'place.visit', stop: { screen: 'summary', module: FINAL } } as const;
        if (actor.getSnapshot().can(result)) actor.send(result);
        setCertificate(certificateAllowed());
        return;
      }
      setCertificate(false);
      const { progress } = actor.getSnapshot().context;
      if (route.kind === 'final') {
        // The final assessment opens from home; it resumes an unfinished attempt.
        if (!isFinalOpen(manifest, progress)) return;
        actor.send({ type: 'course.home' });
        actor.send({ type: 'final.start' });
        return;
      }
      const event = { type: 'place.visit', stop: route.stop } as const;
      if (actor.getSnapshot().can(event)) actor.send(event);
      else if (route.stop.screen === 'lesson' && !isModuleUnlocked(manifest, progress, route.stop.module)) onLocked(route.stop.module);
    } finally {
      applying.current = false;
      write('replace'); // a refused or unknown address shows where the learner really is
    }
  }, [actor, manifest, onLocked, setReference, setCertificate, certificateAllowed, write]);

  useEffect(() => {
    let live = true;
    // A bare address (first visit, a bookmark) shows where the learner is, in a task of its own:
    // this effect runs in the commit that takes the screen over, and rewriting the address is not
    // small on a slow phone. A route is gone to.
    if (location.hash === '' || location.hash === '#') void nextTask().then(() => live && write('replace'));
    else apply();
    const subscription = actor.subscribe(() => {
      if (certificateRef.current && !certificateAllowed()) setCertificate(false); // e.g. a retake started
      if (!applying.current) write('push');
    });
    window.addEventListener('popstate', apply);
    window.addEventListener('hashchange', apply);
    return () => {
      live = false;
      subscription.unsubscribe();
      window.removeEventListener('popstate', apply);
      window.removeEventListener('hashchange', apply);
    };
  }, [actor, apply, write, certificateAllowed, setCertificate]);

  const openReference = useCallback(
    (page: ReferencePage, anchor?: string) => {
      setReference({ page, anchor });
      write('push');
    },
    [setReference, write],
  );

  const closeReference = useCallback(() => {
    setReference(null);
    write('push');
  }, [setReference, write]);

  /** The certificate and back to the result: each its own history entry, so Back and Forward move between them. */
  const showCertificate = useCallback(
    (open: boolean) => {
      setCertificate(open && certificateAllowed());
      write('push');
    },
    [setCertificate, certificateAllowed, write],
  );

  /** Home from anywhere, the reference page included: one history entry. */
  const goHome = useCallback(() => {
    setReference(null);
    setCertificate(false);
    actor.send({ type: 'course.home' });
    write('push');
  }, [actor, setReference, setCertificate, write]);

  return { reference, openReference, closeReference, certificate, showCertificate, goHome };
}
