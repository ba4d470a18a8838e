import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const KEYS = ['next', 'back', 'vote', 'blank', 'fullscreen', 'escape', 'help'] as const;

/** The presenter keys, on `?`: a small dialog the trainer closes with Escape or its button. */
export function KeysHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('trainer');
  const close = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => close.current?.focus(), []);
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="keys-heading" className="keys-help">
      <h2 id="keys-heading">{t('keys.heading')}</h2>
      <dl>
        {KEYS.map((key) => (
          <div key={key}>
            <dt>
              <kbd>{t(`keys.${key}Keys`)}</kbd>
            </dt>
            <dd>{t(`keys.${key}`)}</dd>
          </div>
        ))}
      </dl>
      <button ref={close} type="button" className="primary" onClick={onClose}>
        {t('keys.close')}
      </button>
    </div>
  );
}
