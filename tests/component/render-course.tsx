import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadModuleText, loadWelcome, manifest } from 'virtual:berdaya/course';
import { bootCourse } from '../../src/boot.tsx';
import { htmlToText } from '../../src/components/html-text.ts';
import type { ItemSpec, Lang } from '../../src/content/types.ts';
import { tFor } from '../ui-strings.ts';

export { manifest };

/** Course and module titles, as the learner sees them, per language. */
export const titles = { id: await loadWelcome('id'), en: await loadWelcome('en') };

/** Renders the real course (real machine, real i18n, real lessons) as a learner would open it. */
export async function renderCourse({ search = '', browserLanguages = [] as string[] } = {}) {
  const user = userEvent.setup();
  const view = render(await bootCourse({ manifest, storage: localStorage, search, browserLanguages }));
  return { user, ...view };
}

/** The accessible name a learner sees for an option, in a language. */
export async function optionName(moduleId: string, item: ItemSpec, key: string, lang: Lang): Promise<string> {
  const t = tFor(lang);
  if (item.type === 'classify-level') return t(`levels.${key as 'casework'}`);
  if (item.type === 'classify-strategy') return t(`strategies.${key as 'locality'}`);
  const text = await loadModuleText(moduleId, lang);
  return htmlToText(text.items[item.id].options![key]);
}

export const feedbackRegion = () => within(screen.getByRole('status'));
