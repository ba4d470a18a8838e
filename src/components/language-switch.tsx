import type { Lang } from '../content/types.ts';

interface LanguageSwitchProps {
  label: string;
  current: Lang;
  /** Each language's name in its own language, e.g. "Bahasa Indonesia", "English". */
  names: Record<Lang, string>;
  /** A shorter name shown on narrow screens; it must be part of the full name, which stays the button's name. */
  shortNames: Record<Lang, string>;
  onChange: (lang: Lang) => void;
}

/** Two toggle buttons: the language in use is pressed (aria-pressed, filled and ticked), the other is the one to press. */
export function LanguageSwitch({ label, current, names, shortNames, onChange }: LanguageSwitchProps) {
  return (
    <div role="group" aria-label={label} className="language-switch">
      {(Object.keys(names) as Lang[]).map((lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={lang === current} onClick={() => lang !== current && onChange(lang)}>
          <span className="narrow-only" aria-hidden="true">
            {shortNames[lang]}
          </span>
          <span className="wide-only">{names[lang]}</span>
        </button>
      ))}
    </div>
  );
}
