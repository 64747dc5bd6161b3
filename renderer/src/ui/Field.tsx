import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: ReactNode;
  /** A line under the control, linked to it with aria-describedby. */
  help?: ReactNode;
  inline?: boolean;
  /** Renders the control; it must use `id`, and `helpId` as its aria-describedby. */
  children(ids: { id: string; helpId: string | undefined }): ReactNode;
}

/** A labelled form control with an optional help line. */
export function Field({ label, help, inline, children }: FieldProps) {
  const id = useId();
  const helpId = useId();
  const hasHelp = help !== undefined && help !== null && help !== false;
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({ id, helpId: hasHelp ? helpId : undefined })}
      {hasHelp && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
    </div>
  );
}
