import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';

/**
 * `t` for components, re-rendering them when the language changes: react-i18next's hook without
 * its per-mount cost. Its `useTranslation` copies every property descriptor of the i18next instance
 * for each component that mounts (to tell language changes apart): ~5 ms of the main thread's work
 * opening a long conversation, whose rows mount several translated components each (BENCHMARKS,
 * "eighth round"). One resources bundle, one namespace, no Suspense: all this needs is the instance
 * and a `t` fixed to the language being shown.
 */
export interface Translation {
  t: TFunction<'translation', undefined>;
  i18n: I18n;
}

let snapshot: Translation | null = null;
let snapshotLanguage: string | undefined;
const listeners = new Set<() => void>();
let listening = false;

function current(): Translation {
  if (!snapshot || snapshotLanguage !== i18next.language) {
    snapshotLanguage = i18next.language;
    snapshot = { t: i18next.getFixedT(null, 'translation'), i18n: i18next };
  }
  return snapshot;
}

function subscribe(listener: () => void): () => void {
  if (!listening) {
    listening = true;
    i18next.on('languageChanged', () => {
      for (const l of [...listeners]) l();
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTranslation(): Translation {
  return useSyncExternalStore(subscribe, current, current);
}
