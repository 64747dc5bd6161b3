import type { ReactNode } from 'react';

/** Label/value pairs as a description list (Settings › About, Data, an import's preview). */
export function Facts({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="settings-facts">
      {rows.map((row) => (
        <div key={row.label} className="settings-fact">
          <dt className="field-label">{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
