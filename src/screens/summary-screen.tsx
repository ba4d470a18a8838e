import { useTranslation } from 'react-i18next';
import { RichList } from '../components/rich-text.tsx';
import type { ModuleSpec } from '../content/types.ts';
import { CourseContext } from '../course/course-context.ts';
import { quizItems } from '../course/quiz-round.ts';
import { ConfusionTable } from '../components/confusion-table.tsx';
import { confusionMatrix, mainConfusion } from '../quiz/feedback.ts';
import { scoreItems } from '../quiz/scoring.ts';
import { ModuleFrame } from './module-frame.tsx';
import { AnswerReview } from './answer-review.tsx';
import { SendResults } from './send-results.tsx';
import { useCourse } from './use-course.ts';

const sameScore = (a: { correct: number; total: number }, b: { correct: number; total: number }) => a.correct === b.correct && a.total === b.total;

export function SummaryScreen({ module }: { module: ModuleSpec }) {
  const { manifest, send } = useCourse();
  const { t } = useTranslation('course');
  const score = CourseContext.useSelector((s) => scoreItems(quizItems(s.context.progress, module), s.context.progress.answers), sameScore);
  const items = CourseContext.useSelector((s) => quizItems(s.context.progress, module));
  const answers = CourseContext.useSelector((s) => s.context.progress.answers);
  const canGoOn = CourseContext.useSelector((s) => s.can({ type: 'module.next' }));
  const next = manifest.modules[manifest.modules.indexOf(module) + 1];

  return (
    <ModuleFrame module={module} focusKey={`summary-${module.id}`} heading={() => t('summary.heading')}>
      {(text) => (
        <>
          {module.items.length > 0 && (
            <>
              <p className="score">{t('summary.score', { ...score })}</p>
              <p>{score.percent >= manifest.mastery ? t('summary.mastered') : t('summary.notYet', { mastery: manifest.mastery })}</p>
              <AnswerReview items={items} answers={answers} missedOnly />
            </>
          )}
          <AnswerPatterns module={module} />
          <h2>{t('summary.takeawaysHeading')}</h2>
          <RichList lines={text.takeaways} />
          <h2>{t('summary.objectivesHeading')}</h2>
          <RichList lines={text.objectives} />
          {!next && <p>{t('summary.courseDone')}</p>}
          <div className="actions">
            {next && canGoOn && (
              <button type="button" className="primary" onClick={() => send({ type: 'module.next' })}>
                {t('summary.nextModule', { number: next.number })}
              </button>
            )}
            {module.items.length > 0 && (
              <button type="button" onClick={() => send({ type: 'quiz.retry' })}>
                {t('summary.retry')}
              </button>
            )}
            <button type="button" onClick={() => send({ type: 'course.home' })}>
              {t('summary.home')}
            </button>
          </div>
          <SendResults />
        </>
      )}
    </ModuleFrame>
  );
}

/** The learner's classification answers in this round as a table, with one plain-language insight. */
export function AnswerPatterns({ module }: { module: ModuleSpec }) {
  const { t } = useTranslation('course');
  const progress = CourseContext.useSelector((s) => s.context.progress);
  const items = quizItems(progress, module);
  const tables = (['classify-level', 'classify-strategy'] as const).flatMap((type) => {
    const matrix = confusionMatrix(items, progress.answers, type);
    return matrix ? [{ type, matrix, confusion: mainConfusion(matrix) }] : [];
  });
  if (!tables.length) return null;
  const label = (type: string, key: string) => (type === 'classify-level' ? t(`levels.${key as 'casework'}`) : t(`strategies.${key as 'locality'}`));
  const short = (type: string, key: string) => (type === 'classify-level' ? t(`levelsShort.${key as 'casework'}`) : t(`strategiesShort.${key as 'locality'}`));
  return (
    <>
      <h2>{t('summary.insightHeading')}</h2>
      {tables.map(({ type, matrix, confusion }) => (
        <div key={type}>
          <ConfusionTable
            caption={t('summary.matrixCaption')}
            corner={t('summary.matrixCorner')}
            labels={matrix.classes.map((key) => label(type, key))}
            shortLabels={matrix.classes.map((key) => short(type, key))}
            counts={matrix.counts}
          />
          <p className="insight">{t(`insights.${(confusion?.replace('→', '-') ?? 'allRight') as 'allRight'}`)}</p>
        </div>
      ))}
    </>
  );
}
