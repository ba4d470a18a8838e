import { useTranslation } from 'react-i18next';
import { Allowed } from '../components/allowed.tsx';
import { RichList, RichText } from '../components/rich-text.tsx';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { useFacilitatorNotes, useTitles } from '../content/module-text.ts';
import { ChunkStatusFor } from './chunk-status-for.tsx';
import { useCourse } from './use-course.ts';

/** Trainers' notes for every module, on one printable page. */
export default function FacilitatorScreen() {
  const { t } = useTranslation(['course', 'ui']);
  const { manifest, lang } = useCourse();
  const notes = useFacilitatorNotes(lang);
  const titles = useTitles(lang);
  return (
    <>
      <ScreenHeading focusKey="facilitator">{t('facilitator.heading')}</ScreenHeading>
      <p>{t('facilitator.intro')}</p>
      <Allowed capability="print">
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('facilitator.print')}
        </button>
      </Allowed>
      {notes.text ? (
        manifest.modules.map((module) => {
          const note = notes.text![module.id];
          return (
            <section key={module.id} aria-labelledby={`notes-${module.id}`} className="facilitator-notes">
              <h2 id={`notes-${module.id}`}>
                {t('ui:welcome.moduleNumber', { number: module.number })}: {titles.module(module.id)}
              </h2>
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
    </>
  );
}
