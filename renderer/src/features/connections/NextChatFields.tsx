import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { deriveNextChat } from '../../../../shared/presets';
import { getApi } from '../../api';
import { Field } from '../../ui/Field';
import { UrlInput } from '../../ui/UrlInput';
import { savedKeyText } from '../settings/KeyField';
import { RequestPreview } from '../settings/RequestPreview';
import type { ConnectionFormState } from '../settings/use-connection-form';
import { modelIsPlaceholder } from './form-model';

/** NextChat relay: server address + access code; the base URL and the nk- key are derived from them. */
export function NextChatFields({ form }: { form: ConnectionFormState }) {
  const { t } = useTranslation();
  const ids = { server: useId(), help: useId(), preview: useId(), config: useId() };
  const [config, setConfig] = useState<string | null>(null);
  const derived = deriveNextChat(form.fields.server, form.fields.code);
  const key = form.connection?.key;

  const readConfig = async () => {
    try {
      const result = await getApi().call('connections.nextChatConfig', { server: form.fields.server });
      if (!result.reachable) return setConfig(t('connections.configUnreachable'));
      const models = result.models.length ? result.models.join(', ') : t('connections.noneListed');
      setConfig(result.needCode ? t('connections.configNeedsCode', { models }) : t('connections.configNoCode', { models }));
      const suggested = result.defaultModel ?? result.models[0];
      if (suggested && modelIsPlaceholder(form.fields.model)) form.set('model')(suggested);
    } catch {
      setConfig(t('connections.configUnreachable'));
    }
  };

  return (
    <>
      <div className="field">
        <label htmlFor={ids.server} className="field-label">
          {t('connections.server')}
        </label>
        <UrlInput
          id={ids.server}
          value={form.fields.server}
          placeholder={t('connections.serverPlaceholder')}
          onChange={(e) => form.set('server')(e.target.value)}
          aria-describedby={`${ids.help} ${ids.preview} ${ids.config}`}
        />
        <p id={ids.help} className="field-help">
          {t('connections.serverHelp')}
        </p>
        <RequestPreview id={ids.preview} baseUrl={derived.baseUrl} />
        <div className="key-status-row">
          <p id={ids.config} className="field-help" role="status">
            {config}
          </p>
          <button type="button" className="button button-secondary button-small" onClick={() => void readConfig()} aria-disabled={!form.fields.server.trim()}>
            {t('connections.readConfig')}
          </button>
        </div>
      </div>
      <Field
        label={t('connections.accessCode')}
        help={
          <>
            {t('connections.accessCodeHelp')}{' '}
            {savedKeyText(t, key)}
          </>
        }
      >
        {({ id, helpId }) => (
          <input
            id={id}
            className="input input-mono"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            placeholder={key?.set ? t('settings.apiKeyReplace') : t('connections.accessCodePlaceholder')}
            value={form.fields.code}
            onChange={(e) => form.set('code')(e.target.value)}
            aria-describedby={helpId}
          />
        )}
      </Field>
    </>
  );
}
