import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from './i18n/use-translation';
import type { ApiClient } from './api';
import { App } from './App';
import { appErrorText } from './i18n/error-text';
import { useAppStore } from './state/app-store';
import { loadInitialState } from './state/boot';
import { LogoMark } from './ui/icons';
import { isDatabaseError, RecoveryCard } from './features/recovery/RecoveryCard';

type BootState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; error: unknown };

function BootCard({ title, detail, onRetry }: { title?: string; detail: ReactNode; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="boot">
      <div className="boot-card" role={title ? 'alert' : 'status'}>
        <LogoMark width={48} height={48} />
        {title && <h1 className="boot-title">{title}</h1>}
        <p className="boot-detail">{detail}</p>
        {onRetry && (
          <button type="button" className="button button-primary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    </div>
  );
}

/** Loads the first screen's data, then shows the app; on failure, says why and retries. */
export function Root({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [state, setState] = useState<BootState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const bridge = useAppStore((s) => s.bridge);

  useEffect(() => {
    let current = true;
    loadInitialState(api).then(
      () => current && setState({ kind: 'ready' }),
      (error: unknown) => current && setState({ kind: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, attempt]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  // The browser host may come up after the page: try again as soon as the bridge opens.
  const failed = useRef(false);
  useEffect(() => {
    failed.current = state.kind === 'failed';
  });
  useEffect(
    () =>
      api.onConnectionState((s) => {
        if (s === 'open' && failed.current) retry();
      }),
    [api, retry],
  );

  if (state.kind === 'ready') return <App />;
  if (bridge === 'no-token') return <BootCard title={t('banner.noToken')} detail={t('banner.noTokenHint')} />;
  if (state.kind === 'loading') return <BootCard detail={t('boot.loading')} />;
  if (bridge === 'unreachable' || bridge === 'closed') {
    return <BootCard title={t('banner.unreachable')} detail={t('banner.unreachableHint')} onRetry={retry} />;
  }
  if (isDatabaseError(state.error)) return <RecoveryCard api={api} onRestored={retry} />;
  const text = appErrorText(t, state.error);
  const detail = (
    <>
      <strong>{text.title}</strong> {text.hint}
    </>
  );
  return <BootCard title={t('boot.failed')} detail={detail} onRetry={retry} />;
}
