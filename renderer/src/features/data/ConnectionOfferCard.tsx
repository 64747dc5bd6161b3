import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { resolveBaseUrl } from '../../../../shared/base-url';
import { deriveNextChat } from '../../../../shared/presets';
import type { ConnectionOffer } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { useAppStore } from '../../state/app-store';
import { reloadSettings } from '../../state/settings-actions';
import { Field } from '../../ui/Field';
import { UrlInput } from '../../ui/UrlInput';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

/**
 * A key or access code the imported file held. It was never read into Ferry: the user may create
 * the connection it stood for and type the secret again, which goes to the keychain through the
 * same connections.setKey as the connection form.
 */
export function ConnectionOfferCard({ offer }: { offer: ConnectionOffer }) {
  const { t } = useTranslation();
  const keychain = useAppStore((s) => s.info?.keychain.available ?? true);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(offer.name);
  const [address, setAddress] = useState(offer.baseUrl);
  const [secret, setSecret] = useState('');
  const [model, setModel] = useState(offer.model || 'gpt-4o-mini');
  const [sessionOnly, setSessionOnly] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const nextChat = offer.kind === 'nextchat';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status.kind === 'busy') return;
    const derived = nextChat ? deriveNextChat(address, secret) : { baseUrl: address.trim(), key: secret.trim() };
    if (!derived.baseUrl || !resolveBaseUrl(derived.baseUrl).ok) return setStatus({ kind: 'error', message: t('data.offer.needAddress') });
    if (!derived.key) return setStatus({ kind: 'error', message: t('data.offer.needSecret') });
    if (!keychain && !sessionOnly) return setStatus({ kind: 'error', message: t('settings.sessionRequired') });
    setStatus({ kind: 'busy' });
    const api = getApi();
    try {
      const saved = await api.call('connections.save', {
        name: name.trim() || offer.name,
        preset: nextChat ? 'nextchat' : 'custom',
        baseUrl: derived.baseUrl,
        model: model.trim(),
      });
      // The secret leaves the form once, for the keychain; it is not kept here.
      setSecret('');
      await api.call('connections.setKey', { id: saved.id, key: derived.key, storage: keychain ? 'keychain' : 'session' });
      await reloadSettings();
      setStatus({ kind: 'done', message: t(keychain ? 'data.offer.created' : 'data.offer.createdSession', { name: saved.name }) });
    } catch (err) {
      const text = appErrorText(t, err);
      setStatus({ kind: 'error', message: `${text.title} ${text.hint}` });
    }
  };

  const label = t(`data.offer.title.${offer.kind}`, { name: offer.name });
  return (
    <div className="offer-card" role="group" aria-label={label}>
      <p className="field-label">{label}</p>
      <p className="field-help">{t(`data.offer.body.${offer.kind}`, { name: offer.baseUrl ? `${offer.name} (${offer.baseUrl})` : offer.name })}</p>
      {status.kind === 'done' ? (
        <p className="form-status form-success" role="status">
          {status.message}
        </p>
      ) : !open ? (
        <div>
          <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
            {t('data.offer.create')}
          </button>
        </div>
      ) : (
        <form className="settings-form offer-form" onSubmit={(e) => void submit(e)}>
          <Field label={t('data.offer.name')}>{({ id }) => <input id={id} className="input" value={name} onChange={(e) => setName(e.target.value)} />}</Field>
          <Field label={t(nextChat ? 'data.offer.server' : 'data.offer.baseUrl')} help={nextChat ? t('data.offer.serverHelp') : undefined}>
            {({ id, helpId }) => <UrlInput id={id} aria-describedby={helpId} value={address} onChange={(e) => setAddress(e.target.value)} />}
          </Field>
          <Field label={t(nextChat ? 'data.offer.code' : 'data.offer.key')} help={t('data.offer.secretHelp')}>
            {({ id, helpId }) => (
              <input id={id} className="input input-mono" type="password" autoComplete="off" aria-describedby={helpId} value={secret} onChange={(e) => setSecret(e.target.value)} />
            )}
          </Field>
          <Field label={t('data.offer.model')}>{({ id }) => <input id={id} className="input input-mono" value={model} onChange={(e) => setModel(e.target.value)} />}</Field>
          {!keychain && (
            <label className="checkbox">
              <input type="checkbox" checked={sessionOnly} onChange={(e) => setSessionOnly(e.target.checked)} /> {t('data.offer.sessionOnly')}
            </label>
          )}
          <div className="form-actions">
            <p className={`form-status${status.kind === 'error' ? ' form-error' : ''}`} role={status.kind === 'error' ? 'alert' : 'status'}>
              {status.kind === 'error' ? status.message : status.kind === 'busy' ? t('data.offer.creating') : ''}
            </p>
            <button type="submit" className="button button-primary" aria-disabled={status.kind === 'busy'}>
              {t('data.offer.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
