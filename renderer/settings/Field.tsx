import type { ReactNode } from 'react';

/** A labelled control with its hint (default + meaning) and, when refused, the reason right next to it. */
export function NumberField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint: ReactNode;
  error?: string | undefined;
  /** "minutes" in the window's language. */
  unit: string;
}) {
  const { id, label, value, onChange, hint, error, unit } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input
          id={id}
          name={id}
          type="number"
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <span className="muted">{unit}</span>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldError id={`${id}-error`} error={error} testId={id} />
    </div>
  );
}

export function FieldError({ id, error, testId }: { id: string; error: string | undefined; testId: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={id} data-testid={`field-error-${testId}`}>
      {error}
    </p>
  );
}

/** A time of day whose refusal is shown under its group, in the element `errorId`. */
export function TimeInput(props: { id: string; value: string; onChange: (v: string) => void; error: string | undefined; errorId: string; disabled?: boolean }) {
  const { id, value, onChange, error, errorId, disabled } = props;
  return (
    <input
      id={id}
      type="time"
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    />
  );
}

export function Check(props: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void; hint?: ReactNode }) {
  const { id, label, checked, onChange, hint } = props;
  return (
    <div className="field">
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
