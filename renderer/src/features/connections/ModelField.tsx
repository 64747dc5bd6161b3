import { useId, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { getApi } from '../../api';
import { reloadSettings } from '../../state/settings-actions';
import type { ConnectionFormState } from '../settings/use-connection-form';

/**
 * The default model: any name can be typed; the list fetched from /models (cached per connection)
 * and the names added before are offered as suggestions that filter as you type.
 */
export function ModelField({ form }: { form: ConnectionFormState }) {
  const { t } = useTranslation();
  const ids = { input: useId(), list: useId(), help: useId(), search: useId() };
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState('');
  const connection = form.connection;
  const options = useMemo(
    () => [...new Set([...(connection?.customModels ?? []), ...(connection?.modelCache?.ids ?? [])])],
    [connection?.customModels, connection?.modelCache],
  );

  const custom = connection?.customModels ?? [];
  const needle = query.trim().toLowerCase();
  const shown = needle ? options.filter((m) => m.toLowerCase().includes(needle)) : options;

  /** Forgets a model name the user added; the fetched list is not touched. */
  const removeCustom = async (model: string) => {
    if (!connection) return;
    try {
      await getApi().call('connections.save', {
        id: connection.id,
        name: connection.name,
        baseUrl: connection.baseUrl,
        model: connection.model,
        customModels: custom.filter((m) => m !== model),
      });
      await reloadSettings();
    } catch {
      setStatus(t('connections.models.failed'));
    }
  };

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
      {options.length > 0 && (
        <div className="model-browser">
          <input
            id={ids.search}
            className="input"
            type="search"
            value={query}
            aria-label={t('connections.models.search')}
            placeholder={t('connections.models.searchPlaceholder', { count: options.length })}
            onChange={(e) => setQuery(e.target.value)}
          />
          <ul className="model-browser-list" aria-label={t('connections.models.listLabel')}>
            {shown.slice(0, 200).map((m) => (
              <li key={m}>
                <button type="button" className="model-browser-use" aria-label={t('connections.models.use', { model: m })} onClick={() => form.set('model')(m)}>
                  {m}
                </button>
                {custom.includes(m) && (
                  <>
                    <span className="pill">{t('connections.models.custom')}</span>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('connections.models.removeCustom', { model: m })}
                      title={t('connections.models.removeCustom', { model: m })}
                      onClick={() => void removeCustom(m)}
                    >
                      ×
                    </button>
                  </>
                )}
              </li>
            ))}
            {shown.length === 0 && <li className="field-help">{t('connections.models.noMatch')}</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
