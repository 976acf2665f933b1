import type { ReactNode } from 'react';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  /** The option's own language, when it is written in one (a language's name). */
  lang?: string;
}

interface LabelledSelectProps<V extends string> {
  icon: ReactNode;
  /** The hover text: what the switch does. */
  title: string;
  /** The accessible name of the select. */
  label: string;
  testId: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange(value: V): void;
}

/** A compact switch of the bars (language, theme): an icon beside a select. */
export function LabelledSelect<V extends string>({ icon, title, label, testId, value, options, onChange }: LabelledSelectProps<V>) {
  return (
    <label className="theme-select" title={title}>
      {icon}
      <select aria-label={label} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
