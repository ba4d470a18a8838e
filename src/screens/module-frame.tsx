import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { useModuleText, useTitles } from '../content/module-text.ts';
import type { ModuleSpec, ModuleText } from '../content/types.ts';
import { ChunkStatusFor } from './chunk-status-for.tsx';
import { useCourse } from './use-course.ts';

interface ModuleFrameProps {
  module: ModuleSpec;
  /** Whose text chunk to load, when it is not the module's own (the final assessment's questions). */
  textOf?: string;
  eyebrow?: string;
  focusKey: string;
  heading: (text: ModuleText) => ReactNode;
  children: (text: ModuleText) => ReactNode;
}

/** Loads a module's text in the current language and frames a screen of that module. */
export function ModuleFrame({ module, textOf = module.id, eyebrow, focusKey, heading, children }: ModuleFrameProps) {
  const { lang } = useCourse();
  const { t } = useTranslation(['course', 'ui']);
  const chunk = useModuleText(textOf, lang);
  const titles = useTitles(lang);
  const { text } = chunk;
  return (
    <>
      <p className="eyebrow">{eyebrow ?? `${t('ui:welcome.moduleNumber', { number: module.number })}: ${titles.module(module.id)}`}</p>
      <ScreenHeading focusKey={focusKey}>{text ? heading(text) : titles.module(module.id)}</ScreenHeading>
      {text ? children(text) : <ChunkStatusFor chunk={chunk} />}
    </>
  );
}
