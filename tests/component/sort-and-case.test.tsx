import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/components/html-text.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { loadModuleText } from 'virtual:berdaya/course';
import { tFor } from '../ui-strings.ts';
import { answerQuestion, feedbackRegion, manifest, renderCourse, titles } from './render-course.tsx';

const levelsModule = manifest.modules.find((m) => m.items.some((i) => i.type === 'sort') && m.items.some((i) => i.type === 'classify-level'))!;
const capstone = manifest.modules.find((m) => m.items.some((i) => i.type === 'case') && (m.extended ?? 1) > 1)!;
type User = Awaited<ReturnType<typeof renderCourse>>['user'];

/** Opens a module's quiz from the welcome screen and answers, rightly, every question before `stop`. */
async function reachQuestion(user: User, module: typeof levelsModule, stop: number, lang: 'id' | 'en') {
  const t = tFor(lang);
  await user.click(screen.getByRole('button', { name: `${t('welcome.moduleNumber', { number: module.number })}: ${titles[lang].modules[module.id]}` }));
  for (let page = 1; page < module.pages; page++) await user.click(await screen.findByRole('button', { name: t('lesson.next') }));
  await user.click(await screen.findByRole('button', { name: t('lesson.toQuiz') }));
  const items = drawModuleQuiz(module, 0);
  for (const item of items.slice(0, stop)) {
    await answerQuestion(user, module.id, item, lang);
    await user.click(screen.getByRole('button', { name: t('quiz.next') }));
  }
  return items[stop];
}

describe('a sort: cases placed into the three levels', () => {
  it('is done with the keyboard alone, gives credit per case and says why each case belongs where it does', async () => {
    const { user } = await renderCourse({ search: '?lang=en' });
    const items = drawModuleQuiz(levelsModule, 0);
    const index = items.findIndex((i) => i.type === 'sort');
    const sort = await reachQuestion(user, levelsModule, index, 'en');
    const text = (await loadModuleText(levelsModule.id, 'en')).items[sort.id];
    expect(screen.getByRole('heading', { level: 1, name: `Question ${index + 1} of ${items.length}` })).toHaveFocus();
    expect(screen.getByText(htmlToText(text.text))).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Place every case at a level first.');

    // Keyboard only: from the top, Tab into each case's levels, arrows to the level, on to the next case.
    screen.getByRole('heading', { level: 1 }).focus();
    const groups = screen.getAllByRole('group', { name: /^Case \d+:/ });
    expect(groups).toHaveLength(sort.parts!.length);
    const levels = sort.parts![0].options;
    const placed: string[] = [];
    for (const group of groups) {
      const part = text.parts!.findIndex((p) => group.textContent!.includes(htmlToText(p.text)));
      // Every case right except the first shown, which goes one level over.
      const target = group === groups[0] ? levels[(levels.indexOf(sort.parts![part].answer) + 1) % 3] : sort.parts![part].answer;
      await user.tab();
      expect(within(group).getAllByRole('radio')).toContain(document.activeElement);
      for (let i = 0; i <= levels.indexOf(target); i++) await user.keyboard(i === 0 ? ' ' : '{ArrowRight}');
      expect(within(group).getByRole('radio', { name: tFor('en')(`levels.${target as 'casework'}`) })).toBeChecked();
      placed.push(target);
    }
    // The drop zones list where each case went.
    const bins = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-level'));
    expect(bins[0]).toHaveTextContent(/^Casework \(micro\): /);

    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    const total = sort.parts!.length;
    expect(feedbackRegion().getByText(`${total - 1} of ${total} cases placed right.`)).toBeInTheDocument();
    const first = text.parts!.findIndex((p) => groups[0].textContent!.includes(htmlToText(p.text)));
    const firstCase = groups[0].closest('li')!;
    expect(within(firstCase).getByText(`The right answer: ${tFor('en')(`levels.${sort.parts![first].answer as 'casework'}`)}`)).toBeInTheDocument();
    expect(firstCase).toHaveTextContent(htmlToText(text.parts![first].rationale));
    expect(within(groups[1].closest('li')!).getByText('Correct!')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'See the module summary' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'See the module summary' }));
    const credit = Math.round(((index + (total - 1) / total) / items.length) * 100);
    const correct = Math.round((index + (total - 1) / total) * 10) / 10;
    expect(screen.getByText(`Your score: ${correct} of ${items.length} correct (${credit}%).`)).toBeInTheDocument();
  });
});

describe('a case: a story in steps', () => {
  it('unfolds step by step with what happens next, and resumes at the step I reached after a reload', async () => {
    const first = await renderCourse();
    const items = drawModuleQuiz(capstone, 0);
    const index = items.findIndex((i) => i.type === 'case');
    const story = await reachQuestion(first.user, capstone, index, 'id');
    const text = (await loadModuleText(capstone.id, 'id')).items[story.id];
    const steps = story.parts!;
    expect(screen.getByText(htmlToText(text.text))).toBeInTheDocument();
    expect(screen.getByRole('group', { name: `Langkah 1 dari ${steps.length}: ${htmlToText(text.parts![0].text)}` })).toBeInTheDocument();

    // Step 1, wrong on purpose: the misconception, then the story goes on.
    const wrong = steps[0].options.find((o) => o !== steps[0].answer)!;
    const radio = within(screen.getByRole('group', { name: /^Langkah 1/ })).getAllByRole('radio')[steps[0].options.indexOf(wrong)];
    await first.user.click(radio);
    await first.user.click(screen.getByRole('button', { name: 'Periksa jawaban' }));
    expect(feedbackRegion().getByText('Belum tepat.')).toBeInTheDocument();
    expect(feedbackRegion().getByText(htmlToText(text.parts![0].misconceptions[wrong]))).toBeInTheDocument();
    expect(feedbackRegion().getByRole('heading', { name: 'Apa yang terjadi kemudian' })).toBeInTheDocument();
    expect(feedbackRegion().getByText(htmlToText(text.parts![0].then!))).toBeInTheDocument();
    await first.user.click(screen.getByRole('button', { name: 'Lanjutkan kasus' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(screen.getByRole('group', { name: new RegExp(`^Langkah 2 dari ${steps.length}:`) })).toBeInTheDocument();
    first.unmount();

    // A reload keeps step 1's answer and the story so far, and asks step 2.
    const { user } = await renderCourse();
    expect(await screen.findByRole('group', { name: new RegExp(`^Langkah 2 dari ${steps.length}:`) })).toBeInTheDocument();
    expect(screen.getByText(htmlToText(text.parts![0].then!))).toBeInTheDocument();
    for (let step = 1; step < steps.length; step++) {
      const group = screen.getByRole('group', { name: new RegExp(`^Langkah ${step + 1} dari`) });
      await user.click(within(group).getAllByRole('radio')[steps[step].options.indexOf(steps[step].answer)]);
      await user.click(screen.getByRole('button', { name: 'Periksa jawaban' }));
      expect(feedbackRegion().getByText('Benar!')).toBeInTheDocument();
      if (step + 1 < steps.length) await user.click(screen.getByRole('button', { name: 'Lanjutkan kasus' }));
    }
    expect(feedbackRegion().getByText(`${steps.length - 1} dari ${steps.length} langkah dijawab dengan tepat.`)).toBeInTheDocument();
    expect(feedbackRegion().getByText(htmlToText(text.rationale))).toBeInTheDocument();
  });
});
