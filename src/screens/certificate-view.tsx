import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Allowed } from '../components/allowed.tsx';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { CourseContext } from '../course/course-context.ts';
import { certificateCode } from '../course/certificate-code.ts';
import { finalPassedAt } from '../course/final-assessment.ts';
import { useStore } from '../tracking/store-context.ts';
import { useTitles, useWelcome } from '../content/module-text.ts';
import { useCourse } from './use-course.ts';

/**
 * A printable certificate: on paper it prints alone, on one page. The learner's name is kept only
 * on this device, outside the Progress record, and is shown as text (never as markup).
 */
export function CertificateView({ score, onBack }: { score: number; onBack: () => void }) {
  const { t } = useTranslation('course');
  const { manifest, lang } = useCourse();
  const store = useStore();
  const progress = CourseContext.useSelector((s) => s.context.progress);
  const [name, setName] = useState(() => store.certificateName());
  // The day the final was first passed (not the day of printing), in the learner's language.
  const passedAt = finalPassedAt(progress);
  const date = passedAt === undefined ? undefined : new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(passedAt * 60_000));
  const minutes = manifest.modules.reduce((sum, m) => sum + m.minutes, 0);
  const hours = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(minutes / 60);
  const issuer = useWelcome(lang).text?.issuer;
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
        <dl className="certificate__facts">
          <div>
            <dt>{t('certificate.issuer')}</dt>
            <dd>{issuer}</dd>
          </div>
          {date && (
            <div>
              <dt>{t('certificate.date')}</dt>
              <dd>{date}</dd>
            </div>
          )}
          <div>
            <dt>{t('certificate.hours')}</dt>
            <dd>{t('certificate.hoursValue', { hours })}</dd>
          </div>
          <div>
            <dt>{t('certificate.score')}</dt>
            <dd>{t('certificate.scoreValue', { score })}</dd>
          </div>
          <div>
            <dt>{t('certificate.code')}</dt>
            <dd className="certificate__code">{certificateCode(manifest, progress)}</dd>
          </div>
        </dl>
        <p className="certificate__version">{t('certificate.version', { version: manifest.version })}</p>
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
