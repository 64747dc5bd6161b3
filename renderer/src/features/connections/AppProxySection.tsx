import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { useAppStore } from '../../state/app-store';
import { reloadSettings } from '../../state/settings-actions';
import { proxyConfigOf, proxyFieldsOf, type ProxyFields } from './form-model';
import { ProxyFieldset } from './ProxyFieldset';

/** The app's default proxy: every connection without its own override uses it. */
export function AppProxySection() {
  const { t } = useTranslation();
  const saved = useAppStore((s) => s.prefs?.proxy ?? null);
  const [value, setValue] = useState<ProxyFields>(() => proxyFieldsOf(saved, false));
  const [status, setStatus] = useState('');
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
    try {
      const proxy = proxyConfigOf(value);
      if (!proxy) return;
      await getApi().call('prefs.setProxy', { proxy });
      if (value.choice === 'manual' && value.password) {
        await getApi().call('proxy.setPassword', { scope: 'app', password: value.password });
        setValue((v) => ({ ...v, password: '' }));
        setPasswordVersion((n) => n + 1);
      }
      await reloadSettings();
      setStatus(t('connections.proxy.saved'));
    } catch (err) {
      setStatus(appErrorText(t, err).title);
    }
  };

  return (
    <div className="settings-form">
      <ProxyFieldset scope="app" value={value} onChange={setValue} allowDefault={false} passwordSet={passwordSet} legend={t('connections.proxy.appProxy')} />
      <div className="form-actions">
        <p className="form-status" role="status">
          {status}
        </p>
        <button type="button" className="button button-secondary" onClick={() => void save()}>
          {t('connections.proxy.save')}
        </button>
      </div>
    </div>
  );
}
