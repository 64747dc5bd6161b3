import { useEffect, useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { UpdateFeedKind, UpdateStatus } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import './updates.css';

/**
 * Settings → Updates: opt-in automatic checks, GitHub or a mirror, "Check for updates", then Download
 * (in the background, with progress) and "Restart and install" — each step only when the user clicks.
 */
export function UpdatesSection() {
  const { t, i18n } = useTranslation();
  const ids = { auto: useId(), autoHelp: useId(), feed: useId(), mirror: useId(), mirrorHelp: useId() };
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [mirror, setMirror] = useState('');
  const [failure, setFailure] = useState('');

  useEffect(() => {
    const api = getApi();
    let current = true;
    api.call('updates.status', {}).then(
      (s) => {
        if (!current) return;
        setStatus(s);
        setMirror(s.prefs.mirrorUrl);
      },
      (err: unknown) => current && setFailure(appErrorText(t, err).title),
    );
    const off = api.on('updates.changed', (s) => setStatus(s));
    return () => {
      current = false;
      off();
    };
  }, [t]);

  const run = async (call: () => Promise<UpdateStatus>) => {
    setFailure('');
    try {
      setStatus(await call());
    } catch (err) {
      setFailure(appErrorText(t, err).title);
    }
  };
  const api = getApi();
  const setPrefs = (patch: { autoCheck?: boolean; feed?: UpdateFeedKind; mirrorUrl?: string }) => run(() => api.call('updates.setPrefs', patch));

  if (!status) return failure ? <p className="form-status" role="status">{failure}</p> : null;
  const { prefs } = status;
  const busy = status.state === 'checking' || status.state === 'downloading';

  return (
    <div className="settings-form updates-section">
      <p className="field-help">{t('updates.current', { version: status.currentVersion })}</p>
      <label className="checkbox">
        <input type="checkbox" checked={prefs.autoCheck} aria-describedby={ids.autoHelp} onChange={(e) => void setPrefs({ autoCheck: e.target.checked })} />
        <span>{t('updates.autoCheck')}</span>
      </label>
      <p id={ids.autoHelp} className="field-help">
        {t('updates.autoCheckHelp')}
      </p>

      <div className="field">
        <label htmlFor={ids.feed} className="field-label">
          {t('updates.feed')}
        </label>
        <select id={ids.feed} className="select" value={prefs.feed} onChange={(e) => void setPrefs({ feed: e.target.value as UpdateFeedKind })}>
          {(['github', 'mirror'] as const).map((kind) => (
            <option key={kind} value={kind}>
              {t(`updates.feeds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {prefs.feed === 'mirror' && (
        <div className="field">
          <label htmlFor={ids.mirror} className="field-label">
            {t('updates.mirrorUrl')}
          </label>
          <div className="updates-mirror-row">
            <input
              id={ids.mirror}
              className="input input-mono"
              value={mirror}
              placeholder="https://mirror.example.com/ferry/"
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              aria-describedby={ids.mirrorHelp}
              onChange={(e) => setMirror(e.target.value)}
            />
            <button type="button" className="button button-secondary" disabled={mirror.trim() === prefs.mirrorUrl} onClick={() => void setPrefs({ mirrorUrl: mirror.trim() })}>
              {t('updates.save')}
            </button>
          </div>
          <p id={ids.mirrorHelp} className="field-help">
            {t('updates.mirrorHelp')}
          </p>
        </div>
      )}

      <div className="form-actions updates-actions">
        <p className="form-status" role="status" aria-live="polite">
          {failure || describe(status, t as Translate)}
          {status.checkedAt && status.state !== 'checking' && (
            <span className="updates-checked"> {t('updates.checkedAt', { time: new Date(status.checkedAt).toLocaleString(i18n.language) })}</span>
          )}
        </p>
        {status.state === 'available' && status.canInstall && (
          <button type="button" className="button button-primary" onClick={() => void run(() => api.call('updates.download', {}))}>
            {t('updates.download')}
          </button>
        )}
        {status.state === 'downloaded' && (
          <button type="button" className="button button-primary" onClick={() => void run(() => api.call('updates.install', {}))}>
            {t('updates.install')}
          </button>
        )}
        <button type="button" className="button button-secondary" disabled={busy || status.state === 'downloaded'} onClick={() => void run(() => api.call('updates.check', {}))}>
          {t('updates.check')}
        </button>
      </div>
      {status.state === 'downloading' && <progress className="updates-progress" max={100} value={status.percent ?? 0} aria-label={t('updates.downloading', { percent: status.percent ?? 0 })} />}
      {status.downloadPage && (status.state === 'error' || (status.state === 'available' && !status.canInstall)) && (
        <p className="field-help">
          {status.state === 'available' && <>{t('updates.manualOnly')} </>}
          <a href={status.downloadPage} target="_blank" rel="noopener noreferrer">
            {t('updates.openPage')}
          </a>
        </p>
      )}
    </div>
  );
}

// A plain signature: i18next's own type of `t`, checked against every key of the app's resources
// at each call of this switch, goes past TypeScript's instantiation depth.
type Translate = (key: string, options?: Record<string, unknown>) => string;

function describe(status: UpdateStatus, t: Translate): string {
  switch (status.state) {
    case 'checking':
      return t('updates.checking');
    case 'up-to-date':
      return t('updates.upToDate', { version: status.version ?? status.currentVersion });
    case 'available':
      return t('updates.available', { version: status.version ?? '' });
    case 'downloading':
      return t('updates.downloading', { percent: status.percent ?? 0 });
    case 'downloaded':
      return t('updates.downloaded', { version: status.version ?? '' });
    case 'error':
      return status.error ? t(`updates.errors.${status.error.code}`, { detail: status.error.message }) : '';
    default:
      return '';
  }
}
