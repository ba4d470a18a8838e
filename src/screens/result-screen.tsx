import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { LEVELS, STRATEGIES, type ModuleSpec } from '../content/types.ts';
import { CourseContext } from '../course/course-context.ts';
import { hasPassedFinal } from '../course/final-assessment.ts';
import { quizItems } from '../course/quiz-round.ts';
import { isCorrect, lastChoice, scoreItems } from '../quiz/scoring.ts';
import { CertificateView } from './certificate-view.tsx';
import { AnswerPatterns } from './summary-screen.tsx';
import { useCourse } from './use-course.ts';

/** The final assessment's result: score, pass or not, where the mistakes were, retry, certificate. */
export function ResultScreen({ module }: { module: ModuleSpec }) {
  const { t } = useTranslation('course');
  const { manifest, send } = useCourse();
  const progress = CourseContext.useSelector((s) => s.context.progress);
  const [showCertificate, setShowCertificate] = useState(false);
  const items = quizItems(progress, module);
  const score = scoreItems(items, progress.answers);
  const passed = hasPassedFinal(manifest, progress);
  const { passMark } = manifest.final;

  if (showCertificate) return <CertificateView score={progress.final?.score ?? score.percent} onBack={() => setShowCertificate(false)} />;

  const breakdown = [...LEVELS, ...STRATEGIES].flatMap((key) => {
    const ofKind = items.filter((item) => item.answer === key);
    if (!ofKind.length) return [];
    const label = (LEVELS as readonly string[]).includes(key) ? t(`levels.${key as 'casework'}`) : t(`strategies.${key as 'locality'}`);
    const correct = ofKind.filter((item) => isCorrect(item, lastChoice(progress.answers, item.id))).length;
    return [{ key, label, correct, total: ofKind.length }];
  });

  return (
    <>
      <ScreenHeading focusKey="result">{t('result.heading')}</ScreenHeading>
      <p className="score">{t('summary.score', { ...score })}</p>
      <p>{passed ? t('result.passed', { passMark }) : t('result.notYet', { passMark })}</p>
      <h2>{t('result.breakdownHeading')}</h2>
      <ul>
        {breakdown.map((row) => (
          <li key={row.key}>{t('result.breakdownItem', row)}</li>
        ))}
      </ul>
      <AnswerPatterns module={module} />
      <div className="actions">
        {passed && (
          <button type="button" className="primary" onClick={() => setShowCertificate(true)}>
            {t('result.certificate')}
          </button>
        )}
        <button type="button" onClick={() => send({ type: 'quiz.retry' })}>
          {t('result.retry')}
        </button>
        <button type="button" onClick={() => send({ type: 'course.home' })}>
          {t('summary.home')}
        </button>
      </div>
    </>
  );
}
