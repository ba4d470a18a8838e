import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../content/types.ts';
import { loadNamespaces } from '../i18n/i18n.ts';
import { ClassContext } from './class-context.ts';
import type { ClassItem, PlanSettings } from './class-plan.ts';
import { scenarioResult } from './class-summary.ts';
import { useClassTexts } from './class-texts.ts';
import { Countdown } from './countdown.tsx';
import { KeysHelp } from './keys-help.tsx';
import { toggleFullscreen, usePresenterKeys, type KeyAction } from './presenter-keys.ts';
import { ScenarioBlock } from './scenario-block.tsx';
import { VoteChart } from './vote-chart.tsx';
import { VoteStrip } from './vote-strip.tsx';

/** The languages a session shows its scenarios in. */
export const showLangs = (show: PlanSettings['show']): Lang[] => (show === 'both' ? ['id', 'en'] : [show]);

/** One scenario at a time, filling the projector: votes, then the reveal; no learner chrome. */
export function PresentScreen({ items, settings }: { items: Map<string, ClassItem>; settings: PlanSettings }) {
  const { t, i18n } = useTranslation('trainer');
  const actor = ClassContext.useActorRef();
  const blank = ClassContext.useSelector((s) => s.matches('blank'));
  const { codes, index, step, skipped, prompt } = ClassContext.useSelector(
    (s) => ({ codes: s.context.items, index: s.context.index, step: s.context.step, skipped: s.context.skipped, prompt: s.context.prompt }),
    (a, b) => a.codes === b.codes && a.index === b.index && a.step === b.step && a.skipped === b.skipped && a.prompt === b.prompt,
  );
  const votes = ClassContext.useSelector((s) => s.context.votes[s.context.items[s.context.index]]);
  const canBack = ClassContext.useSelector((s) => s.can({ type: 'step.back' }));
  const [help, setHelp] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const langs = showLangs(settings.show);
  const [stringsReady, setStringsReady] = useState(false);
  useEffect(() => {
    void Promise.all(langs.map((lang) => loadNamespaces(i18n, lang, ['course', 'trainer']))).then(() => setStringsReady(true), () => undefined);
  }, [settings.show, i18n]);
  const { texts, failed, retry } = useClassTexts(codes.map((code) => items.get(code)!.module), langs);

  useEffect(() => {
    const onChange = () => setFullscreen(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const dispatch = (action: KeyAction) => {
    if (action.type === 'help') return setHelp((open) => !open);
    if (action.type === 'fullscreen') return toggleFullscreen();
    if (action.type === 'fullscreen.exit') return help ? setHelp(false) : toggleFullscreen(false);
    if (help) return; // the keys list is open: keys do not move the session behind it
    actor.send(action);
  };
  usePresenterKeys(dispatch);

  // Each new scenario or step starts at its heading, for keyboard and screen-reader users.
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), [index, step, blank, stringsReady, !!texts]);

  if (blank) {
    return (
      <main id="main" className="class-blank">
        <h1 ref={heading} tabIndex={-1} className="visually-hidden">
          {t('present.blanked')}
        </h1>
        <button type="button" className="class-blank__resume" aria-label={t('present.unblank')} onClick={() => actor.send({ type: 'screen.blank' })} />
      </main>
    );
  }
  const item = items.get(codes[index])!;
  const result = scenarioResult(item, votes);
  const revealed = step === 'reveal';
  const last = index === codes.length - 1;
  return (
    <main id="main" className={`class-present class-present--${settings.show}${revealed ? ' class-present--reveal' : ''}`}>
      <div className="class-present__bar">
        <h1 ref={heading} tabIndex={-1}>
          {t('present.progress', { number: index + 1, total: codes.length })}
        </h1>
        {settings.timer && !revealed && <Countdown key={item.code} />}
      </div>
      {failed && (
        <div role="alert" className="notice notice--error">
          <p>{t('class.textFailed')}</p>
          <button type="button" onClick={retry}>
            {t('class.retry')}
          </button>
        </div>
      )}
      {texts && stringsReady && (
        <div className="class-present__blocks">
          {langs.map((lang) => (
            <ScenarioBlock key={lang} item={item} texts={texts} lang={lang} revealed={revealed} result={result} prompt={prompt} />
          ))}
        </div>
      )}
      {revealed ? (
        skipped.includes(item.code) ? <p className="class-present__skipped">{t('present.skipped')}</p> : <VoteChart result={result} />
      ) : (
        <VoteStrip
          votes={result.votes}
          onAdd={(option, delta) => actor.send({ type: 'vote.add', option, delta })}
          onSet={(option, count) => actor.send({ type: 'vote.set', option, count })}
        />
      )}
      <nav className="class-controls" aria-label={t('present.controls')}>
        <button type="button" disabled={!canBack} onClick={() => actor.send({ type: 'step.back' })}>
          {t('present.back')}
        </button>
        <button type="button" onClick={() => actor.send({ type: 'screen.blank' })}>
          {t('present.blank')}
        </button>
        <button type="button" onClick={() => toggleFullscreen()}>
          {fullscreen ? t('present.exitFullscreen') : t('present.fullscreen')}
        </button>
        <button type="button" aria-haspopup="dialog" onClick={() => setHelp(true)}>
          {t('present.keys')}
        </button>
        <button type="button" onClick={() => actor.send({ type: 'session.finish' })}>
          {t('present.end')}
        </button>
        {!revealed && (
          <button type="button" onClick={() => actor.send({ type: 'vote.skip' })}>
            {t('present.skip')}
          </button>
        )}
        {revealed && !prompt && (
          <button type="button" onClick={() => actor.send({ type: 'prompt.show' })}>
            {t('present.promptShow')}
          </button>
        )}
        <button type="button" className="primary" onClick={() => actor.send({ type: 'step.next' })}>
          {!revealed ? t('present.reveal') : last ? t('present.finish') : t('present.next')}
        </button>
      </nav>
      {help && <KeysHelp onClose={() => setHelp(false)} />}
    </main>
  );
}
