import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESETS } from '../../../../shared/presets';
import type { PresetId } from '../../../../shared/schemas';

/** The preset select, with the one line that explains the chosen preset. */
export function PresetField({ value, onChange }: { value: PresetId; onChange(id: PresetId): void }) {
  const { t } = useTranslation();
  const id = useId();
  const help = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('connections.preset')}
      </label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value as PresetId)} aria-describedby={help}>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id === 'custom' ? t('connections.presets.custom').replace(/\.$|。$/, '') : p.label}
          </option>
        ))}
      </select>
      <p id={help} className="field-help">
        {t(`connections.presets.${value}`)}
      </p>
    </div>
  );
}
