import { useTranslation } from 'react-i18next';
import { optionLetter, percentOf, type ScenarioResult } from './class-summary.ts';

/** The class's votes as a bar chart that is a table: screen readers read the numbers, the room sees bars. */
export function VoteChart({ result }: { result: ScenarioResult }) {
  const { t } = useTranslation('trainer');
  const answer = result.item.options.indexOf(result.item.answer);
  return (
    <table className="vote-chart">
      <caption>{t('chart.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.option')}</th>
          <th scope="col">{t('chart.votes')}</th>
          <th scope="col">{t('chart.share')}</th>
        </tr>
      </thead>
      <tbody>
        {result.votes.map((n, i) => (
          <tr key={i} className={i === answer ? 'vote-chart__right' : undefined}>
            <th scope="row">
              {optionLetter(i)}
              {i === answer && <span aria-hidden="true"> ✓</span>}
            </th>
            <td>
              {/* the bar's length is decoration; its number is in the cell */}
              <div className="vote-chart__bars">
                <span className="vote-chart__bar" aria-hidden="true" style={{ width: `${percentOf(n, result.total)}%` }} />
                <span>{n}</span>
              </div>
            </td>
            <td>{percentOf(n, result.total)}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
