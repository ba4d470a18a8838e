import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { RichText } from '../components/rich-text.tsx';
import { fetchModuleText, useTitles } from '../content/module-text.ts';
import type { CourseManifest, Lang } from '../content/types.ts';
import { LANGUAGE_NAMES, LANGUAGE_SHORT_NAMES } from '../i18n/i18n.ts';
import { capabilities } from '../platform/capabilities.ts';
import { defaultSettings, newSeed } from './class-plan.ts';
import { saveClass } from './class-store.ts';
import { useClassTexts, type TextsByModule } from './class-texts.ts';
import type { Intake } from '../results/learner-results.ts';
import { addIntake, mergeLearners, readFiles, readPaste, type Cohort, type Readers } from './cohort-intake.ts';
import { IntakePanel } from './cohort-intake-panel.tsx';
import { cohortStats, nameCollator, type ItemStat } from './cohort-stats.ts';
import { activityFormat, ClassMatrix, ItemTable, LearnerTable, useItemLines, type ItemWordsLine } from './cohort-tables.tsx';
import { ScenarioBlock } from './scenario-block.tsx';
import './class.css';
import './cohort.css';
import { useTrainerPage } from './trainer-page.ts';

interface CohortAppProps {
  manifest: CourseManifest;
  storage: Storage | undefined;
  readers: Readers;
}

const EMPTY: Cohort = { found: [], skipped: [] };

/** The trainer's cohort view: bring the class's results in, see what the class misunderstands. */
export function CohortApp({ manifest, storage, readers }: CohortAppProps) {
  const { t, i18n } = useTranslation(['trainer', 'ui']);
  const lang = i18n.language as Lang;
  const titles = useTitles(lang);
  const [cohort, setCohort] = useState<Cohort>(EMPTY);
  const [reading, setReading] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const pastes = useRef(0);
  const scenarioId = `cohort-scenario${useId().replace(/:/g, '')}`;

  const learners = useMemo(() => mergeLearners(cohort.found), [cohort.found]);
  const stats = useMemo(() => cohortStats(learners, manifest), [learners, manifest]);
  const { texts } = useClassTexts(stats.items.map((s) => s.item.module), [lang]);
  const lines = useItemLines(stats.items, texts, lang);

  const switchLanguage = useTrainerPage(t('cohort.title'), titles.course);

  // The module texts the scenario table is worded with load as soon as the page is open, while the
  // trainer chooses files, so that bringing a class in waits for nothing but the files.
  const loadWords = () => Promise.all(manifest.modules.map((m) => fetchModuleText(m.id, lang))).catch(() => undefined);
  useEffect(() => {
    void loadWords();
    // loadWords is a new function each render but depends on these alone.
  }, [manifest, lang]);
  // So do the learner table's name order and date format, which wait for ICU's data when first made.
  useEffect(() => {
    nameCollator(lang);
    activityFormat(lang);
  }, [lang]);

  /**
   * Reads sources and adds what they hold in one update, so the tables render once. The module
   * texts the scenario table words its rows with are awaited too (loaded with the page, or now): the
   * tables come in words at once, not item codes first. If they cannot load, the codes show.
   */
  const bringIn = async (read: () => Intake | Promise<Intake>) => {
    setReading((n) => n + 1);
    try {
      const words = loadWords();
      // Marks for `npm run bench`, which times reading apart from rendering.
      performance.mark('cohort:read-start');
      const intake = await read();
      performance.mark('cohort:read-end');
      await words;
      setCohort((now) => addIntake(now, intake));
    } finally {
      setReading((n) => n - 1);
    }
  };
  const addFiles = (files: File[]) => bringIn(() => readFiles(files, manifest, readers));
  const addPaste = (text: string) => {
    pastes.current += 1;
    const name = t('cohort.pasted', { number: pastes.current });
    return bringIn(() => readPaste(text, name, manifest, readers));
  };

  // "Discuss these" hands its scenarios to class mode as a fixed plan, which opens ready to start.
  const startClass = (codes: string[]) => {
    saveClass(storage, manifest.id, { settings: { ...defaultSettings(newSeed()), show: lang, count: codes.length, picked: codes }, session: null });
    location.assign(`?view=class&lang=${lang}`);
  };

  const opened = open ? stats.items.find((s) => s.item.code === open) : undefined;
  return (
    <main id="main" className="class-page cohort-page" tabIndex={-1}>
      <div className="class-page__top no-print">
        <a href={`./?lang=${lang}`}>{t('class.toCourse')}</a>
        <a href={`?view=class&lang=${lang}`}>{t('cohort.toClass')}</a>
        <LanguageSwitch label={t('ui:language.label')} current={lang} names={LANGUAGE_NAMES} shortNames={LANGUAGE_SHORT_NAMES} onChange={switchLanguage} />
      </div>
      <h1>{t('cohort.heading')}</h1>
      <p className="no-print">{t('cohort.intro')}</p>
      <IntakePanel
        onFiles={addFiles}
        onPaste={addPaste}
        onClear={() => {
          setCohort(EMPTY);
          setOpen(null);
        }}
        reading={reading > 0}
        learners={learners.length}
        skipped={cohort.skipped}
        unknown={stats.unknown}
        unknownModules={stats.unknownModules}
      />
      {learners.length > 0 && (
        <>
          {capabilities.print && (
            <div className="actions no-print">
              <button type="button" onClick={() => window.print()}>
                {t('cohort.print')}
              </button>
            </div>
          )}
          <LearnerTable learners={learners} manifest={manifest} />
          {stats.levels && <ClassMatrix type="classify-level" confusion={stats.levels} />}
          {stats.strategies && <ClassMatrix type="classify-strategy" confusion={stats.strategies} />}
          <Discuss stats={stats.discuss} lines={lines} onStart={startClass} />
          <ItemTable manifest={manifest} stats={stats.items} lines={lines} open={open} onOpen={(code) => setOpen((now) => (now === code ? null : code))} scenarioId={scenarioId} />
          <div id={scenarioId}>{opened && texts && <OpenedScenario stat={opened} texts={texts} lang={lang} onClose={() => setOpen(null)} />}</div>
        </>
      )}
    </main>
  );
}

/** The scenarios to talk through next session, with one button that plans a class session of them. */
function Discuss({ stats, lines, onStart }: { stats: readonly ItemStat[]; lines: Map<string, ItemWordsLine>; onStart: (codes: string[]) => void }) {
  const { t } = useTranslation('trainer');
  return (
    <section className="cohort-section">
      <h2>{t('cohort.discuss')}</h2>
      {stats.length ? (
        <>
          <p>{t('cohort.discussIntro')}</p>
          <ol className="plan-list">
            {stats.map((s) => (
              <li key={s.item.code}>
                {lines.get(s.item.code)?.snippet} <span className="plan-list__module">{t('cohort.discussItem', { wrong: s.wrong, answered: s.answered })}</span>
              </li>
            ))}
          </ol>
          <button type="button" className="primary no-print" onClick={() => onStart(stats.map((s) => s.item.code))}>
            {t('cohort.startClass')}
          </button>
        </>
      ) : (
        <p>{t('cohort.noneWrong')}</p>
      )}
    </section>
  );
}

/** One scenario opened from the item table: its text, answer, rationale and the class's main misconception. */
function OpenedScenario({ stat, texts, lang, onClose }: { stat: ItemStat; texts: TextsByModule; lang: Lang; onClose: () => void }) {
  const { t } = useTranslation(['trainer', 'course']);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [stat.item.code]);
  const text = texts[lang]?.[stat.item.module]?.items[stat.item.code];
  const result = { item: stat.item, votes: [], total: stat.answered, right: stat.right, percentRight: stat.percentRight, topWrong: stat.topWrong };
  return (
    <section className="cohort-section cohort-opened" aria-labelledby={`${stat.item.code}-heading`}>
      <h2 id={`${stat.item.code}-heading`} ref={heading} tabIndex={-1}>
        {t('cohort.opened', { code: stat.item.code })}
      </h2>
      {stat.item.parts ? (
        // A sort or a case: its story and why, without the single-question layout.
        text && (
          <div lang={lang}>
            <RichText as="p" html={text.text} />
            <h3>{t('course:quiz.whyHeading')}</h3>
            <RichText as="p" html={text.rationale} />
          </div>
        )
      ) : (
        <ScenarioBlock item={stat.item} texts={texts} lang={lang} revealed result={result} prompt={false} />
      )}
      <button type="button" className="no-print" onClick={onClose}>
        {t('cohort.close')}
      </button>
    </section>
  );
}
