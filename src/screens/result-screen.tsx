import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { LEVELS, STRATEGIES, type ModuleSpec } from '../content/types.ts';
import { CourseContext } from '../course/course-context.ts';
import { hasPassedFinal } from '../course/final-assessment.ts';
import { useTitles } from '../content/module-text.ts';
import { quizItems } from '../course/quiz-round.ts';
import { isCorrect, lastChoice, scoreItems } from '../quiz/scoring.ts';
import { useCertificate } from './certificate-context.ts';
import { CertificateView } from './certificate-view.tsx';
import { AnswerReview } from './answer-review.tsx';
import { FinalAccessNote, useFinalAccess } from './final-access.tsx';
import { AnswerPatterns } from './summary-screen.tsx';
import { useCourse } from './use-course.ts';

/** The final assessment's result: score, pass or not, where the mistakes were, retry, certificate. */
export function ResultScreen({ module }: { module: ModuleSpec }) {
  const { t } = useTranslation('course');
  const { manifest, send, lang } = useCourse();
  const titles = useTitles(lang);
  const access = useFinalAccess();
  const progress = CourseContext.useSelector((s) => s.context.progress);
  const certificate = useCertificate();
  const items = quizItems(progress, module);
  const score = scoreItems(items, progress.answers);
  const passed = hasPassedFinal(manifest, progress);
  const { passMark } = manifest.final;

  if (certificate.open && passed) return <CertificateView score={progress.final?.score ?? score.percent} onBack={() => certificate.show(false)} />;

  const breakdown = [...LEVELS, ...STRATEGIES].flatMap((key) => {
    const ofKind = items.filter((item) => item.answer === key);
    if (!ofKind.length) return [];
    const label = (LEVELS as readonly string[]).includes(key) ? t(`levels.${key as 'casework'}`) : t(`strategies.${key as 'locality'}`);
    const correct = ofKind.filter((item) => isCorrect(item, lastChoice(progress.answers, item.id))).length;
    return [{ key, label, correct, total: ofKind.length }];
  });
  // Concept questions, by the module (and so the outcome) they assess.
  const concepts = manifest.modules.flatMap((m) => {
    const ofModule = items.filter((item) => item.type === 'choice' && m.items.includes(item));
    if (!ofModule.length) return [];
    const correct = ofModule.filter((item) => isCorrect(item, lastChoice(progress.answers, item.id))).length;
    return [{ key: m.id, label: t('final.conceptsItem', { number: m.number, title: titles.module(m.id), correct, total: ofModule.length }) }];
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
        {concepts.map((row) => (
          <li key={row.key}>{row.label}</li>
        ))}
      </ul>
      <AnswerPatterns module={module} />
      <AnswerReview items={items} answers={progress.answers} missedOnly={false} />
      <FinalAccessNote access={access} />
      <div className="actions">
        {passed && (
          <button type="button" className="primary" onClick={() => certificate.show(true)}>
            {t('result.certificate')}
          </button>
        )}
        {access.kind === 'open' && (
          <button type="button" onClick={() => send({ type: 'quiz.retry' })}>
            {t('result.retry')}
          </button>
        )}
        <button type="button" onClick={() => send({ type: 'course.home' })}>
          {t('summary.home')}
        </button>
      </div>
    </>
  );
}
