import type { Lang } from '../content/types.ts';

interface LanguageSwitchProps {
  label: string;
  current: Lang;
  /** Each language's name in its own language, e.g. "Bahasa Indonesia", "English". */
  names: Record<Lang, string>;
  onChange: (lang: Lang) => void;
}

export function LanguageSwitch({ label, current, names, onChange }: LanguageSwitchProps) {
  return (
    <div role="group" aria-label={label} className="language-switch">
      {(Object.keys(names) as Lang[]).map((lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={lang === current} onClick={() => lang !== current && onChange(lang)}>
          {names[lang]}
        </button>
      ))}
    </div>
  );
}
