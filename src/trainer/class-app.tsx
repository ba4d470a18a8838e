import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseManifest, ItemFacts, Lang } from '../content/types.ts';
import { useTitles } from '../content/module-text.ts';
import { classBank, newSeed, type ClassItem, type PlanSettings } from './class-plan.ts';
import { ClassContext } from './class-context.ts';
import { sessionOf } from './class-machine.ts';
import { loadClass, saveClass } from './class-store.ts';
import { PlanScreen } from './plan-screen.tsx';
import { PresentScreen } from './present-screen.tsx';
import { SummaryScreen } from './summary-screen.tsx';
import './class.css';
import { useTrainerPage } from './trainer-page.ts';

interface ClassAppProps {
  manifest: CourseManifest;
  facts: Record<string, ItemFacts>;
  storage: Storage | undefined;
}

export function ClassApp({ manifest, facts, storage }: ClassAppProps) {
  const bank = useMemo(() => classBank(manifest), [manifest]);
  const { i18n } = useTranslation();
  const [saved] = useState(() => loadClass(storage, manifest.id, bank, newSeed(), i18n.language as Lang));
  const [settings, setSettings] = useState<PlanSettings>(saved.settings);
  return (
    <ClassContext.Provider options={{ input: { session: saved.session ?? undefined } }}>
      <ClassScreens
        manifest={manifest}
        bank={bank}
        facts={facts}
        settings={settings}
        onSettings={setSettings}
        storage={storage}
        unreadable={saved.unreadable}
      />
    </ClassContext.Provider>
  );
}

interface ScreensProps {
  manifest: CourseManifest;
  bank: ClassItem[];
  facts: Record<string, ItemFacts>;
  settings: PlanSettings;
  onSettings: (settings: PlanSettings) => void;
  storage: Storage | undefined;
  unreadable: boolean;
}

function ClassScreens({ manifest, bank, facts, settings, onSettings, storage, unreadable }: ScreensProps) {
  const { t, i18n } = useTranslation('trainer');
  const actor = ClassContext.useActorRef();
  const state = ClassContext.useSelector((s) => (s.matches('plan') ? 'plan' : s.matches('summary') ? 'summary' : 'present'));
  const lang = i18n.language as Lang;
  const titles = useTitles(lang);
  const [unsaved, setUnsaved] = useState(false);

  // Every change of the session or the plan is saved at once: a reload or a crash loses nothing.
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const save = () => setUnsaved(!saveClass(storage, manifest.id, { settings: settingsRef.current, session: sessionOf(actor.getSnapshot().context) }));
  useEffect(() => actor.subscribe(save).unsubscribe, [actor]);
  useEffect(save, [settings]);

  const switchLanguage = useTrainerPage(t('class.title'), titles.course);

  const byCode = useMemo(() => new Map(bank.map((item) => [item.code, item])), [bank]);
  const notices = (
    <>
      {unreadable && state === 'plan' && <p role="status" className="notice">{t('class.unreadable')}</p>}
      {unsaved && <p role="alert" className="notice notice--error">{t('class.notSaved')}</p>}
    </>
  );
  if (state === 'present') return <PresentScreen items={byCode} settings={settings} />;
  return (
    <main id="main" className="class-page" tabIndex={-1}>
      {notices}
      {state === 'plan' ? (
        <PlanScreen manifest={manifest} bank={bank} facts={facts} settings={settings} onSettings={onSettings} onLanguage={switchLanguage} />
      ) : (
        <SummaryScreen items={byCode} onLanguage={switchLanguage} />
      )}
    </main>
  );
}
