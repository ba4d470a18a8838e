import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Allowed } from '../components/allowed.tsx';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { useStore } from '../tracking/store-context.ts';
import { useTitles } from '../content/module-text.ts';
import { useCourse } from './use-course.ts';

/**
 * A printable certificate. The learner's name is kept only on this device, outside the Progress
 * record, and is shown as text (never as markup).
 */
export function CertificateView({ score, onBack }: { score: number; onBack: () => void }) {
  const { t } = useTranslation('course');
  const { manifest, lang } = useCourse();
  const store = useStore();
  const [name, setName] = useState(() => store.certificateName());
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date());
  return (
    <>
      <ScreenHeading focusKey="certificate">{t('certificate.heading')}</ScreenHeading>
      <label className="field no-print">
        {t('certificate.nameLabel')}
        <input
          type="text"
          autoComplete="name"
          maxLength={80}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            store.saveCertificateName(event.target.value);
          }}
        />
      </label>
      <section className="certificate" aria-label={t('certificate.title')}>
        <p className="certificate__title">{t('certificate.title')}</p>
        <p>{t('certificate.awardedTo')}</p>
        <p className="certificate__name">{name || '—'}</p>
        <p>{t('certificate.completed')}</p>
        <p className="certificate__course">{useTitles(lang).course}</p>
        <p>{t('certificate.details', { version: manifest.version, date, score })}</p>
      </section>
      <div className="actions no-print">
        <Allowed capability="print">
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('certificate.print')}
          </button>
        </Allowed>
        <button type="button" onClick={onBack}>
          {t('certificate.back')}
        </button>
      </div>
    </>
  );
}
