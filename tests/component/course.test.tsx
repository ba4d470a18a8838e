import { screen, waitFor, within } from '@testing-library/react';
import { loadModuleText } from 'virtual:berdaya/course';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/content/types.ts';
import { drawModuleQuiz } from '../../src/quiz/selection.ts';
import { tFor } from '../ui-strings.ts';
import { answerQuestion, feedbackRegion, manifest, optionName, renderCourse, titles } from './render-course.tsx';

const moduleOne = manifest.modules[0];
const moduleFour = manifest.modules.find((m) => m.id === '04-intervention-levels')!;
const lastModule = manifest.modules.at(-1)!;
const heading = () => screen.getByRole('heading', { level: 1 });

/** From the welcome screen: open a module from the list, read every page, start its quiz. */
async function openQuiz(user: Awaited<ReturnType<typeof renderCourse>>['user'], module: typeof moduleOne, lang: Lang) {
  const t = tFor(lang);
  await user.click(screen.getByRole('button', { name: `${t('welcome.moduleNumber', { number: module.number })}: ${titles[lang].modules[module.id]}` }));
  for (let page = 1; page < module.pages; page++) await user.click(await screen.findByRole('button', { name: t('lesson.next') }));
  await user.click(await screen.findByRole('button', { name: t('lesson.toQuiz') }));
}

async function finishModule(user: Awaited<ReturnType<typeof renderCourse>>['user'], module: typeof moduleOne, lang: Lang) {
  const t = tFor(lang);
  for (let page = 1; page < module.pages; page++) {
    await screen.findByText(t('lesson.pageOf', { page, total: module.pages }));
    await user.click(screen.getByRole('button', { name: t('lesson.next') }));
  }
  await user.click(await screen.findByRole('button', { name: t('lesson.toQuiz') }));
  const items = drawModuleQuiz(module, 0); // the first round's questions
  for (const [index, item] of items.entries()) {
    expect(heading()).toHaveTextContent(t('quiz.questionOf', { number: index + 1, total: items.length }));
    await answerQuestion(user, module.id, item, lang);
    // Exactly one verdict in the feedback: a sort's tally, or (for a case, its last step's) "correct".
    expect(feedbackRegion().getByText(item.type === 'sort' ? t('sort.result', { right: item.parts!.length, total: item.parts!.length }) : t('quiz.correct'))).toBeInTheDocument();
    const last = index + 1 === items.length;
    await user.click(screen.getByRole('button', { name: last ? t('quiz.toSummary') : t('quiz.next') }));
  }
}

describe('a learner taking the course', () => {
  it('finishes Module 1 in Indonesian and sees the score on the summary and the welcome screen', async () => {
    const { user } = await renderCourse();
    expect(heading()).toHaveTextContent(titles.id.title);
    await user.click(screen.getByRole('button', { name: 'Mulai belajar' }));
    await finishModule(user, moduleOne, 'id');
    expect(heading()).toHaveTextContent('Ringkasan modul');
    const total = drawModuleQuiz(moduleOne, 0).length;
    expect(screen.getByText(`Skor Anda: ${total} dari ${total} benar (100%).`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Kembali ke beranda' }));
    expect(screen.getByText('Dikuasai, skor terbaik 100%')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Lanjutkan belajar' })).toBeInTheDocument();
  });

  it('finishes Module 4 in English, opened from the module list', async () => {
    const { user } = await renderCourse({ search: '?lang=en' });
    await user.click(screen.getByRole('button', { name: `Module ${moduleFour.number}: ${titles.en.modules[moduleFour.id]}` }));
    await finishModule(user, moduleFour, 'en');
    const total = moduleFour.quizSize;
    expect(screen.getByText(`Your score: ${total} of ${total} correct (100%).`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Go on to Module ${moduleFour.number + 1}` })).toBeInTheDocument();
  });

  it('is told the course is done after the last module', async () => {
    const { user } = await renderCourse({ search: '?lang=en' });
    await user.click(screen.getByRole('button', { name: `Module ${lastModule.number}: ${titles.en.modules[lastModule.id]}` }));
    await finishModule(user, lastModule, 'en');
    expect(screen.getByText('You have completed every module available.')).toBeInTheDocument();
  });

  it('explains why when my answer is wrong, naming the misconception', async () => {
    const { user } = await renderCourse({ search: '?lang=en' });
    await openQuiz(user, moduleFour, 'en');
    const item = drawModuleQuiz(moduleFour, 0)[0];
    const wrong = item.options.find((key) => key !== item.answer)!;
    await user.click(screen.getByRole('radio', { name: await optionName(moduleFour.id, item, wrong, 'en') }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement(); // nothing revealed before committing
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    const feedback = feedbackRegion();
    expect(feedback.getByText('Not quite.')).toBeInTheDocument();
    expect(feedback.getByText(`The right answer: ${await optionName(moduleFour.id, item, item.answer, 'en')}`)).toBeInTheDocument();
    expect(feedback.getByRole('heading', { name: 'Why your choice does not fit' })).toBeInTheDocument();
    // The words that signal the answer are marked in the scenario and listed in the feedback.
    const cues = (await loadModuleText(moduleFour.id, 'en')).items[item.id].cues;
    const marked = [...document.querySelectorAll('.scenario mark')].map((m) => m.textContent!.toLowerCase());
    for (const cue of cues) expect(marked).toContain(cue.toLowerCase());
    expect(feedback.getByRole('heading', { name: 'Cue words in the scenario' })).toBeInTheDocument();
    expect(feedback.getAllByRole('listitem').map((li) => li.textContent)).toEqual(cues);
    expect(screen.getByRole('button', { name: 'Next question' })).toHaveFocus();
  });

  it('shows which levels I confuse, with one insight, on the module summary', async () => {
    const { user } = await renderCourse({ search: '?lang=en' });
    await openQuiz(user, moduleFour, 'en');
    const items = drawModuleQuiz(moduleFour, 0);
    const missed = items[0];
    const wrong = missed.options.find((key) => key !== missed.answer)!;
    for (const [index, item] of items.entries()) {
      if (index === 0) {
        await user.click(screen.getByRole('radio', { name: await optionName(moduleFour.id, item, wrong, 'en') }));
        await user.click(screen.getByRole('button', { name: 'Check my answer' }));
      } else await answerQuestion(user, moduleFour.id, item, 'en');
      await user.click(screen.getByRole('button', { name: index + 1 === items.length ? 'See the module summary' : 'Next question' }));
    }
    const table = screen.getByRole('table', { name: 'Your answers: what each situation was (rows) against what you chose (columns)' });
    const row = within(table).getByRole('row', { name: new RegExp(`^${await optionName(moduleFour.id, missed, missed.answer, 'en')}`.replace(/[()]/g, '\\$&')) });
    const cells = within(row).getAllByRole('cell').map((c) => Number(c.textContent));
    expect(cells[missed.options.indexOf(wrong)]).toBe(1);
    expect(screen.getByText(tFor('en')(`insights.${missed.answer}-${wrong}`))).toBeInTheDocument();
  });

  it('asks me to choose an answer before checking', async () => {
    const { user } = await renderCourse();
    await openQuiz(user, moduleFour, 'id');
    await user.click(screen.getByRole('button', { name: 'Periksa jawaban' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Pilih salah satu jawaban terlebih dahulu.');
    expect(heading()).toHaveTextContent(`Soal 1 dari ${moduleFour.quizSize}`);
  });

  it('keeps my page when I switch to English mid-lesson', async () => {
    const { user } = await renderCourse();
    await user.click(screen.getByRole('button', { name: 'Mulai belajar' }));
    await user.click(await screen.findByRole('button', { name: 'Berikutnya' }));
    expect(await screen.findByText(`Halaman 2 dari ${moduleOne.pages}`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText(`Page 2 of ${moduleOne.pages}`)).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('keeps my question and my unchecked choice when I switch language mid-quiz', async () => {
    const { user } = await renderCourse({ search: '?lang=en' });
    await openQuiz(user, moduleFour, 'en');
    const item = drawModuleQuiz(moduleFour, 0)[0];
    await user.click(screen.getByRole('radio', { name: await optionName(moduleFour.id, item, 'systemic', 'en') }));
    await user.click(screen.getByRole('button', { name: 'Bahasa Indonesia' }));
    await waitFor(() => expect(heading()).toHaveTextContent(`Soal 1 dari ${moduleFour.quizSize}`));
    expect(screen.getByRole('radio', { name: await optionName(moduleFour.id, item, 'systemic', 'id') })).toBeChecked();
    expect(document.documentElement.lang).toBe('id');
  });

  it('returns me to the same question, with its feedback, after a reload', async () => {
    const first = await renderCourse();
    await openQuiz(first.user, moduleFour, 'id');
    const item = drawModuleQuiz(moduleFour, 0)[0];
    await first.user.click(screen.getByRole('radio', { name: await optionName(moduleFour.id, item, item.answer, 'id') }));
    await first.user.click(screen.getByRole('button', { name: 'Periksa jawaban' }));
    first.unmount();

    await renderCourse({ browserLanguages: ['en-US'] }); // the saved choice (Indonesian) wins over the browser
    expect(await screen.findByText('Benar!')).toBeInTheDocument();
    expect(heading()).toHaveTextContent(`Soal 1 dari ${moduleFour.quizSize}`);
    expect(screen.getByRole('radio', { name: await optionName(moduleFour.id, item, item.answer, 'id') })).toBeChecked();
  });

  it('tells me plainly when saved progress could not be read, and starts afresh', async () => {
    localStorage.setItem(`berdaya:${manifest.id}:progress`, 'garbage{');
    await renderCourse();
    expect(await screen.findByRole('alert')).toHaveTextContent('Catatan kemajuan belajar di perangkat ini tidak dapat dibaca');
    expect(screen.getByRole('button', { name: 'Mulai belajar' })).toBeInTheDocument();
  });
});
