import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Allowed } from '../components/allowed.tsx';
import { capabilities } from '../platform/capabilities.ts';
import { RichList, RichText } from '../components/rich-text.tsx';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { useFacilitatorNotes, useTitles } from '../content/module-text.ts';
import { ChunkStatusFor } from './chunk-status-for.tsx';
import { useCourse } from './use-course.ts';

/** Trainers' notes for every module, opened at `module` (the learner's), printable whole or one module at a time. */
export default function FacilitatorScreen({ module: openAt }: { module?: string }) {
  const { t } = useTranslation(['course', 'ui']);
  const { manifest, lang } = useCourse();
  const notes = useFacilitatorNotes(lang);
  const titles = useTitles(lang);
  // The one module to print, until the print dialog closes (null: all of them).
  const [printing, setPrinting] = useState<string | null>(null);
  useEffect(() => {
    if (openAt && notes.text) document.getElementById(`notes-${openAt}`)?.scrollIntoView?.();
  }, [openAt, notes.text]);
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done);
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);
  const moduleName = (id: string, number: number) => `${t('ui:welcome.moduleNumber', { number })}: ${titles.module(id)}`;
  return (
    <div className={printing ? 'facilitator facilitator--one' : 'facilitator'}>
      <ScreenHeading focusKey="facilitator">{t('facilitator.heading')}</ScreenHeading>
      <p>{t('facilitator.intro')}</p>
      <Allowed capability="print">
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('facilitator.print')}
        </button>
      </Allowed>
      <nav aria-labelledby="notes-contents" className="no-print">
        <h2 id="notes-contents">{t('facilitator.contents')}</h2>
        <ol>
          {manifest.modules.map((m) => (
            <li key={m.id}>
              <a href={`#/notes/${String(m.number).padStart(2, '0')}`}>{moduleName(m.id, m.number)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {notes.text ? (
        manifest.modules.map((module) => {
          const note = notes.text![module.id];
          return (
            <section
              key={module.id}
              aria-labelledby={`notes-${module.id}`}
              className={`facilitator-notes${printing === module.id ? ' facilitator-notes--printing' : ''}${openAt === module.id ? ' facilitator-notes--current' : ''}`}
            >
              <h2 id={`notes-${module.id}`}>{moduleName(module.id, module.number)}</h2>
              {capabilities.print && (
                <button type="button" className="no-print" onClick={() => setPrinting(module.id)}>
                  {t('facilitator.printModule', { number: module.number })}
                </button>
              )}
              <h3>{t('facilitator.prompt')}</h3>
              <RichText html={note.prompt} />
              <h3>{t('facilitator.activity', { minutes: note.minutes })}</h3>
              <RichText html={note.activity} />
              <h3>{t('facilitator.listenFor')}</h3>
              <RichList lines={note.listenFor} />
              <h3>{t('facilitator.answers')}</h3>
              <RichList lines={note.answers} />
            </section>
          );
        })
      ) : (
        <ChunkStatusFor chunk={notes} />
      )}
    </div>
  );
}
