import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Lang } from '../../src/content/types.ts';
import { expectAccessible, expectClean, openBrowser, type Session } from './browser.ts';
import { course, say, titles } from './course-content.ts';
import { button, completeModule, heading } from './journeys.ts';

const { manifest } = course;
let session: Session;
afterEach(() => session?.close());

describe.each<[Lang, string]>([
  ['id', ''], // Indonesian is the default for a browser set to Indonesian
  ['en', '?lang=en'],
])('completing the course in %s', (lang, query) => {
  it('reads every page, answers every question, sees each summary, and every screen passes axe', async () => {
    session = await openBrowser({ locale: lang === 'id' ? 'id-ID' : 'fr-FR' });
    const { page } = session;
    await page.goto(`${inject('baseURL')}${query}`);
    await expect.poll(() => heading(page).textContent()).toBe(titles[lang].title);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await expectAccessible(page, `welcome (${lang})`);

    await button(page, say(lang, (s) => s.welcome.start)).click();
    for (const [index, module] of manifest.modules.entries()) {
      await completeModule(page, module, lang, { missFirst: true, audit: true });
      const total = Math.min(module.quizSize, module.items.length);
      const percent = Math.round(((total - 1) / total) * 100);
      expect(await page.getByText(say(lang, (s) => s.summary.score, { correct: total - 1, total, percent })).count()).toBe(1);
      const next = manifest.modules[index + 1];
      if (next) await button(page, say(lang, (s) => s.summary.nextModule, { number: next.number })).click();
    }
    expect(await page.getByText(say(lang, (s) => s.summary.courseDone)).count()).toBe(1);

    await button(page, say(lang, (s) => s.summary.home)).click();
    for (const module of manifest.modules) {
      const total = Math.min(module.quizSize, module.items.length);
      const percent = Math.round(((total - 1) / total) * 100);
      const status = page.locator(`#status-${module.id}`);
      const status_ = percent >= manifest.mastery ? say(lang, (s) => s.welcome.statusMastered, { score: percent }) : say(lang, (s) => s.welcome.statusNotMastered, { score: percent });
      expect(await status.textContent()).toBe(status_);
    }
    await expectAccessible(page, `welcome after finishing (${lang})`);
    await expectClean(session);
  });
});
