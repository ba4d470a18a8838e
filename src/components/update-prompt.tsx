import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { updateOffer, type UpdateOffer } from '../platform/offline.ts';

/**
 * "A new version of the course is ready — Reload": shown when a new version waits
 * (src/platform/service-worker.ts); nothing changes until the learner chooses Reload. A polite
 * live region, present (empty) from the start so screen readers announce the offer; not
 * role="status", which belongs to each screen's own feedback.
 */
// The prerendered page (and the hydration that adopts it) shows no offer: none exists before the app runs.
const noOffer = () => null;

export function UpdatePrompt({ offer = updateOffer }: { offer?: UpdateOffer }) {
  const { t } = useTranslation();
  const apply = useSyncExternalStore(offer.subscribe, offer.current, noOffer);
  return (
    <div aria-live="polite">
      {apply && (
        <div className="notice">
          <p>{t('update.ready')}</p>
          <button type="button" className="primary" onClick={apply}>
            {t('update.reload')}
          </button>
        </div>
      )}
    </div>
  );
}
