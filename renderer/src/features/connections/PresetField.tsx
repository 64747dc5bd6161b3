import { useTranslation } from '../../i18n/use-translation';
import { PRESETS } from '../../../../shared/presets';
import type { PresetId } from '../../../../shared/schemas';
import { Field } from '../../ui/Field';

/** The preset select, with the one line that explains the chosen preset. */
export function PresetField({ value, onChange }: { value: PresetId; onChange(id: PresetId): void }) {
  const { t } = useTranslation();
  return (
    <Field label={t('connections.preset')} help={t(`connections.presets.${value}`)}>
      {({ id, helpId }) => (
        <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value as PresetId)} aria-describedby={helpId}>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id === 'custom' || p.id === 'reseller' || p.id === 'nextchat' ? t(`connections.presetNames.${p.id}`) : p.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
