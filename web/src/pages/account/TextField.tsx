import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby' | 'children'>;

export interface TextFieldProps extends InputProps {
  id: string;
  label: ReactNode;
  /** Shown after the label, e.g. "(optional)". */
  labelNote?: ReactNode;
  hint?: ReactNode;
  /** Ids of further elements that describe the input (a hint rendered by `children`). */
  describedBy?: string;
  /** Already translated. */
  error?: string | undefined;
  testId: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Rendered inside the input's box, at its end (a show-password toggle). */
  adornment?: ReactNode;
  /** Rendered between the hint and the error (a strength meter). */
  children?: ReactNode;
}

/**
 * Label, input, hint and error wired together: the hint and the error describe the input,
 * and an error marks it invalid. The error's test id is `<testId>-error`.
 */
export function TextField({ id, label, labelNote, hint, describedBy: extraDescribedBy, error, testId, inputRef, adornment, children, className, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, extraDescribedBy, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {labelNote ? <span className="field__note"> {labelNote}</span> : null}
      </label>
      <div className={adornment ? 'field__control field__control--adorned' : 'field__control'}>
        <input
          {...input}
          id={id}
          ref={inputRef}
          className={className ? `field__input ${className}` : 'field__input'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-testid={testId}
        />
        {adornment}
      </div>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="field__error" data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
