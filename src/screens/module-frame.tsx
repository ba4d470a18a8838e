import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { useModuleText } from '../content/module-text.ts';
import type { ModuleSpec, ModuleText } from '../content/types.ts';
import { ChunkStatusFor } from './chunk-status-for.tsx';
import { useCourse } from './use-course.ts';

interface ModuleFrameProps {
  module: ModuleSpec;
  focusKey: string;
  heading: (text: ModuleText) => ReactNode;
  children: (text: ModuleText) => ReactNode;
}

/** Loads a module's text in the current language and frames a screen of that module. */
export function ModuleFrame({ module, focusKey, heading, children }: ModuleFrameProps) {
  const { lang } = useCourse();
  const { t } = useTranslation(['course', 'ui']);
  const chunk = useModuleText(module.id, lang);
  const { text } = chunk;
  return (
    <>
      <p className="eyebrow">
        {t('ui:welcome.moduleNumber', { number: module.number })}: {module.title[lang]}
      </p>
      <ScreenHeading focusKey={focusKey}>{text ? heading(text) : module.title[lang]}</ScreenHeading>
      {text ? children(text) : <ChunkStatusFor chunk={chunk} />}
    </>
  );
}
