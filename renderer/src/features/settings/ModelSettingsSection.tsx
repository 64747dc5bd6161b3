import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency, ModelSetting } from '../../../../shared/schemas';
import { useAppStore } from '../../state/app-store';
import { saveModelSettings } from '../../state/branch-actions';
import { TrashIcon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';

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

/** The per-model table lives in its own dialog, opened from Settings. */
export function ModelSettingsSection() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <p className="field-help">{t('branch.models.hint')}</p>
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t('branch.openModels')}
      </button>
      {open && <ModelSettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/** The per-model table: price per 1M tokens (USD or CNY) and whether reasoning is sent back. */
function ModelSettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const stored = useAppStore((s) => s.prefs?.modelSettings);
  const [rows, setRows] = useState<Row[]>(() => (stored ?? []).map(toRow));
  const [status, setStatus] = useState('');
  const update = (i: number, patch: Partial<Row>) => {
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setStatus('');
  };

  const save = async () => {
    const modelSettings = rows
      .filter((r) => r.model.trim() !== '')
      .map((r) => ({ model: r.model.trim(), inputPrice: price(r.inputPrice), outputPrice: price(r.outputPrice), currency: r.currency, sendReasoning: r.sendReasoning }));
    try {
      await saveModelSettings(modelSettings);
      setStatus(t('branch.models.saved'));
    } catch (error) {
      setStatus(t('branch.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <Modal
      title={t('branch.models.title')}
      onClose={onClose}
      className="model-settings"
      closeLabel={t('branch.close')}
    >
      <div className="modal-body settings-body">
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
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
              aria-label={t('branch.models.remove', { model: r.model || String(i + 1) })}
              title={t('branch.models.remove', { model: r.model || String(i + 1) })}
            >
              <TrashIcon width={16} height={16} />
            </button>
          </fieldset>
        ))}
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => setRows([...rows, { model: '', inputPrice: '', outputPrice: '', currency: 'USD', sendReasoning: false }])}>
            {t('branch.models.add')}
          </button>
          <span role="status" className="field-help">
            {status}
          </span>
          <button type="button" className="button button-primary" onClick={() => void save()}>
            {t('branch.models.save')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
