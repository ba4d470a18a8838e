import { useTranslation } from 'react-i18next';
import { ConfusionTable } from '../components/confusion-table.tsx';
import { downloadText } from '../components/download.ts';
import { capabilities } from '../platform/capabilities.ts';
import { htmlToText } from '../components/html-text.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useTitles } from '../content/module-text.ts';
import type { Lang } from '../content/types.ts';
import { LANGUAGE_NAMES, LANGUAGE_SHORT_NAMES } from '../i18n/i18n.ts';
import { useOptionLabel } from '../quiz/option-label.ts';
import { ClassContext } from './class-context.ts';
import { summaryCsv } from './class-csv.ts';
import type { ClassItem } from './class-plan.ts';
import { classConfusion, mostWrong, optionLetter, scenarioResult } from './class-summary.ts';
import { useClassTexts } from './class-texts.ts';

/** The session's result: votes and % right per scenario, the class's confusions, what to revisit; print and CSV. */
export function SummaryScreen({ items, onLanguage }: { items: Map<string, ClassItem>; onLanguage: (lang: Lang) => void }) {
  const { t, i18n } = useTranslation(['trainer', 'ui']);
  const lang = i18n.language as Lang;
  const titles = useTitles(lang);
  const optionLabel = useOptionLabel();
  const actor = ClassContext.useActorRef();
  const { codes, votes, skipped } = ClassContext.useSelector((s) => ({ codes: s.context.items, votes: s.context.votes, skipped: s.context.skipped }), (a, b) => a.votes === b.votes && a.codes === b.codes);
  const results = codes.map((code) => scenarioResult(items.get(code)!, votes[code]));
  const { texts } = useClassTexts(results.map((r) => r.item.module), [lang]);
  const textOf = (item: ClassItem) => texts?.[lang]?.[item.module]?.items[item.code];
  const label = (item: ClassItem, key: string) => optionLabel(item.type, key, textOf(item)?.options);
  const matrices = (['classify-level', 'classify-strategy'] as const).flatMap((type) => {
    const confusion = classConfusion(results, type);
    return confusion ? [{ type, confusion }] : [];
  });
  const worst = mostWrong(results);

  const csv = () =>
    downloadText('class-summary.csv', summaryCsv(results, {
      header: ['csvScenario', 'csvCode', 'csvModule', 'csvOption', 'csvLabel', 'csvRight', 'csvVotes', 'csvPercent'].map((k) => t(`summary.${k as 'csvScenario'}`)) as never,
      yes: t('summary.yes'),
      no: t('summary.no'),
      module: (id) => titles.module(id),
      option: label,
    }), 'text/csv;charset=utf-8');

  return (
    <>
      <div className="class-page__top no-print">
        <LanguageSwitch label={t('ui:language.label')} current={lang} names={LANGUAGE_NAMES} shortNames={LANGUAGE_SHORT_NAMES} onChange={onLanguage} />
      </div>
      <h1>{t('summary.heading')}</h1>
      <table className="summary-table">
        <caption>{t('summary.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('summary.number')}</th>
            <th scope="col">{t('summary.scenario')}</th>
            <th scope="col">{t('summary.votes')}</th>
            <th scope="col">{t('summary.right')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r, i) => (
            <tr key={r.item.code}>
              <th scope="row">{i + 1}</th>
              <td>{htmlToText(textOf(r.item)?.text ?? '')}</td>
              <td>
                {skipped.includes(r.item.code) ? t('summary.notCounted') : r.votes.map((n, o) => `${optionLetter(o)}${o === r.item.options.indexOf(r.item.answer) ? ' ✓' : ''}: ${n}`).join(' · ')}
              </td>
              <td>{r.percentRight === null ? '–' : `${r.percentRight}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {matrices.length ? (
        matrices.map(({ type, confusion }) => (
          <ConfusionTable
            key={type}
            caption={t(type === 'classify-level' ? 'summary.levels' : 'summary.strategies')}
            corner={t('summary.corner')}
            labels={confusion.classes.map((c) => optionLabel(type, c))}
            counts={confusion.counts}
          />
        ))
      ) : (
        <p>{t('summary.noMatrix')}</p>
      )}
      <h2>{t('summary.mostWrong')}</h2>
      {worst.length ? (
        <ul>
          {worst.map((r) => (
            <li key={r.item.code}>{t('summary.mostWrongItem', { number: r.index + 1, wrong: r.wrong, total: r.total })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('summary.noneWrong')}</p>
      )}
      <div className="actions no-print">
        <button type="button" onClick={() => actor.send({ type: 'step.back' })}>
          {t('summary.back')}
        </button>
        {capabilities.print && (
          <button type="button" onClick={() => window.print()}>
            {t('summary.print')}
          </button>
        )}
        {capabilities.download && (
          <button type="button" onClick={csv}>
            {t('summary.csv')}
          </button>
        )}
        <button type="button" className="primary" onClick={() => actor.send({ type: 'session.new' })}>
          {t('summary.newSession')}
        </button>
      </div>
    </>
  );
}
