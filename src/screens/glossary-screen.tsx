import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { htmlToText } from '../components/html-text.ts';
import { RichText } from '../components/rich-text.tsx';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { useGlossary } from '../content/module-text.ts';
import { ChunkStatusFor } from './chunk-status-for.tsx';
import { useCourse } from './use-course.ts';

/** Every glossary term in the order of its visible words, with an A–Z jump and a search; `term` scrolls to one. */
export default function GlossaryScreen({ term }: { term?: string }) {
  const { t } = useTranslation('course');
  const { lang } = useCourse();
  const glossary = useGlossary(lang);
  const [query, setQuery] = useState('');
  const entries = useMemo(
    () => (glossary.text ?? []).map((entry) => ({ ...entry, words: htmlToText(entry.term), letter: htmlToText(entry.term).charAt(0).toLocaleUpperCase(lang) })),
    [glossary.text, lang],
  );
  const wanted = query.trim().toLocaleLowerCase(lang);
  const shown = wanted ? entries.filter((e) => `${e.words} ${htmlToText(e.definition)}`.toLocaleLowerCase(lang).includes(wanted)) : entries;
  const letters = [...new Set(shown.map((e) => e.letter))];
  useEffect(() => {
    if (term && glossary.text) document.getElementById(`glossary-${term}`)?.scrollIntoView?.();
  }, [term, glossary.text]);
  return (
    <>
      <ScreenHeading focusKey="glossary">{t('glossary.heading')}</ScreenHeading>
      <p>{t('glossary.intro')}</p>
      {glossary.text ? (
        <>
          <label className="field">
            {t('glossary.search')}
            <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
          </label>
          <nav aria-label={t('glossary.jump')} className="glossary-jump">
            {letters.map((letter) => (
              <a key={letter} href={`#glossary-letter-${letter}`} onClick={(event) => {
                // Jump without putting the letter in the address, which names the screen.
                event.preventDefault();
                document.getElementById(`glossary-letter-${letter}`)?.scrollIntoView?.();
              }}>
                {letter}
              </a>
            ))}
          </nav>
          <p role="status">{wanted ? t('glossary.found', { count: shown.length }) : ''}</p>
          <dl className="glossary">
            {shown.map((entry, i) => (
              <div
                key={entry.id}
                id={`glossary-${entry.id}`}
                className={entry.id === term ? 'glossary__entry--current' : undefined}
              >
                <dt id={shown[i - 1]?.letter === entry.letter ? undefined : `glossary-letter-${entry.letter}`}>
                  <RichText as="span" html={entry.term} />
                </dt>
                <RichText as="dd" html={entry.definition} />
              </div>
            ))}
          </dl>
        </>
      ) : (
        <ChunkStatusFor chunk={glossary} />
      )}
    </>
  );
}
