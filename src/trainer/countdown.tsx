import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const COUNTDOWN_SECONDS = 60;

/** A visible countdown while the class votes; it starts again for each scenario (the parent keys it). */
export function Countdown() {
  const { t } = useTranslation('trainer');
  const [left, setLeft] = useState(COUNTDOWN_SECONDS);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return (
    <p role="timer" className={`countdown${left ? '' : ' countdown--up'}`}>
      {left ? t('present.timeLeft', { seconds: left }) : t('present.timeUp')}
    </p>
  );
}
