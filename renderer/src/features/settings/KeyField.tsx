import { useId, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../../i18n/use-translation';
import type { ConnectionView, KeychainStatus } from '../../../../shared/schemas';
import { AlertIcon } from '../../ui/icons';
import { keychainProblemText } from '../faults/keychain-text';

interface KeyFieldProps {
  connection: ConnectionView | null;
  keychain: KeychainStatus;
  value: string;
  onChange(value: string): void;
  sessionOnly: boolean;
  onSessionOnlyChange(value: boolean): void;
  onRemove(): Promise<void>;
  /** "Use the saved key for <host>" after the base URL's host changed. */
  onConfirmHost(host: string): Promise<void>;
  busy: boolean;
}

const hostOf = (url: string | null) => {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
};

/** The saved key belongs to another host: say so, and offer to confirm it for the new one. */
export function KeyHostMismatch({ connection, onConfirmHost, busy }: { connection: ConnectionView; onConfirmHost(host: string): Promise<void>; busy: boolean }) {
  const { t } = useTranslation();
  const host = hostOf(connection.requestUrl);
  return (
    <div className="notice notice-warn" role="alert">
      <AlertIcon width={16} height={16} />
      <div>
        <p>{t('connections.keyMismatch', { saved: hostOf(connection.keyOrigin), host })}</p>
        <button type="button" className="button button-secondary button-small" aria-disabled={busy} onClick={() => void onConfirmHost(host)}>
          {t('connections.confirmKeyHost', { host })}
        </button>
      </div>
    </div>
  );
}

/**
 * Where the saved key is, with its last four characters; a key the keychain cannot give right now
 * is "can't be read right now", never "no key". Null when there is none (each form says that its own way).
 */
export function savedKeyText(t: TFunction, key: ConnectionView['key'] | undefined): string | null {
  if (key?.unreadable) return t('faults.keychain.keyUnreadable');
  if (!key?.set) return null;
  const last4 = key.last4 ?? '';
  return key.storage === 'session' ? t('settings.keySession', { last4 }) : t('settings.keyKeychain', { last4 });
}

function KeyStatus({ connection }: { connection: ConnectionView | null }) {
  const { t } = useTranslation();
  return <>{savedKeyText(t, connection?.key) ?? t('settings.keyNone')}</>;
}

/**
 * The API key. Never pre-filled: the renderer doesn't have the saved key and shows only where it
 * is kept and its last four characters. A typed key lives in the form until Save sends it once.
 */
export function KeyField({ connection, keychain, value, onChange, sessionOnly, onSessionOnlyChange, onRemove, onConfirmHost, busy }: KeyFieldProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const statusId = useId();
  const isSet = !!connection?.key.set;
  const input = useRef<HTMLInputElement>(null);
  // The Remove key button disappears with the key; keep the keyboard user right there.
  const remove = async () => {
    await onRemove();
    input.current?.focus();
  };

  return (
    <div className="field">
      <label htmlFor={inputId} className="field-label">
        {t('settings.apiKey')}
      </label>
      {!keychain.available && (
        <div className="notice notice-warn" role="note">
          <AlertIcon width={16} height={16} />
          <div>
            {!keychain.problem || keychain.problem === 'absent' ? (
              <p>{t('settings.keychainMissing')}</p>
            ) : (
              <p>
                <strong>{keychainProblemText(t, keychain.problem).title}</strong> {keychainProblemText(t, keychain.problem).hint}
              </p>
            )}
            {keychain.reason && <p className="notice-detail">{t('settings.keychainReason', { reason: keychain.reason })}</p>}
          </div>
        </div>
      )}
      <input
        ref={input}
        id={inputId}
        className="input input-mono"
        type="password"
        // new-password keeps browsers' password managers from filling in or saving the key.
        autoComplete="new-password"
        spellCheck={false}
        autoCapitalize="off"
        placeholder={isSet ? t('settings.apiKeyReplace') : t('settings.apiKeyPlaceholder')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={statusId}
      />
      <div className="key-status-row">
        <p id={statusId} className={`key-status${connection?.key.unreadable ? ' is-unreadable' : isSet ? ' is-set' : ''}`}>
          <KeyStatus connection={connection} />
        </p>
        {isSet && (
          <button type="button" className="button button-secondary button-small" onClick={() => void remove()} aria-disabled={busy}>
            {t('settings.removeKey')}
          </button>
        )}
      </div>
      {connection?.keyHostMismatch && <KeyHostMismatch connection={connection} onConfirmHost={onConfirmHost} busy={busy} />}
      {!keychain.available && (
        <label className="checkbox">
          <input type="checkbox" checked={sessionOnly} onChange={(e) => onSessionOnlyChange(e.target.checked)} />
          <span>{t('settings.sessionOnly')}</span>
        </label>
      )}
    </div>
  );
}
