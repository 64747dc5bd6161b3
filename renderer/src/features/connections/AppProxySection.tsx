import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { useAppStore } from '../../state/app-store';
import { reloadSettings } from '../../state/settings-actions';
import { SaveBar, type SaveState } from '../settings/SaveBar';
import { useReportUnsaved } from '../settings/unsaved';
import { proxyConfigOf, proxyFieldsOf, type ProxyFields } from './form-model';
import { ProxyFieldset } from './ProxyFieldset';

/** The app's default proxy: every connection without its own override uses it. */
export function AppProxySection() {
  const { t } = useTranslation();
  const saved = useAppStore((s) => s.prefs?.proxy ?? null);
  const [value, setValue] = useState<ProxyFields>(() => proxyFieldsOf(saved, false));
  const [status, setStatus] = useState<SaveState>({ kind: 'idle' });
  const dirty = JSON.stringify(value) !== JSON.stringify(proxyFieldsOf(saved, false));
  useReportUnsaved('network.proxy', dirty);
  const [passwordSet, setPasswordSet] = useState(false);
  const [passwordVersion, setPasswordVersion] = useState(0);
  useEffect(() => {
    let live = true;
    getApi()
      .call('proxy.passwordState', { scope: 'app' })
      .then((state) => live && setPasswordSet(state.set))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [passwordVersion]);

  const save = async () => {
    setStatus({ kind: 'busy' });
    try {
      const proxy = proxyConfigOf(value);
      if (!proxy) return setStatus({ kind: 'idle' });
      await getApi().call('prefs.setProxy', { proxy });
      if (value.choice === 'manual' && value.password) {
        await getApi().call('proxy.setPassword', { scope: 'app', password: value.password });
        setValue((v) => ({ ...v, password: '' }));
        setPasswordVersion((n) => n + 1);
      }
      await reloadSettings();
      setStatus({ kind: 'saved', message: t('connections.proxy.saved') });
    } catch (err) {
      setStatus({ kind: 'error', message: appErrorText(t, err).title });
    }
  };

  return (
    <div className="settings-form">
      <ProxyFieldset scope="app" value={value} onChange={setValue} allowDefault={false} passwordSet={passwordSet} legend={t('connections.proxy.appProxy')} />
      <SaveBar dirty={dirty} state={status} label={t('connections.proxy.save')} onSave={() => void save()} />
    </div>
  );
}
