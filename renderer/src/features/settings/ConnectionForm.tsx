import { useId } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { presetById } from '../../../../shared/presets';
import { HeadersField } from '../connections/HeadersField';
import { ModelField } from '../connections/ModelField';
import { NextChatFields } from '../connections/NextChatFields';
import { PresetField } from '../connections/PresetField';
import { ProxyFieldset } from '../connections/ProxyFieldset';
import { TestReport } from '../connections/TestReport';
import { Field } from '../../ui/Field';
import { UrlInput } from '../../ui/UrlInput';
import { KeyField, KeyHostMismatch } from './KeyField';
import { RequestPreview } from './RequestPreview';
import { SaveBar, type SaveState } from './SaveBar';
import { useReportUnsaved } from './unsaved';
import { useConnectionForm, type FormStatus } from './use-connection-form';

const saveState = (status: FormStatus): SaveState =>
  status.kind === 'success' ? { kind: 'saved', message: status.message } : status.kind === 'error' ? status : status;

/** One connection: preset, name, address (with the live request URL), key, model, headers, proxy; Save and Test. */
export function ConnectionForm({ connectionId, onSaved }: { connectionId: string | null; onSaved(id: string): void }) {
  const { t } = useTranslation();
  const form = useConnectionForm(connectionId, onSaved);
  const ids = { baseUrl: useId(), preview: useId(), help: useId(), asTyped: useId() };
  const busy = form.status.kind === 'busy';
  const nextChat = presetById(form.fields.preset).input === 'server+code';
  useReportUnsaved('connection', form.dirty);

  return (
    <form
      className="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form.save();
      }}
    >
      <PresetField value={form.fields.preset} onChange={form.setPreset} />
      <Field label={t('settings.name')}>
        {({ id }) => <input id={id} className="input" value={form.fields.name} maxLength={100} onChange={(e) => form.set('name')(e.target.value)} autoComplete="off" />}
      </Field>
      {nextChat ? (
        <NextChatFields form={form} />
      ) : (
        <div className="field">
          <label htmlFor={ids.baseUrl} className="field-label">
            {t('settings.baseUrl')}
          </label>
          <UrlInput
            id={ids.baseUrl}
            value={form.fields.baseUrl}
            maxLength={2048}
            placeholder={t('settings.baseUrlPlaceholder')}
            onChange={(e) => form.set('baseUrl')(e.target.value)}
            aria-describedby={`${ids.preview} ${ids.help}`}
          />
          <RequestPreview id={ids.preview} baseUrl={form.fields.baseUrl} asTyped={form.fields.asTyped} />
          <label className="checkbox">
            <input id={ids.asTyped} type="checkbox" checked={form.fields.asTyped} onChange={(e) => form.set('asTyped')(e.target.checked)} aria-describedby={ids.help} />
            <span>{t('connections.asTyped')}</span>
          </label>
          <p id={ids.help} className="field-help">
            {t('settings.baseUrlHelp')} {t('connections.asTypedHelp')}
          </p>
        </div>
      )}
      {!nextChat && (
        <KeyField
          connection={form.connection}
          keychain={form.keychain}
          value={form.fields.key}
          onChange={form.set('key')}
          sessionOnly={form.fields.sessionOnly}
          onSessionOnlyChange={form.set('sessionOnly')}
          onRemove={form.removeKey}
          onConfirmHost={form.confirmKeyHost}
          busy={busy}
        />
      )}
      {nextChat && form.connection?.keyHostMismatch && (
        <KeyHostMismatch connection={form.connection} onConfirmHost={form.confirmKeyHost} busy={busy} />
      )}
      <ModelField form={form} />
      <details className="settings-advanced">
        <summary>{t('connections.proxy.connectionProxy')} · {t('connections.headers')}</summary>
        <ProxyFieldset
          scope={form.connection?.id ?? null}
          value={form.fields.proxy}
          onChange={form.set('proxy')}
          allowDefault
          passwordSet={!!form.connection?.proxyPasswordSet}
          legend={t('connections.proxy.connectionProxy')}
        />
        <HeadersField value={form.fields.headers} onChange={form.set('headers')} />
      </details>
      <SaveBar dirty={form.dirty} state={saveState(form.status)}>
        <button type="button" className="button button-secondary" aria-disabled={form.testing} onClick={() => void form.test()}>
          {form.testing ? t('connections.test.running') : t('connections.test.run')}
        </button>
      </SaveBar>
      {form.report && <TestReport report={form.report} onUseSuggestion={form.useSuggestion} onUseModel={form.useModel} />}
    </form>
  );
}
