import { useEffect, useState } from 'react';
import type { SyncStatus, SyncView } from '../../../../shared/schemas';
import { getApi } from '../../api';

/** The saved sync settings and the live status (main reports every run as `sync.status`). */
export function useSyncView() {
  const [view, setView] = useState<SyncView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    const api = getApi();
    let live = true;
    const off = api.on('sync.status', (status: SyncStatus) => setView((v) => (v ? { ...v, status } : v)));
    api.call('sync.get', {}).then(
      (v) => live && setView(v),
      (err: unknown) => live && setFailure(err),
    );
    return () => {
      live = false;
      off();
    };
  }, []);
  return { view, setView, failure };
}
