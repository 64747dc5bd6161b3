import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Currency, ModelSetting } from '../../../../shared/schemas';
import { useAppStore } from '../../state/app-store';
import { saveModelSettings } from '../../state/branch-actions';
import { TrashIcon } from '../../ui/icons';
import { SaveBar, type SaveState } from './SaveBar';
import { useReportUnsaved } from './unsaved';

interface Row {
  model: string;
  inputPrice: string;
  outputPrice: string;
  currency: Currency;
  sendReasoning: boolean;
}

const toRow = (m: ModelSetting): Row => ({
  model: m.model,
  inputPrice: m.inputPrice?.toString() ?? '',
  outputPrice: m.outputPrice?.toString() ?? '',
  currency: m.currency,
  sendReasoning: m.sendReasoning,
});
const price = (text: string): number | null => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Math.max(0, Number(text)));

const NO_MODELS: ModelSetting[] = [];

/** The Models section: price per 1M tokens (USD or CNY) and whether reasoning is sent back, per model. */
export function ModelSettingsSection() {
  const { t } = useTranslation();
  const stored = useAppStore((s) => s.prefs?.modelSettings ?? NO_MODELS);
  const storedRows = useMemo(() => stored.map(toRow), [stored]);
  // Until the user edits, the table follows what is saved: the model profiles form above saves into
  // the same list, and a stale copy here would count as unsaved changes.
  const [edited, setRows] = useState<Row[] | null>(null);
  const rows = edited ?? storedRows;
  const [status, setStatus] = useState<SaveState>({ kind: 'idle' });
  const dirty = edited !== null && JSON.stringify(edited.filter((r) => r.model.trim() !== '')) !== JSON.stringify(storedRows);
  useReportUnsaved('models', dirty);
  const update = (i: number, patch: Partial<Row>) => {
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setStatus({ kind: 'idle' });
  };

  const save = async () => {
    const modelSettings = rows
      .filter((r) => r.model.trim() !== '')
      .map((r) => ({ model: r.model.trim(), inputPrice: price(r.inputPrice), outputPrice: price(r.outputPrice), currency: r.currency, sendReasoning: r.sendReasoning }));
    setStatus({ kind: 'busy' });
    try {
      await saveModelSettings(modelSettings);
      setRows(null);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: t('branch.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  return (
    <div className="settings-form model-settings">
      <p className="field-help">{t('branch.models.hint')}</p>
        {rows.length === 0 && <p className="field-help">{t('branch.models.empty')}</p>}
        {rows.map((r, i) => (
          <fieldset key={i} className="model-row" aria-label={t('branch.models.rowLabel', { index: i + 1 })}>
            <input className="input" aria-label={t('branch.models.model')} placeholder={t('branch.models.model')} value={r.model} onChange={(e) => update(i, { model: e.target.value })} />
            <input className="input" type="number" min={0} step="any" aria-label={t('branch.models.input')} placeholder={t('branch.models.input')} value={r.inputPrice} onChange={(e) => update(i, { inputPrice: e.target.value })} />
            <input className="input" type="number" min={0} step="any" aria-label={t('branch.models.output')} placeholder={t('branch.models.output')} value={r.outputPrice} onChange={(e) => update(i, { outputPrice: e.target.value })} />
            <select className="input" aria-label={t('branch.models.currency')} value={r.currency} onChange={(e) => update(i, { currency: e.target.value as Currency })}>
              <option value="USD">USD</option>
              <option value="CNY">CNY</option>
            </select>
            <label className="checkbox">
              <input type="checkbox" checked={r.sendReasoning} onChange={(e) => update(i, { sendReasoning: e.target.checked })} />
              {t('branch.models.sendReasoning')}
            </label>
            <button
              type="button"
              className="icon-button"
              onClick={() => {
                setRows(rows.filter((_, j) => j !== i));
                setStatus({ kind: 'idle' });
              }}
              aria-label={t('branch.models.remove', { model: r.model || String(i + 1) })}
              title={t('branch.models.remove', { model: r.model || String(i + 1) })}
            >
              <TrashIcon width={16} height={16} />
            </button>
          </fieldset>
        ))}
        <div>
          <button type="button" className="button button-secondary" onClick={() => setRows([...rows, { model: '', inputPrice: '', outputPrice: '', currency: 'USD', sendReasoning: false }])}>
            {t('branch.models.add')}
          </button>
        </div>
        <SaveBar dirty={dirty} state={status} onSave={() => void save()} />
    </div>
  );
}
