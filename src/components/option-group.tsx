import type { ReactNode } from 'react';

export interface OptionView {
  key: string;
  label: ReactNode;
  /** After answering: whether this option is the right answer or the learner's wrong choice. */
  mark?: 'right' | 'wrong';
}

interface OptionGroupProps {
  name: string;
  legend: ReactNode;
  options: OptionView[];
  value: string | undefined;
  disabled: boolean;
  onChange: (key: string) => void;
}

/** A radio group: native keyboard behaviour (arrows, space) and one accessible name per option. */
export function OptionGroup({ name, legend, options, value, disabled, onChange }: OptionGroupProps) {
  return (
    <fieldset className="options">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.key} className={`option${option.mark ? ` option--${option.mark}` : ''}`}>
          <input
            type="radio"
            name={name}
            value={option.key}
            checked={value === option.key}
            disabled={disabled}
            onChange={() => onChange(option.key)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
