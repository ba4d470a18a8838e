import { act } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { loadWelcome, manifest } from 'virtual:berdaya/course';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCourse } from '../../src/boot.tsx';
import { encodeProgress } from '../../src/course/progress-codec.ts';
import { createProgress, type Progress } from '../../src/course/progress.ts';
import { renderWelcome } from '../../src/prerender/render-welcome.tsx';
import { uiStrings } from '../ui-strings.ts';

// The build's prerender (scripts/prerender/vite-plugin.ts) runs renderWelcome in Node; the browser
// then adopts the HTML with hydrateRoot (src/take-over.tsx) when the learner is new and in the page's language.
let container: HTMLElement | undefined;
// This file drives React with its own act(), so it says so, as React asks of a test environment.
const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
const wasActEnvironment = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
beforeAll(() => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
});
afterAll(() => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = wasActEnvironment;
});
afterEach(() => {
  container?.remove();
  vi.restoreAllMocks();
});

describe.each(['id', 'en'] as const)('the prerendered welcome screen in %s', (lang) => {
  it('shows the course title, Start and every module, titled in that language', async () => {
    const welcome = await loadWelcome(lang);
    const { html, title } = await renderWelcome(lang);
    expect(title).toBe(welcome.title);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')?.textContent).toBe(welcome.title);
    expect(doc.querySelector('.home-next button')?.textContent).toBe(uiStrings[lang].welcome.start);
    expect([...doc.querySelectorAll('.module-list__open')].map((b) => b.textContent)).toEqual(
      manifest.modules.map((m) => `${uiStrings[lang].welcome.moduleNumber.replace('{{number}}', String(m.number))}: ${welcome.modules[m.id]}`),
    );
  });

  it('is exactly what a new learner\'s course renders: hydrating it reports no mismatch', async () => {
    const { html } = await renderWelcome(lang);
    container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html;
    const { view, lang: shown, firstVisit } = await startCourse({ manifest, storage: localStorage, search: '', browserLanguages: [], pageLang: lang });
    expect([shown, firstVisit]).toEqual([lang, true]);
    const errors: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error');
    await act(async () => {
      hydrateRoot(container!, view, { onRecoverableError: (error) => errors.push(error) });
    });
    // The rest of the take-over happens inside act too: the welcome screen's lazy parts (the final
    // assessment's section among them) load in tasks after hydration, then render.
    const headings = () => [...container!.querySelectorAll('h2')].map((h) => h.textContent);
    for (let tick = 0; tick < 250 && !headings().includes(uiStrings[lang].welcome.finalHeading); tick++) {
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    }
    expect(headings()).toContain(uiStrings[lang].welcome.finalHeading);
    expect(errors).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    expect(container.querySelector('h1')?.textContent).toBe((await loadWelcome(lang)).title);
  });
});

describe('the language and the take-over', () => {
  const first = manifest.modules[0].id;
  const saved = (progress: Partial<Progress>) =>
    localStorage.setItem(`berdaya:${manifest.id}:progress`, encodeProgress({ ...createProgress(manifest), ...progress }, manifest));

  it.each([
    ['a new learner whose browser prefers English, on the default page', null, ['en-GB'], undefined, 'en', true],
    ['a new learner on the English page, whatever the browser prefers', 'en', ['id-ID'], undefined, 'en', true],
    ['a learner who chose English before, on the default page', null, ['id-ID'], { lang: 'en' }, 'en', true],
    ['a learner who chose Indonesian before, on the English page', 'en', ['en-GB'], { lang: 'id' }, 'id', true],
    ['a learner with saved progress', 'en', [], { lang: 'en', place: { screen: 'lesson', module: first, page: 1 }, modules: { [first]: {} } }, 'en', false],
  ] as const)('%s', async (_, pageLang, browserLanguages, progress, lang, firstVisit) => {
    if (progress) saved(progress as Partial<Progress>);
    const started = await startCourse({ manifest, storage: localStorage, search: '', browserLanguages, pageLang });
    expect([started.lang, started.firstVisit]).toEqual([lang, firstVisit]);
  });
});
