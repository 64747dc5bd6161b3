import { useCallback, useState } from 'react';

/**
 * A button's action that may take a while ("Try again", "Restore"): `busy` while it runs (the button
 * says so with aria-disabled), `failed` when it threw. The outcome itself arrives through the stores.
 */
export function useBusyAction(): { busy: boolean; failed: boolean; run(action: () => Promise<unknown>): void } {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = useCallback((action: () => Promise<unknown>) => {
    setBusy(true);
    setFailed(false);
    void action()
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  }, []);
  return { busy, failed, run };
}
