import { useEffect, useState, type MouseEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { RichText } from '../components/rich-text.tsx';
import { TermCard } from '../components/term-card.tsx';
import { useGlossary } from '../content/module-text.ts';
import type { ModuleSpec } from '../content/types.ts';
import { ChunkStatusFor } from './chunk-status-for.tsx';
import { ModuleFrame } from './module-frame.tsx';
import { useOpenReference } from './reference-context.ts';
import { useCourse } from './use-course.ts';

export function LessonScreen({ module, page }: { module: ModuleSpec; page: number }) {
  const { send } = useCourse();
  const { t } = useTranslation('course');
  const [term, setTerm] = useState<{ id: string; link: HTMLElement; slot: HTMLElement } | null>(null);
  // The card opens right after the paragraph (or list) holding the word, not at the end of the page.
  useEffect(() => () => term?.slot.remove(), [term]);
  useEffect(() => setTerm(null), [page]);
  const last = page + 1 === module.pages;

  // Glossary words in the lesson are links (they work without script too); here they open a card.
  const openTerm = (event: MouseEvent) => {
    const link = (event.target as Element).closest<HTMLElement>('a.term');
    if (!link?.dataset.term) return;
    event.preventDefault();
    let block: HTMLElement = link;
    while (block.parentElement && !block.parentElement.classList.contains('prose')) block = block.parentElement;
    const slot = document.createElement('div');
    block.after(slot);
    setTerm({ id: link.dataset.term, link, slot });
  };
  const closeTerm = () => {
    term?.link.focus();
    setTerm(null);
  };

  return (
    <ModuleFrame module={module} focusKey={`lesson-${module.id}-${page}`} heading={(text) => <RichText as="span" html={text.pages[page].title} />}>
      {(text) => (
        <>
          <p className="page-count">{t('lesson.pageOf', { page: page + 1, total: module.pages })}</p>
          {/* Clicks bubble up from the glossary links inside the lesson text. */}
          <div onClick={openTerm}>
            <RichText className="prose" html={text.pages[page].html} />
          </div>
          {term && createPortal(<TermDefinition id={term.id} onClose={closeTerm} />, term.slot)}
          <nav className="pager" aria-label={t('lesson.pageOf', { page: page + 1, total: module.pages })}>
            {page > 0 && (
              <button type="button" onClick={() => send({ type: 'page.back' })}>
                {t('lesson.previous')}
              </button>
            )}
            <button type="button" className="primary" onClick={() => send({ type: 'page.next' })}>
              {!last ? t('lesson.next') : module.items.length ? t('lesson.toQuiz') : t('lesson.toSummary')}
            </button>
          </nav>
        </>
      )}
    </ModuleFrame>
  );
}

function TermDefinition({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('course');
  const { lang } = useCourse();
  const openReference = useOpenReference();
  const glossary = useGlossary(lang);
  const entry = glossary.text?.find((e) => e.id === id);
  if (!entry) return <ChunkStatusFor chunk={glossary} />;
  return (
    <TermCard termId={id} title={<RichText as="span" html={entry.term} />} closeLabel={t('glossary.close')} onClose={onClose}>
      <RichText as="p" html={entry.definition} />
      <button type="button" onClick={() => openReference('glossary', id)}>
        {t('glossary.seeAll')}
      </button>
    </TermCard>
  );
}
