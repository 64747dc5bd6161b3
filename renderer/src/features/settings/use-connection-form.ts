import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ConnectionView, DiagnosticReport, KeychainStatus } from '../../../../shared/schemas';
import { resolveBaseUrl } from '../../../../shared/base-url';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { useAppStore } from '../../state/app-store';
import { reloadSettings } from '../../state/settings-actions';
import { applyPreset, draftOf, effectiveInput, formSignature, initialFields, parseHeaders, type FormFields } from '../connections/form-model';

export type FormStatus =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'success'; message: string }
  | { kind: 'error'; title?: string; message: string };

/** Before AppInfo arrives, assume a keychain: main refuses the key anyway if there is none. */
const KEYCHAIN_UNKNOWN: KeychainStatus = { available: true };

/**
 * The connection form's state and its commands: Save, Remove key, confirm the key for a new host,
 * Test connection. `connection` is null for a new one; `onSaved` learns the id of what was saved.
 */
export function useConnectionForm(initialId: string | null, onSaved: (id: string) => void) {
  const { t } = useTranslation();
  // A new connection gets its id from the first Save; later saves update that same one.
  const [id, setId] = useState(initialId);
  const connection = useAppStore((s) => s.connections.find((c) => c.id === id) ?? null);
  const keychain = useAppStore((s) => s.info?.keychain) ?? KEYCHAIN_UNKNOWN;
  // Seeded once per opening: a change pushed by another window must not overwrite what is being typed.
  const [fields, setFields] = useState<FormFields>(() => initialFields(connection, t('settings.defaultName')));
  const [status, setStatus] = useState<FormStatus>({ kind: 'idle' });
  const [report, setReport] = useState<DiagnosticReport | null>(null);
  const [testing, setTesting] = useState(false);
  const [initialName] = useState(() => t('settings.defaultName'));

  const fail = (err: unknown) => {
    const text = appErrorText(t, err);
    setStatus({ kind: 'error', title: text.title, message: text.hint });
  };
  const busy = status.kind === 'busy';
  const set = <K extends keyof FormFields>(key: K) => (value: FormFields[K]) => setFields((f) => ({ ...f, [key]: value }));

  /** Writes the form; resolves with the saved connection, or null when nothing was saved. */
  const persist = async (): Promise<ConnectionView | null> => {
    if (!fields.name.trim()) return (setStatus({ kind: 'error', message: t('settings.nameRequired') }), null);
    const headers = parseHeaders(fields.headers);
    if (!headers.ok) return (setStatus({ kind: 'error', message: t('connections.headersInvalid', { line: headers.line }) }), null);
    const { baseUrl, key, asTyped } = effectiveInput(fields);
    const address = addressProblem(baseUrl, asTyped);
    if (address) return (setStatus({ kind: 'error', message: t(address) }), null);
    if (key && !keychain.available && !fields.sessionOnly) return (setStatus({ kind: 'error', message: t('settings.sessionRequired') }), null);
    const api = getApi();
    let saved = await api.call('connections.save', { ...draftOf(fields, id, headers.headers), customModels: withCustomModel(connection, fields.model) });
    if (key) {
      // The key leaves the form exactly once; whatever happens next, it is not kept here.
      setFields((f) => ({ ...f, key: '', code: '' }));
      saved = await api.call('connections.setKey', { id: saved.id, key, storage: keychain.available ? 'keychain' : 'session' });
    }
    if (fields.proxy.choice === 'manual' && fields.proxy.password) {
      const password = fields.proxy.password;
      setFields((f) => ({ ...f, proxy: { ...f.proxy, password: '' } }));
      await api.call('proxy.setPassword', { scope: saved.id, password });
    }
    setId(saved.id);
    await reloadSettings();
    onSaved(saved.id);
    return saved;
  };

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setStatus({ kind: 'busy' });
    try {
      await work();
    } catch (err) {
      fail(err);
    }
  };

  return {
    connection,
    keychain,
    fields,
    set,
    setPreset: (id: FormFields['preset']) => setFields((f) => applyPreset(f, id)),
    status,
    report,
    save: () =>
      run(async () => {
        if (await persist()) setStatus({ kind: 'success', message: t('settings.saved') });
      }),
    dirty: formSignature(fields) !== formSignature(initialFields(connection, initialName)),
    testing,
    /** Tests what the form holds; nothing is saved and the typed key stays in the field. */
    test: async () => {
      if (testing) return;
      const headers = parseHeaders(fields.headers);
      if (!headers.ok) return setStatus({ kind: 'error', message: t('connections.headersInvalid', { line: headers.line }) });
      const { baseUrl, key, asTyped } = effectiveInput(fields);
      const address = addressProblem(baseUrl, asTyped);
      if (address) return setStatus({ kind: 'error', message: t(address) });
      setTesting(true);
      setReport(null);
      try {
        const draft = { ...draftOf(fields, id, headers.headers), name: fields.name.trim() || t('settings.defaultName') };
        // A proxy password typed for this connection's own proxy is tested too, unsaved.
        const proxyPassword = fields.proxy.choice === 'manual' && fields.proxy.password ? fields.proxy.password : undefined;
        setReport(await getApi().call('connections.testDraft', { draft, ...(key ? { key } : {}), ...(proxyPassword ? { proxyPassword } : {}) }));
      } catch (err) {
        fail(err);
      } finally {
        setTesting(false);
      }
    },
    removeKey: () =>
      run(async () => {
        if (!connection) return setStatus({ kind: 'idle' });
        await getApi().call('connections.clearKey', { id: connection.id });
        await reloadSettings();
        setStatus({ kind: 'success', message: t('settings.keyRemoved') });
      }),
    confirmKeyHost: (host: string) =>
      run(async () => {
        if (!connection) return setStatus({ kind: 'idle' });
        await getApi().call('connections.confirmKeyHost', { id: connection.id });
        await reloadSettings();
        setStatus({ kind: 'success', message: t('connections.keyConfirmed', { host }) });
      }),
    useSuggestion: (baseUrl: string) => setFields((f) => ({ ...f, preset: f.preset === 'nextchat' ? 'custom' : f.preset, baseUrl, asTyped: false })),
    useModel: (model: string) => setFields((f) => ({ ...f, model })),
  };
}

export type ConnectionFormState = ReturnType<typeof useConnectionForm>;

/** Why an address can't be saved or tested (an empty one is saved: the connection is just not ready). */
function addressProblem(baseUrl: string, asTyped: boolean) {
  const resolved = resolveBaseUrl(baseUrl, { asTyped });
  if (resolved.ok || resolved.reason === 'empty') return null;
  return resolved.reason === 'scheme' ? ('settings.previewScheme' as const) : ('settings.previewInvalid' as const);
}

/** A model name the server did not list is remembered as the user's own, and offered next time. */
function withCustomModel(connection: ConnectionView | null, model: string): string[] {
  const own = connection?.customModels ?? [];
  const name = model.trim();
  if (!name || own.includes(name) || connection?.modelCache?.ids.includes(name)) return own;
  return [...own, name].slice(-500);
}
