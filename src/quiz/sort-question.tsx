import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RichText } from '../components/rich-text.tsx';
import { LEVELS } from '../content/types.ts';
import { credit, partChoices } from './scoring.ts';
import { QuestionForm, type QuestionProps } from './question-form.tsx';
import { seededRandom, shuffle } from './selection.ts';

/**
 * Short cases placed into the three levels. Each case is a radio group (keyboard and screen
 * readers), and its grip can be dragged onto a level with a mouse or a finger; both set the same
 * answer. Feedback marks each case and says why it belongs where it does (partial credit).
 */
export function SortQuestion({ item, text, answered, response, onAnswer, ...form }: QuestionProps) {
  const { t } = useTranslation('course');
  const parts = item.parts!;
  // Authors tend to list cases level by level: show them in an order of their own.
  const [order] = useState(() => shuffle(parts.map((_, i) => i), seededRandom(item.id)));
  const [draft, setDraft] = useState<(string | undefined)[]>(() => parts.map(() => undefined));
  const [mustPlace, setMustPlace] = useState(false);
  const [dragging, setDragging] = useState<{ part: number; x: number; y: number } | null>(null);
  const placed = answered && response ? partChoices(item, response) : draft;
  const number = (part: number) => order.indexOf(part) + 1;
  const levelName = (level: string) => t(`levels.${level as 'casework'}`);

  const place = (part: number, level: string) => {
    setDraft((before) => before.map((p, i) => (i === part ? level : p)));
    setMustPlace(false);
  };
  // Where the pointer went down on a grip; a drag starts once it has moved a few pixels.
  const pressed = useRef<{ x: number; y: number } | null>(null);
  const release = () => {
    pressed.current = null;
    setDragging(null);
  };
  const dragHandlers = (part: number) => ({
    onPointerDown: (e: PointerEvent<HTMLElement>) => {
      if (answered) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      pressed.current = { x: e.clientX, y: e.clientY };
    },
    onPointerMove: (e: PointerEvent<HTMLElement>) => {
      const start = pressed.current;
      if (start && (dragging || Math.hypot(e.clientX - start.x, e.clientY - start.y) > 6)) setDragging({ part, x: e.clientX, y: e.clientY });
    },
    onPointerUp: (e: PointerEvent<HTMLElement>) => {
      const zone = document.elementFromPoint?.(e.clientX, e.clientY)?.closest<HTMLElement>('[data-level]');
      if (dragging && zone?.dataset.level) place(part, zone.dataset.level);
      release();
    },
    onPointerCancel: release,
  });

  const right = response ? Math.round(credit(item, response) * parts.length) : 0;
  return (
    <QuestionForm
      {...form}
      answered={answered}
      commit={() =>
        draft.every(Boolean) ? onAnswer(draft.map((level, i) => parts[i].options.indexOf(level!).toString(36)).join('')) : setMustPlace(true)
      }
      hint={mustPlace ? t('sort.placeAll') : undefined}
      feedback={
        <div className={`feedback feedback--${right === parts.length ? 'right' : 'wrong'}`}>
          <p className="feedback__verdict">{t('sort.result', { right, total: parts.length })}</p>
          <RichText as="p" html={text.rationale} />
        </div>
      }
    >
      <RichText as="p" className="scenario" html={text.text} />
      <p>{t('sort.howTo')}</p>
      {/* While a case is dragged, the levels stay in view at the top of the screen (sticky). */}
      <ul className={`sort-bins${dragging ? ' sort-bins--floating' : ''}`}>
        {LEVELS.map((level) => {
          const here = order.filter((part) => placed[part] === level).map(number);
          return (
            <li key={level} data-level={level} className={`sort-bin${dragging ? ' sort-bin--open' : ''}`}>
              <strong>{levelName(level)}</strong>: {here.length ? here.map((n) => t('sort.caseNumber', { number: n })).join(', ') : t('sort.empty')}
            </li>
          );
        })}
      </ul>
      <ol className="sort-cases">
        {order.map((part) => {
          const choice = placed[part];
          const mark = !answered ? '' : choice === parts[part].answer ? ' option--right' : ' option--wrong';
          return (
            <li key={part} className={`sort-case${mark}${dragging?.part === part ? ' sort-case--dragging' : ''}`}>
              <fieldset className="options">
                <legend>
                  <span className="sort-case__grip" aria-hidden="true" {...dragHandlers(part)}>⠿</span>
                  {t('sort.caseNumber', { number: number(part) })}: <RichText as="span" html={text.parts![part].text} />
                </legend>
                <div className="sort-case__levels">
                  {LEVELS.map((level) => (
                    <label key={level} className="sort-case__level">
                      <input
                        type="radio"
                        name={`${item.id}-${part}`}
                        value={level}
                        checked={choice === level}
                        disabled={answered}
                        onChange={() => place(part, level)}
                      />
                      <span>{levelName(level)}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              {answered && (
                <p className="sort-case__why">
                  <strong>{choice === parts[part].answer ? t('quiz.correct') : t('quiz.rightAnswer', { answer: levelName(parts[part].answer) })}</strong>{' '}
                  <RichText as="span" html={text.parts![part].rationale} />
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {dragging && (
        <div className="sort-ghost" aria-hidden="true" style={{ left: dragging.x, top: dragging.y }}>
          {t('sort.caseNumber', { number: number(dragging.part) })}
        </div>
      )}
    </QuestionForm>
  );
}
