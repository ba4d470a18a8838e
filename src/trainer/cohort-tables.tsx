import { memo, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfusionTable } from '../components/confusion-table.tsx';
import { downloadText } from '../components/download.ts';
import { htmlToText } from '../components/html-text.ts';
import { useTitles } from '../content/module-text.ts';
import type { CourseManifest, ItemText, Lang } from '../content/types.ts';
import type { Confusion } from '../quiz/feedback.ts';
import { useOptionLabel } from '../quiz/option-label.ts';
import { capabilities } from '../platform/capabilities.ts';
import { csvText } from './class-csv.ts';
import { optionLetter } from './class-summary.ts';
import type { TextsByModule } from './class-texts.ts';
import { classInsight, learnerRows, rowPercents, sortRows, type ItemStat, type LearnerRow, type SortKey } from './cohort-stats.ts';
import type { CohortLearner } from './cohort-intake.ts';

type Cell = string | number;

/** A wide table scrolls inside its own focusable, labelled region, so the page never scrolls sideways. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation('trainer');
  return (
    <div className="cohort-scroll" role="region" aria-label={t('cohort.scrollRegion', { table: label })} tabIndex={0}>
      {children}
    </div>
  );
}

/** "Download as CSV" for one table (UTF-8 with BOM, see csvText). */
export function CsvButton({ fileName, rows }: { fileName: string; rows: () => Cell[][] }) {
  const { t } = useTranslation('trainer');
  if (!capabilities.download) return null;
  return (
    <button type="button" className="no-print" onClick={() => downloadText(fileName, csvText(rows()), 'text/csv;charset=utf-8')}>
      {t('cohort.csv')}
    </button>
  );
}

const activityFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * How the learner table writes last activity in the trainer's language. Made once per language: the
 * first date format in a page waits for ICU's data (tens of milliseconds), so the view makes it early.
 */
export function activityFormat(lang: string): Intl.DateTimeFormat {
  let format = activityFormats.get(lang);
  if (!format) activityFormats.set(lang, (format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' })));
  return format;
}

/**
 * The learner table: one row per (merged) learner, sortable by every column. Rendered again only
 * when its learners change (not when the rest of the page does: it is the largest table).
 */
export const LearnerTable = memo(function LearnerTable({ learners, manifest }: { learners: readonly CohortLearner[]; manifest: CourseManifest }) {
  const { t, i18n } = useTranslation('trainer');
  const [sort, setSort] = useState<{ key: SortKey; direction: 'ascending' | 'descending' }>({ key: 'name', direction: 'ascending' });
  const rows = useMemo(() => learnerRows(learners, manifest), [learners, manifest]);
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.direction, i18n.language), [rows, sort, i18n.language]);
  const date = activityFormat(i18n.language);
  const columns: { key: SortKey; label: string; title?: string }[] = [
    { key: 'name', label: t('cohort.name') },
    { key: 'done', label: t('cohort.done') },
    ...manifest.modules.map((m) => ({ key: `module:${m.id}` as SortKey, label: t('cohort.moduleShort', { number: m.number }) })),
    { key: 'final', label: t('cohort.final') },
    { key: 'last', label: t('cohort.last') },
  ];
  // Each final result's words once per score, not once per learner (a class shares a few dozen scores).
  const finals = new Map<string, string>();
  const finalText = ({ passed, score }: { passed: boolean; score: number }) => {
    const key = `${passed}${score}`;
    let text = finals.get(key);
    if (text === undefined) finals.set(key, (text = t(passed ? 'cohort.passed' : 'cohort.notPassed', { score })));
    return text;
  };
  const cells = (row: LearnerRow): Cell[] => [
    row.learner.learner,
    `${row.modulesDone}/${manifest.modules.length}`,
    ...manifest.modules.map((m) => (row.best[m.id] === undefined ? '–' : `${row.best[m.id]}%`)),
    row.final ? finalText(row.final) : '–',
    Number.isNaN(row.last) ? '–' : date.format(row.last),
  ];
  const toggle = (key: SortKey) =>
    setSort((now) => ({ key, direction: now.key === key && now.direction === 'ascending' ? 'descending' : 'ascending' }));
  const caption = t('cohort.learners');
  return (
    <section className="cohort-section">
      <ScrollRegion label={caption}>
        <table className="summary-table cohort-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.direction : undefined}>
                  <button type="button" className="cohort-sort" onClick={() => toggle(c.key)}>
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row, i) => {
              const [name, ...rest] = cells(row);
              return (
                <tr key={i}>
                  <th scope="row">
                    {name}
                    {row.learner.sources.length > 1 && (
                      <small className="cohort-merged">{t('cohort.merged', { count: row.learner.sources.length, names: row.learner.sources.map((s) => s.name).join(', ') })}</small>
                    )}
                  </th>
                  {rest.map((cell, c) => (
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <CsvButton
        fileName="class-learners.csv"
        rows={() => [[...columns.map((c) => c.label), t('cohort.csvSources')], ...sorted.map((row) => [...cells(row), row.learner.sources.map((s) => s.name).join('; ')])]}
      />
    </section>
  );
});

/** The class's 3×3 table of one kind, counts with row percentages, and its main confusion in a sentence. */
export function ClassMatrix({ type, confusion }: { type: 'classify-level' | 'classify-strategy'; confusion: Confusion }) {
  const { t } = useTranslation('trainer');
  const optionLabel = useOptionLabel();
  const labels = confusion.classes.map((c) => optionLabel(type, c));
  const percents = rowPercents(confusion.counts);
  const insight = classInsight(confusion);
  const caption = t(type === 'classify-level' ? 'cohort.levels' : 'cohort.strategies');
  return (
    <section className="cohort-section">
      <ScrollRegion label={caption}>
        <ConfusionTable caption={caption} corner={t('cohort.corner')} labels={labels} counts={confusion.counts} percents={percents} />
      </ScrollRegion>
      <p className="insight">
        {insight
          ? t('cohort.insight', { actual: optionLabel(type, insight.actual), chosen: optionLabel(type, insight.chosen), percent: insight.percent })
          : t('cohort.noInsight')}
      </p>
      <CsvButton
        fileName={type === 'classify-level' ? 'class-levels.csv' : 'class-strategies.csv'}
        rows={() => [[t('cohort.corner'), ...labels, ...labels.map((l) => `% ${l}`)], ...confusion.counts.map((row, i) => [labels[i], ...row, ...percents[i]])]}
      />
    </section>
  );
}

/** What a table row says about one scenario: a short text, the top wrong answer, the misconception behind it. */
export interface ItemWordsLine {
  snippet: string;
  text: string;
  topWrong: string;
  misconception: string;
}

/** The words of each item stat in the trainer's language (codes until the module text has loaded). */
export function useItemLines(stats: readonly ItemStat[], texts: TextsByModule | undefined, lang: Lang) {
  const optionLabel = useOptionLabel();
  return useMemo(() => {
    const lines = new Map<string, ItemWordsLine>();
    for (const s of stats) {
      const text: ItemText | undefined = texts?.[lang]?.[s.item.module]?.items[s.item.code];
      const plain = text ? htmlToText(text.text) : s.item.code;
      const snippet = plain.length > 90 ? `${plain.slice(0, plain.lastIndexOf(' ', 87)).replace(/[,;:]$/, '')}…` : plain;
      let topWrong = '';
      let misconception = '';
      if (s.topWrong && !s.item.parts) {
        const letter = optionLetter(s.item.options.indexOf(s.topWrong));
        topWrong = s.item.type === 'choice' ? `${letter}. ${optionLabel(s.item.type, s.topWrong, text?.options)}` : `${letter}. ${optionLabel(s.item.type, s.topWrong)}`;
        misconception = htmlToText(text?.misconceptions[s.topWrong] ?? '');
      } else if (s.topWrong && s.item.parts) {
        // A sort or a case: the letters chosen per part, and the misconception of the first part gone wrong.
        const parts = s.item.parts;
        topWrong = [...s.topWrong].map((c) => optionLetter(parseInt(c, 36))).join(' · ');
        const wrongAt = [...s.topWrong].findIndex((c, i) => c !== s.item.answer[i]);
        const chosen = parts[wrongAt]?.options[parseInt(s.topWrong[wrongAt], 36)];
        misconception = htmlToText((chosen && text?.parts?.[wrongAt]?.misconceptions[chosen]) || '');
      }
      lines.set(s.item.code, { snippet, text: plain, topWrong, misconception });
    }
    return lines;
    // optionLabel is a new function each render but changes only with the language.
  }, [stats, texts, lang]);
}

interface ItemTableProps {
  manifest: CourseManifest;
  stats: readonly ItemStat[];
  lines: Map<string, ItemWordsLine>;
  open: string | null;
  onOpen: (code: string) => void;
  scenarioId: string;
}

/** Every scenario answered by anyone, most often wrong first; a scenario's text opens it with its rationale. */
export function ItemTable({ manifest, stats, lines, open, onOpen, scenarioId }: ItemTableProps) {
  const { t, i18n } = useTranslation('trainer');
  const titles = useTitles(i18n.language as Lang);
  const moduleShort = new Map(manifest.modules.map((m) => [m.id, t('cohort.moduleShort', { number: m.number })]));
  const caption = t('cohort.items');
  const head = [t('cohort.scenario'), t('cohort.module'), t('cohort.answered'), t('cohort.rightFirst'), t('cohort.topWrong'), t('cohort.misconception')];
  return (
    <section className="cohort-section">
      <ScrollRegion label={caption}>
        <table className="summary-table cohort-table cohort-items">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => {
              const line = lines.get(s.item.code)!;
              return (
                <tr key={s.item.code}>
                  <th scope="row">
                    <button type="button" className="cohort-open" aria-expanded={open === s.item.code} aria-controls={scenarioId} onClick={() => onOpen(s.item.code)}>
                      {line.snippet}
                    </button>
                  </th>
                  <td>{moduleShort.get(s.item.module)}</td>
                  <td>{s.answered}</td>
                  <td>{`${s.percentRight}%`}</td>
                  <td>{line.topWrong || '–'}</td>
                  <td>{line.misconception || '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <CsvButton
        fileName="class-scenarios.csv"
        rows={() => [
          [t('cohort.csvCode'), t('cohort.csvText'), ...head.slice(1)],
          ...stats.map((s) => {
            const line = lines.get(s.item.code)!;
            return [s.item.code, line.text, titles.module(s.item.module), s.answered, s.percentRight, line.topWrong, line.misconception];
          }),
        ]}
      />
    </section>
  );
}
