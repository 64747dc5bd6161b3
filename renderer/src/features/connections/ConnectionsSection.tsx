import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { getApi } from '../../api';
import { selectActiveConnection, useAppStore } from '../../state/app-store';
import { reloadSettings } from '../../state/settings-actions';
import { ConnectionForm } from '../settings/ConnectionForm';

/**
 * Several connections: pick one to edit (it also becomes the one new chats use), add one, delete one.
 * The form is remounted only when the user picks another connection or adds one.
 */
export function ConnectionsSection() {
  const { t } = useTranslation();
  const id = useId();
  const connections = useAppStore((s) => s.connections);
  const active = useAppStore(selectActiveConnection);
  const [selected, setSelected] = useState<string | null>(() => active?.id ?? null);
  const [formKey, setFormKey] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const current = connections.find((c) => c.id === selected) ?? null;

  const pick = (next: string | null) => {
    setSelected(next);
    setFormKey((k) => k + 1);
    setConfirming(false);
    if (next) void getApi().call('connections.select', { id: next }).then(reloadSettings).catch(() => {});
  };

  const remove = async () => {
    if (!current) return;
    await getApi().call('connections.delete', { id: current.id });
    await reloadSettings();
    setStatus(t('connections.deleted'));
    pick(useAppStore.getState().connections[0]?.id ?? null);
  };

  return (
    <>
      {connections.length > 0 && (
        <div className="field connection-picker">
          <label htmlFor={id} className="field-label">
            {t('connections.list')}
          </label>
          <div className="key-status-row">
            <select id={id} className="select" value={selected ?? ''} onChange={(e) => pick(e.target.value || null)}>
              {connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              {selected === null && <option value="">{t('connections.newConnection')}</option>}
            </select>
            <button type="button" className="button button-secondary button-small" onClick={() => pick(null)}>
              {t('connections.add')}
            </button>
            {current && !confirming && (
              <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(true)}>
                {t('connections.delete')}
              </button>
            )}
          </div>
          {confirming && current && (
            <div className="notice notice-warn" role="alert">
              <p>{t('connections.deleteConfirm', { name: current.name })}</p>
              <button type="button" className="button button-danger button-small" onClick={() => void remove()}>
                {t('connections.delete')}
              </button>{' '}
              <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          )}
          <p className="field-help" role="status">
            {status}
          </p>
        </div>
      )}
      <ConnectionForm key={formKey} connectionId={selected} onSaved={setSelected} />
    </>
  );
}
