import type { ReactNode } from 'react';
import { ScreenHeading } from '../components/screen-heading.tsx';
import { useModuleText } from '../content/module-text.ts';
import type { ModuleSpec, ModuleText } from '../content/types.ts';
import { useCourse } from './use-course.ts';

interface ModuleFrameProps {
  module: ModuleSpec;
  focusKey: string;
  heading: (text: ModuleText) => ReactNode;
  children: (text: ModuleText) => ReactNode;
}

/** Loads a module's text in the current language and frames a screen of that module. */
export function ModuleFrame({ module, focusKey, heading, children }: ModuleFrameProps) {
  const { t, lang } = useCourse();
  const { text, failed, retry } = useModuleText(module.id, lang);
  return (
    <>
      <p className="eyebrow">
        {t('welcome.moduleNumber', { number: module.number })}: {module.title[lang]}
      </p>
      <ScreenHeading focusKey={focusKey}>{text ? heading(text) : module.title[lang]}</ScreenHeading>
      {text ? (
        children(text)
      ) : failed ? (
        <div role="alert" className="notice notice--error">
          <p>{t('errors.textFailed')}</p>
          <button type="button" onClick={retry}>
            {t('errors.retry')}
          </button>
        </div>
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}
    </>
  );
}
