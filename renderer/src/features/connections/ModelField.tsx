import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api';
import type { ConnectionFormState } from '../settings/use-connection-form';

/**
 * The default model: any name can be typed; the list fetched from /models (cached per connection)
 * and the names added before are offered as suggestions that filter as you type.
 */
export function ModelField({ form }: { form: ConnectionFormState }) {
  const { t } = useTranslation();
  const ids = { input: useId(), list: useId(), help: useId() };
  const [status, setStatus] = useState('');
  const connection = form.connection;
  const options = useMemo(
    () => [...new Set([...(connection?.customModels ?? []), ...(connection?.modelCache?.ids ?? [])])],
    [connection?.customModels, connection?.modelCache],
  );

  const refresh = async () => {
    if (!connection) return;
    setStatus(t('connections.models.refreshing'));
    try {
      const { ids: loaded } = await getApi().call('connections.models', { id: connection.id, refresh: true });
      setStatus(t('connections.models.loaded', { count: loaded.length }));
    } catch {
      setStatus(t('connections.models.failed'));
    }
  };

  return (
    <div className="field">
      <label htmlFor={ids.input} className="field-label">
        {t('settings.model')}
      </label>
      <input
        id={ids.input}
        className="input input-mono"
        list={ids.list}
        value={form.fields.model}
        maxLength={200}
        placeholder={t('settings.modelPlaceholder')}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        onChange={(e) => form.set('model')(e.target.value)}
        aria-describedby={ids.help}
      />
      <datalist id={ids.list}>
        {options.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <div className="key-status-row">
        <p id={ids.help} className="field-help" role="status">
          {status || t('connections.models.hint')}
        </p>
        {connection && (
          <button type="button" className="button button-secondary button-small" onClick={() => void refresh()}>
            {t('connections.models.refresh')}
          </button>
        )}
      </div>
    </div>
  );
}
