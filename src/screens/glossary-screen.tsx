import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RichText } from '../components/rich-text.tsx';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { useGlossary } from '../content/module-text.ts';
import { ChunkStatusFor } from './chunk-status-for.tsx';
import { useCourse } from './use-course.ts';

/** Every glossary term, alphabetically; `term` scrolls to one of them. */
export default function GlossaryScreen({ term }: { term?: string }) {
  const { t } = useTranslation('course');
  const { lang } = useCourse();
  const glossary = useGlossary(lang);
  useEffect(() => {
    if (term && glossary.text) document.getElementById(`glossary-${term}`)?.scrollIntoView?.();
  }, [term, glossary.text]);
  return (
    <>
      <ScreenHeading focusKey="glossary">{t('glossary.heading')}</ScreenHeading>
      <p>{t('glossary.intro')}</p>
      {glossary.text ? (
        <dl className="glossary">
          {glossary.text.map((entry) => (
            <div key={entry.id} id={`glossary-${entry.id}`} className={entry.id === term ? 'glossary__entry--current' : undefined}>
              <dt>{entry.term}</dt>
              <RichText as="dd" html={entry.definition} />
            </div>
          ))}
        </dl>
      ) : (
        <ChunkStatusFor chunk={glossary} />
      )}
    </>
  );
}
