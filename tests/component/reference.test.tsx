import { screen, within } from '@testing-library/react';
import { loadModuleText, loadReference } from 'virtual:berdaya/course';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/components/html-text.ts';
import { manifest, renderCourse, titles } from './render-course.tsx';

/** The first lesson page (module, page index, link text, term id) that links a glossary term. */
async function firstGlossaryLink() {
  for (const module of manifest.modules) {
    const text = await loadModuleText(module.id, 'en');
    for (const [page, { html }] of text.pages.entries()) {
      const match = /<a class="term" href="#glossary-[^"]+" data-term="([^"]+)">(.*?)<\/a>/.exec(html);
      if (match) return { module, page, term: match[1], label: htmlToText(match[2]) };
    }
  }
  throw new Error('no lesson links a glossary term');
}

describe('reference material', () => {
  it('explains a glossary word in place, returns me to it, and opens the full glossary at that term', async () => {
    const { module, page, term, label } = await firstGlossaryLink();
    const { user } = await renderCourse({ search: '?lang=en' });
    await user.click(screen.getByRole('button', { name: `Module ${module.number}: ${titles.en.modules[module.id]}` }));
    for (let p = 0; p < page; p++) await user.click(await screen.findByRole('button', { name: 'Next' }));
    const link = await screen.findByRole('link', { name: label });
    await user.click(link);

    const entry = (await loadReference('glossary', 'en')).find((e) => e.id === term)!;
    const card = await screen.findByRole('dialog', { name: htmlToText(entry.term) });
    expect(card).toHaveFocus();
    expect(card).toHaveTextContent(htmlToText(entry.definition));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(link).toHaveFocus();

    await user.click(link);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'See every term in the glossary' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Glossary' })).toHaveFocus();
    expect(screen.getAllByRole('term').length).toBeGreaterThanOrEqual(30);
    await user.click(screen.getByRole('button', { name: 'Back to the course' }));
    expect(await screen.findByText(`Page ${page + 1} of ${module.pages}`)).toBeInTheDocument();
  });

  it('gives trainers the notes for every module, in the current language', async () => {
    const { user } = await renderCourse();
    await user.click(screen.getByRole('button', { name: 'Catatan fasilitator' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Catatan fasilitator' })).toBeInTheDocument();
    for (const module of manifest.modules) {
      const section = await screen.findByRole('region', { name: `Modul ${module.number}: ${titles.id.modules[module.id]}` });
      for (const heading of ['Pertanyaan diskusi', /^Kegiatan kelompok kecil \(\d+ menit\)$/, 'Miskonsepsi yang perlu diperhatikan', 'Jawaban yang disarankan']) {
        expect(within(section).getByRole('heading', { level: 3, name: heading })).toBeInTheDocument();
      }
    }
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Facilitator notes' })).toBeInTheDocument();
  });
});
