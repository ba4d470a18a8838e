import { describe, expect, it } from 'vitest';
import { createUpdateOffer, launchedByHost, mayWorkOffline, whenIdle } from '../../src/platform/offline.ts';
import { activate, SKIP_WAITING, watchForUpdates, workerUrls } from '../../src/platform/service-worker.ts';

/** A worker as the browser reports it: a state that changes, and the messages it was sent. */
class FakeWorker extends EventTarget {
  messages: unknown[] = [];
  constructor(public state: ServiceWorkerState) {
    super();
  }
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  become(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  find(worker: FakeWorker) {
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
  }
}

class FakeContainer extends EventTarget {
  constructor(public controller: FakeWorker | null) {
    super();
  }
}

const as = <T>(fake: unknown) => fake as T;

function watch(controller: FakeWorker | null, registration = new FakeRegistration()) {
  const container = new FakeContainer(controller);
  const offered: FakeWorker[] = [];
  watchForUpdates(as<ServiceWorkerContainer>(container), as<ServiceWorkerRegistration>(registration), (worker) => offered.push(worker as unknown as FakeWorker));
  return { container, registration, offered };
}

describe('a new version of the course', () => {
  it('is offered once it has installed, while an older version controls the page', () => {
    const { registration, offered } = watch(new FakeWorker('activated'));
    const next = new FakeWorker('installing');
    registration.find(next);
    expect(offered).toEqual([]);
    next.become('installed');
    expect(offered).toEqual([next]);
  });

  it('already waiting when the page opens is offered at once', () => {
    const registration = new FakeRegistration();
    registration.waiting = new FakeWorker('installed');
    expect(watch(new FakeWorker('activated'), registration).offered).toEqual([registration.waiting]);
  });

  it('still installing when the page opens is offered when it has installed', () => {
    const registration = new FakeRegistration();
    const next = (registration.installing = new FakeWorker('installing'));
    const { offered } = watch(new FakeWorker('activated'), registration);
    next.become('installed');
    expect(offered).toEqual([next]);
  });

  it('is not offered on the first visit: the first worker takes over by itself', () => {
    const { registration, offered } = watch(null);
    const first = new FakeWorker('installing');
    registration.find(first);
    first.become('installed');
    first.become('activated');
    expect(offered).toEqual([]);
  });

  it('that failed to install is not offered', () => {
    const { registration, offered } = watch(new FakeWorker('activated'));
    const broken = new FakeWorker('installing');
    registration.find(broken);
    broken.become('redundant');
    expect(offered).toEqual([]);
  });
});

describe('choosing Reload', () => {
  it('asks the waiting worker to take over and reloads only once it controls the page', () => {
    const container = new FakeContainer(new FakeWorker('activated'));
    const waiting = new FakeWorker('installed');
    let reloads = 0;
    activate(as<ServiceWorkerContainer>(container), as<ServiceWorker>(waiting), () => reloads++);
    expect(waiting.messages).toEqual([SKIP_WAITING]);
    expect(reloads).toBe(0);
    container.dispatchEvent(new Event('controllerchange'));
    container.dispatchEvent(new Event('controllerchange'));
    expect(reloads).toBe(1);
  });

  it('is what the app shows: the offer holds it until a version is ready, and tells who listens', () => {
    const offer = createUpdateOffer();
    let heard = 0;
    const stop = offer.subscribe(() => heard++);
    expect(offer.current()).toBeNull();
    const apply = () => undefined;
    offer.offer(apply);
    expect(offer.current()).toBe(apply);
    expect(heard).toBe(1);
    stop();
    offer.offer(() => undefined);
    expect(heard).toBe(1);
  });
});

describe('where the worker lives', () => {
  it('is the root of the build, whichever page loaded the registering chunk', () => {
    expect(workerUrls('https://example.org/courses/berdaya/assets/service-worker-abc.js')).toEqual({
      script: 'https://example.org/courses/berdaya/sw.js',
      scope: 'https://example.org/courses/berdaya/',
    });
  });
});

describe('who gets a service worker', () => {
  /** A window as seen by the checks: its own top, or a frame, a pop-up, an LMS's API. */
  const fakeWindow = (changes: Record<string, unknown> = {}) => {
    const win: Record<string, unknown> = { opener: null, isSecureContext: true, navigator: { serviceWorker: {} }, ...changes };
    win.parent ??= win;
    return win as unknown as Window;
  };

  it('a web build in its own tab, in a secure context', () => {
    expect(launchedByHost(fakeWindow())).toBe(false);
    expect(mayWorkOffline(fakeWindow(), 'web')).toBe(true);
  });

  it.each([
    ['in a frame (an LMS, Kolibri)', { parent: {} }],
    ['in a pop-up an LMS opened', { opener: {} }],
    ['given a SCORM 1.2 API', { API: {} }],
    ['given a SCORM 2004 API', { API_1484_11: {} }],
  ])('never a course %s', (_, changes) => {
    expect(launchedByHost(fakeWindow(changes))).toBe(true);
    expect(mayWorkOffline(fakeWindow(changes), 'web')).toBe(false);
  });

  it('never the Kolibri build, a plain-http page or a browser without service workers', () => {
    expect(mayWorkOffline(fakeWindow(), 'kolibri')).toBe(false);
    expect(mayWorkOffline(fakeWindow({ isSecureContext: false }), 'web')).toBe(false);
    expect(mayWorkOffline(fakeWindow({ navigator: {} }), 'web')).toBe(false);
  });
});

describe('starting the worker', () => {
  it('waits for the page to load, then for the browser to be idle', () => {
    const listeners: Record<string, () => void> = {};
    const idle: (() => void)[] = [];
    const win = {
      document: { readyState: 'loading' },
      addEventListener: (type: string, listener: () => void) => (listeners[type] = listener),
      requestIdleCallback: (task: () => void) => idle.push(task),
    } as unknown as Window;
    let started = 0;
    whenIdle(win, () => started++);
    expect(idle).toEqual([]);
    listeners.load();
    expect(started).toBe(0);
    idle[0]();
    expect(started).toBe(1);
  });
});
