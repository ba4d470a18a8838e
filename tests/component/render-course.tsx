import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { loadModuleText, loadWelcome, manifest } from 'virtual:berdaya/course';
import { bootCourse } from '../../src/boot.tsx';
import { htmlToText } from '../../src/components/html-text.ts';
import type { ItemSpec, Lang } from '../../src/content/types.ts';
import { tFor } from '../ui-strings.ts';

export { manifest };

/** Course and module titles, as the learner sees them, per language. */
export const titles = { id: await loadWelcome('id'), en: await loadWelcome('en') };

/** Renders the real course (real machine, real i18n, real lessons) as a learner would open it. */
export async function renderCourse({ search = '', browserLanguages = [] as string[], course = manifest } = {}) {
  const user = userEvent.setup();
  const view = render(await bootCourse({ manifest: course, storage: localStorage, search, browserLanguages }));
  return { user, ...view };
}

/** The accessible name a learner sees for an option (of a step of a case, when `part` is given), in a language. */
export async function optionName(moduleId: string, item: ItemSpec, key: string, lang: Lang, part?: number): Promise<string> {
  const t = tFor(lang);
  const type = part === undefined ? item.type : item.parts![part].type;
  if (type === 'classify-level') return t(`levels.${key as 'casework'}`);
  if (type === 'classify-strategy') return t(`strategies.${key as 'locality'}`);
  const text = (await loadModuleText(moduleId, lang)).items[item.id];
  return htmlToText((part === undefined ? text : text.parts![part]).options![key]);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Answers the question on screen as a learner would, whatever its type: right, or wrong (a sort's
 * or case's every part wrong). A case is answered step by step; the last step's feedback stays.
 */
export async function answerQuestion(user: UserEvent, moduleId: string, item: ItemSpec, lang: Lang, right = true) {
  const t = tFor(lang);
  const text = (await loadModuleText(moduleId, lang)).items[item.id];
  const pick = (part: { options: string[]; answer: string }) => (right ? part.answer : part.options.find((o) => o !== part.answer)!);
  if (item.type === 'sort') {
    for (const [i, part] of item.parts!.entries()) {
      const group = screen.getByRole('group', { name: new RegExp(escape(htmlToText(text.parts![i].text))) });
      await user.click(within(group).getByRole('radio', { name: t(`levels.${pick(part) as 'casework'}`) }));
    }
    await user.click(screen.getByRole('button', { name: t('quiz.check') }));
    return;
  }
  const steps = item.parts ?? [item];
  for (const [i, part] of steps.entries()) {
    await user.click(await screen.findByRole('radio', { name: await optionName(moduleId, item, pick(part), lang, item.parts ? i : undefined) }));
    await user.click(screen.getByRole('button', { name: t('quiz.check') }));
    if (i + 1 < steps.length) await user.click(screen.getByRole('button', { name: t('case.continue') }));
  }
}

export const feedbackRegion = () => within(screen.getByRole('status'));
