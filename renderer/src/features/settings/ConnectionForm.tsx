import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyField } from './KeyField';
import { RequestPreview } from './RequestPreview';
import { useConnectionForm } from './use-connection-form';

/** Name, base URL (with the live request URL), API key and model; Save writes them. */
export function ConnectionForm() {
  const { t } = useTranslation();
  const form = useConnectionForm();
  const ids = { name: useId(), baseUrl: useId(), preview: useId(), help: useId(), model: useId() };
  const busy = form.status.kind === 'busy';

  return (
    <form
      className="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form.save();
      }}
    >
      <div className="field">
        <label htmlFor={ids.name} className="field-label">
          {t('settings.name')}
        </label>
        <input
          id={ids.name}
          className="input"
          value={form.fields.name}
          maxLength={100}
          onChange={(e) => form.set.name(e.target.value)}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={ids.baseUrl} className="field-label">
          {t('settings.baseUrl')}
        </label>
        <input
          id={ids.baseUrl}
          className="input input-mono"
          type="text"
          inputMode="url"
          value={form.fields.baseUrl}
          maxLength={2048}
          placeholder={t('settings.baseUrlPlaceholder')}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          onChange={(e) => form.set.baseUrl(e.target.value)}
          aria-describedby={`${ids.preview} ${ids.help}`}
        />
        <RequestPreview id={ids.preview} baseUrl={form.fields.baseUrl} />
        <p id={ids.help} className="field-help">
          {t('settings.baseUrlHelp')}
        </p>
      </div>
      <KeyField
        connection={form.connection}
        keychain={form.keychain}
        value={form.fields.key}
        onChange={form.set.key}
        sessionOnly={form.fields.sessionOnly}
        onSessionOnlyChange={form.set.sessionOnly}
        onRemove={form.removeKey}
        busy={busy}
      />
      <div className="field">
        <label htmlFor={ids.model} className="field-label">
          {t('settings.model')}
        </label>
        <input
          id={ids.model}
          className="input input-mono"
          value={form.fields.model}
          maxLength={200}
          placeholder={t('settings.modelPlaceholder')}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          onChange={(e) => form.set.model(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <p
          className={`form-status${form.status.kind === 'error' ? ' form-error' : ''}${form.status.kind === 'success' ? ' form-success' : ''}`}
          role={form.status.kind === 'error' ? 'alert' : 'status'}
        >
          {form.status.kind === 'busy' && t('settings.saving')}
          {form.status.kind === 'error' && form.status.title && <strong>{form.status.title} </strong>}
          {(form.status.kind === 'error' || form.status.kind === 'success') && form.status.message}
        </p>
        {/* aria-disabled, not disabled: disabling the focused button would drop focus to <body>. */}
        <button type="submit" className="button button-primary" aria-disabled={busy}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
