import { useTranslation } from 'react-i18next';
import { MAX_VOTES, optionLetter, totalOf } from './class-summary.ts';

interface VoteStripProps {
  votes: number[];
  onAdd: (option: number, delta: 1 | -1) => void;
  onSet: (option: number, count: number) => void;
}

/** The trainer's tally: per option a count to type, or to raise and lower by one. */
export function VoteStrip({ votes, onAdd, onSet }: VoteStripProps) {
  const { t } = useTranslation('trainer');
  return (
    <fieldset className="vote-strip">
      <legend>{t('present.votes')}</legend>
      <ul>
        {votes.map((n, i) => {
          const option = optionLetter(i);
          return (
            <li key={i}>
              <span className="vote-strip__letter" aria-hidden="true">
                {option}
              </span>
              <button type="button" aria-label={t('present.subtract', { option })} disabled={n === 0} onClick={() => onAdd(i, -1)}>
                −
              </button>
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_VOTES}
                aria-label={t('present.count', { option })}
                value={n}
                onFocus={(e) => e.currentTarget.select()}
                onChange={(e) => onSet(i, e.currentTarget.value === '' ? 0 : Number(e.currentTarget.value))}
              />
              <button type="button" aria-label={t('present.add', { option })} onClick={() => onAdd(i, 1)}>
                +
              </button>
            </li>
          );
        })}
      </ul>
      <p className="vote-strip__total" aria-live="polite">
        {t('present.totalVotes', { count: totalOf(votes) })}
      </p>
    </fieldset>
  );
}
