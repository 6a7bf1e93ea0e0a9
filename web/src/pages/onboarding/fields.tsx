import type { ReactNode } from 'react';

/** The id of a field's first control: focus goes there when the field has an error. */
export const fieldId = (field: string) => `onboarding-${field.replaceAll('_', '-')}`;

export interface ChoiceOption<V extends string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
  /** Shown after the label, e.g. "Recommended". */
  badge?: ReactNode;
}

interface ChoiceGroupProps<V extends string> {
  /** The answer's name (`industry`): the inputs' name, the first input's id, the error's id. */
  field: string;
  type: 'radio' | 'checkbox';
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly ChoiceOption<V>[];
  selected: readonly V[];
  onChange: (value: V, checked: boolean) => void;
  /** Already translated. */
  error?: string | undefined;
  /** Each input is `<testIdPrefix>-<value>`; the error is `<testIdPrefix>-error`. */
  testIdPrefix: string;
  /** Narrowest a card may get before the grid wraps. */
  size?: 'small' | 'medium' | 'large' | 'wide';
}

/**
 * A fieldset of radio or checkbox cards. The native inputs stay visible and keyboard-driven
 * (arrow keys move between radios); the whole card is their label.
 */
export function ChoiceGroup<V extends string>({ field, type, legend, hint, options, selected, onChange, error, testIdPrefix, size = 'medium' }: ChoiceGroupProps<V>) {
  const id = fieldId(field);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={error ? 'choice-group choice-group--invalid' : 'choice-group'} aria-describedby={hintId}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className={`choice-grid choice-grid--${size}`}>
        {options.map((option, index) => (
          <label key={option.value} className="choice">
            <input
              type={type}
              name={field}
              value={option.value}
              id={index === 0 ? id : undefined}
              checked={selected.includes(option.value)}
              onChange={(e) => onChange(option.value, e.target.checked)}
              aria-invalid={error ? true : undefined}
              aria-describedby={errorId}
              data-testid={`${testIdPrefix}-${option.value}`}
            />
            <span className="choice__text">
              <span className="choice__label">
                {option.label}
                {option.badge ? <span className="choice__badge">{option.badge}</span> : null}
              </span>
              {option.description ? <span className="choice__description">{option.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field__error" data-testid={`${testIdPrefix}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export interface SelectGroup {
  label: string;
  options: readonly { value: string; label: string }[];
}

interface SelectFieldProps {
  field: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  groups: readonly SelectGroup[];
  onChange: (value: string) => void;
  error?: string | undefined;
  testId: string;
}

/** A labelled `<select>`; several groups become `<optgroup>`s, a single one stays flat. */
export function SelectField({ field, label, hint, value, groups, onChange, error, testId }: SelectFieldProps) {
  const id = fieldId(field);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const options = (group: SelectGroup) =>
    group.options.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        name={field}
        className="field__input field__select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      >
        {groups.length === 1 && groups[0]
          ? options(groups[0])
          : groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {options(g)}
              </optgroup>
            ))}
      </select>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** An arrow that points forward in the reading direction (mirrored under dir="rtl"). */
export function ForwardArrow() {
  return (
    <svg className="icon-directional" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M4 10h11M11 5l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function BackArrow() {
  return (
    <svg className="icon-directional" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M16 10H5M9 5l-5 5 5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
