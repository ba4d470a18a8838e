import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { htmlToText } from '../components/html-text.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useTitles } from '../content/module-text.ts';
import { LEVELS, type CourseManifest, type ItemFacts, type Lang } from '../content/types.ts';
import { LANGUAGE_NAMES, LANGUAGE_SHORT_NAMES } from '../i18n/i18n.ts';
import { useOptionLabel } from '../quiz/option-label.ts';
import { ClassContext } from './class-context.ts';
import { contrastSets, FOCUSES, MAX_COUNT, newSeed, planItems, settingsInUse, type ClassItem, type PlanSettings } from './class-plan.ts';
import { useClassTexts } from './class-texts.ts';
import { PlanFilePanel } from './plan-file-panel.tsx';

interface PlanScreenProps {
  manifest: CourseManifest;
  bank: ClassItem[];
  facts: Record<string, ItemFacts>;
  settings: PlanSettings;
  onSettings: (settings: PlanSettings) => void;
  onLanguage: (lang: Lang) => void;
}

/** A labelled control; the label names it alone (a wrapping label would add the control's value to its name). */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** How many scenarios: the field may be empty while the trainer types; only 1–40 is taken. */
function CountInput({ id, value, onChange }: { id: string; value: number; onChange: (count: number) => void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText((now) => (Number(now) === value ? now : String(value))), [value]);
  return (
    <input
      id={id}
      type="number"
      min={1}
      max={MAX_COUNT}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const count = Number(e.target.value);
        if (Number.isInteger(count) && count >= 1 && count <= MAX_COUNT) onChange(count);
      }}
    />
  );
}

/** The trainer picks the session's scenarios, how many, their order and language. */
export function PlanScreen({ manifest, bank, facts, settings: s, onSettings, onLanguage }: PlanScreenProps) {
  const { t, i18n } = useTranslation(['trainer', 'ui']);
  const optionLabel = useOptionLabel();
  const lang = i18n.language as Lang;
  const titles = useTitles(lang);
  const actor = ClassContext.useActorRef();
  const items = useMemo(() => planItems(bank, facts, s), [bank, facts, s]);
  const sets = useMemo(() => contrastSets(bank, facts), [bank, facts]);
  const { texts } = useClassTexts([...items, ...sets.map((set) => set.items[0])].map((i) => i.module), [lang]);
  const snippet = (item: ClassItem) => {
    const text = htmlToText(texts?.[lang]?.[item.module]?.items[item.code]?.text ?? '');
    // Cut at a word, so a line never ends in half a word.
    return text.length > 110 ? `${text.slice(0, text.lastIndexOf(' ', 107)).replace(/[,;:]$/, '')}…` : text;
  };
  // Changing a filter goes back from an opened plan's fixed list to the filters' choice.
  const set = (change: Partial<PlanSettings>) => onSettings({ ...s, picked: null, ...change });
  const moduleNumber = (id: string) => manifest.modules.find((m) => m.id === id)?.number ?? 0;

  return (
    <>
      <div className="class-page__top">
        <a href={`./?lang=${lang}`}>{t('class.toCourse')}</a>
        <a href={`?view=cohort&lang=${lang}`}>{t('cohort.link')}</a>
        <LanguageSwitch label={t('ui:language.label')} current={lang} names={LANGUAGE_NAMES} shortNames={LANGUAGE_SHORT_NAMES} onChange={onLanguage} />
      </div>
      <h1>{t('plan.heading')}</h1>
      <p>{t('plan.intro')}</p>
      <fieldset className="plan-fields">
        <legend>{t('plan.filters')}</legend>
        <Field label={t('plan.module')}>
          {(id) => (
            <select id={id} value={s.module} onChange={(e) => set({ module: e.target.value })}>
              <option value="">{t('plan.anyModule')}</option>
              {manifest.modules.map((m) => (
                <option key={m.id} value={m.id}>
                  {t('plan.moduleOption', { number: m.number, title: titles.module(m.id) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('plan.focus')}>
          {(id) => (
            <select id={id} value={s.focus} onChange={(e) => set({ focus: e.target.value as PlanSettings['focus'] })}>
              <option value="">{t('plan.any')}</option>
              {FOCUSES.map((focus) => (
                <option key={focus} value={focus}>
                  {focus === 'levels' ? t('plan.focusLevels') : focus === 'strategies' ? t('plan.focusStrategies') : focus === 'concepts' ? t('plan.focusConcepts')
                    : optionLabel((LEVELS as readonly string[]).includes(focus) ? 'classify-level' : 'classify-strategy', focus)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('plan.difficulty')}>
          {(id) => (
            <select id={id} value={s.difficulty} onChange={(e) => set({ difficulty: Number(e.target.value) as PlanSettings['difficulty'] })}>
              <option value={0}>{t('plan.any')}</option>
              {([1, 2, 3] as const).map((d) => (
                <option key={d} value={d}>
                  {t(`plan.difficulty${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('plan.setting')}>
          {(id) => (
            <select id={id} value={s.setting} onChange={(e) => set({ setting: e.target.value as PlanSettings['setting'] })}>
              <option value="">{t('plan.any')}</option>
              {settingsInUse(bank, facts).map((setting) => (
                <option key={setting} value={setting}>
                  {t(`settings.${setting}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('plan.contrast')}>
          {(id) => (
            <select id={id} value={s.contrast} onChange={(e) => set({ contrast: e.target.value })}>
              <option value="">{t('plan.noContrast')}</option>
              {sets.map((c, i) => (
                <option key={c.id} value={c.id}>
                  {t('plan.contrastOption', { number: i + 1, start: snippet(c.items[0]) || c.id })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={s.trickyOnly} onChange={(e) => set({ trickyOnly: e.target.checked })} />
          {t('plan.trickyOnly')}
        </label>
      </fieldset>
      <fieldset className="plan-fields">
        <legend>{t('plan.session')}</legend>
        <Field label={t('plan.count')}>
          {(id) => <CountInput id={id} value={s.count} onChange={(count) => set({ count })} />}
        </Field>
        <Field label={t('plan.order')}>
          {(id) => (
            <select id={id} value={s.order} onChange={(e) => set({ order: e.target.value as PlanSettings['order'] })}>
              <option value="listed">{t('plan.orderListed')}</option>
              <option value="balanced">{t('plan.orderBalanced')}</option>
            </select>
          )}
        </Field>
        {s.order === 'balanced' && (
          <button type="button" onClick={() => set({ seed: newSeed() })}>
            {t('plan.reshuffle')}
          </button>
        )}
        <Field label={t('plan.show')}>
          {(id) => (
            <select id={id} value={s.show} onChange={(e) => onSettings({ ...s, show: e.target.value as PlanSettings['show'] })}>
              <option value="id">{LANGUAGE_NAMES.id}</option>
              <option value="en">{LANGUAGE_NAMES.en}</option>
              <option value="both">{t('plan.showBoth')}</option>
            </select>
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={s.timer} onChange={(e) => onSettings({ ...s, timer: e.target.checked })} />
          {t('plan.timer')}
        </label>
      </fieldset>
      <h2>{items.length ? t('plan.chosen', { count: items.length }) : t('plan.none')}</h2>
      <ol className="plan-list">
        {items.map((item) => (
          <li key={item.code}>
            <span className="plan-list__module">{t('plan.moduleShort', { number: moduleNumber(item.module) })}</span> {snippet(item)}
          </li>
        ))}
      </ol>
      <button type="button" className="primary" disabled={!items.length} onClick={() => actor.send({ type: 'plan.start', items: items.map((i) => ({ code: i.code, options: i.options.length })) })}>
        {t('plan.start')}
      </button>
      <PlanFilePanel course={manifest.id} bank={bank} settings={s} items={items} onOpen={onSettings} />
    </>
  );
}
