import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView, KeychainStatus } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { selectActiveConnection, useAppStore } from '../../state/app-store';
import { reloadSettings } from '../../state/settings-actions';

export type FormStatus =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'success'; message: string }
  | { kind: 'error'; title?: string; message: string };

/** Before AppInfo arrives, assume a keychain: main refuses the key anyway if there is none. */
const KEYCHAIN_UNKNOWN: KeychainStatus = { available: true };

/** The connection form's state and its Save / Remove key commands. */
export function useConnectionForm() {
  const { t } = useTranslation();
  const keychain = useAppStore((s) => s.info?.keychain) ?? KEYCHAIN_UNKNOWN;
  const connection: ConnectionView | null = useAppStore(selectActiveConnection);
  // Seeded once per opening: a change pushed by another window must not overwrite what is being typed.
  const [name, setName] = useState(() => connection?.name ?? t('settings.defaultName'));
  const [baseUrl, setBaseUrl] = useState(() => connection?.baseUrl ?? '');
  const [model, setModel] = useState(() => connection?.model ?? '');
  const [key, setKey] = useState('');
  const [sessionOnly, setSessionOnly] = useState(false);
  const [status, setStatus] = useState<FormStatus>({ kind: 'idle' });

  const fail = (err: unknown) => {
    const text = appErrorText(t, err);
    setStatus({ kind: 'error', title: text.title, message: text.hint });
  };

  const busy = status.kind === 'busy';

  const save = async () => {
    if (busy) return;
    if (!name.trim()) return setStatus({ kind: 'error', message: t('settings.nameRequired') });
    const typedKey = key.trim();
    if (typedKey && !keychain.available && !sessionOnly) {
      return setStatus({ kind: 'error', message: t('settings.sessionRequired') });
    }
    setStatus({ kind: 'busy' });
    const api = getApi();
    try {
      const saved = await api.call('connections.save', {
        ...(connection ? { id: connection.id } : {}),
        name: name.trim(),
        baseUrl: baseUrl.trim(),
        model: model.trim(),
      });
      if (typedKey) {
        // The key leaves the form exactly once; whatever happens next, it is not kept here.
        setKey('');
        await api.call('connections.setKey', {
          id: saved.id,
          key: typedKey,
          storage: keychain.available ? 'keychain' : 'session',
        });
      }
      await reloadSettings();
      setStatus({ kind: 'success', message: t('settings.saved') });
    } catch (err) {
      fail(err);
    }
  };

  const removeKey = async () => {
    if (!connection || busy) return;
    setStatus({ kind: 'busy' });
    try {
      await getApi().call('connections.clearKey', { id: connection.id });
      await reloadSettings();
      setStatus({ kind: 'success', message: t('settings.keyRemoved') });
    } catch (err) {
      fail(err);
    }
  };

  return {
    connection,
    keychain,
    fields: { name, baseUrl, model, key, sessionOnly },
    set: { name: setName, baseUrl: setBaseUrl, model: setModel, key: setKey, sessionOnly: setSessionOnly },
    status,
    save,
    removeKey,
  };
}
