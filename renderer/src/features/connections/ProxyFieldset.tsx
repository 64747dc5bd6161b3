import { useId } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ProxyChoice, ProxyFields } from './form-model';

const PROXY_URL = /^(https?|socks5h?):\/\/[^/\s:@]+(:\d{1,5})?\/?$|^[^/\s:@]+:\d{1,5}$/i;

/** Proxy mode, address, login and LAN bypass: the app default, or one connection's override. */
export function ProxyFieldset(props: {
  scope: string | null;
  value: ProxyFields;
  onChange(value: ProxyFields): void;
  allowDefault: boolean;
  passwordSet: boolean;
  legend: string;
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  const ids = { mode: useId(), url: useId(), urlHelp: useId(), user: useId(), password: useId(), passwordHelp: useId(), modeHelp: useId() };
  const choices: ProxyChoice[] = props.allowDefault ? ['default', 'system', 'none', 'manual'] : ['system', 'none', 'manual'];
  const patch = (p: Partial<ProxyFields>) => onChange({ ...value, ...p });
  const urlInvalid = value.choice === 'manual' && value.url.trim() !== '' && !PROXY_URL.test(value.url.trim());

  return (
    <div className="field proxy-fieldset">
      <label htmlFor={ids.mode} className="field-label">
        {props.legend}
      </label>
      <select id={ids.mode} className="select" value={value.choice} onChange={(e) => patch({ choice: e.target.value as ProxyChoice })} aria-describedby={ids.modeHelp}>
        {choices.map((c) => (
          <option key={c} value={c}>
            {t(`connections.proxy.modes.${c}`)}
          </option>
        ))}
      </select>
      {value.choice === 'system' && (
        <p id={ids.modeHelp} className="field-help">
          {t('connections.proxy.systemHint')}
        </p>
      )}
      {value.choice === 'manual' && (
        <>
          <label htmlFor={ids.url} className="field-label">
            {t('connections.proxy.address')}
          </label>
          <input
            id={ids.url}
            className="input input-mono"
            value={value.url}
            placeholder={t('connections.proxy.addressPlaceholder')}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            aria-invalid={urlInvalid}
            aria-describedby={ids.urlHelp}
            onChange={(e) => patch({ url: e.target.value })}
          />
          <p id={ids.urlHelp} className={`field-help${urlInvalid ? ' is-invalid' : ''}`}>
            {urlInvalid ? t('connections.proxy.addressInvalid') : t('connections.proxy.addressPlaceholder')}
          </p>
          <label htmlFor={ids.user} className="field-label">
            {t('connections.proxy.username')}
          </label>
          <input id={ids.user} className="input" value={value.username} autoComplete="off" spellCheck={false} onChange={(e) => patch({ username: e.target.value })} />
          <label htmlFor={ids.password} className="field-label">
            {t('connections.proxy.password')}
          </label>
          <input
            id={ids.password}
            className="input"
            type="password"
            autoComplete="new-password"
            value={value.password}
            aria-describedby={ids.passwordHelp}
            onChange={(e) => patch({ password: e.target.value })}
          />
          {props.passwordSet && (
            <p id={ids.passwordHelp} className="field-help">
              {t('connections.proxy.passwordSet')}
            </p>
          )}
        </>
      )}
      {(value.choice === 'manual' || value.choice === 'system') && (
        <label className="checkbox">
          <input type="checkbox" checked={value.bypassLocal} onChange={(e) => patch({ bypassLocal: e.target.checked })} />
          <span>{t('connections.proxy.bypass')}</span>
        </label>
      )}
    </div>
  );
}
