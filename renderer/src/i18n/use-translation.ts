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

/**
 * i18next's `t` resolved once per key and options for the language shown: the same few dozen
 * labels are asked for by every row of a long conversation, and each i18next lookup (fallbacks,
 * nesting, interpolation) cost ~5 ms of the main thread per opening in the profiles. Only calls
 * whose options are plain values are kept, and only string answers.
 */
const MAX_REMEMBERED = 2_000;

function remembering(t: TFunction<'translation', undefined>): TFunction<'translation', undefined> {
  const known = new Map<string, string>();
  const lookUp = t as unknown as (key: unknown, options?: unknown) => unknown;
  const remembered = (key: unknown, options?: unknown) => {
    if (typeof key !== 'string' || !plainOptions(options)) return lookUp(key, options);
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    const hit = known.get(id);
    if (hit !== undefined) return hit;
    const value = lookUp(key, options);
    // Labels with changing values (counts, seconds) would grow the map for ever: start afresh past a bound.
    if (known.size >= MAX_REMEMBERED) known.clear();
    if (typeof value === 'string') known.set(id, value);
    return value;
  };
  return Object.assign(remembered, t) as unknown as TFunction<'translation', undefined>;
}

function plainOptions(options: unknown): boolean {
  if (options === undefined) return true;
  if (!options || typeof options !== 'object' || Object.getPrototypeOf(options) !== Object.prototype) return false;
  return Object.values(options).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
}

function current(): Translation {
  if (!snapshot || snapshotLanguage !== i18next.language) {
    snapshotLanguage = i18next.language;
    snapshot = { t: remembering(i18next.getFixedT(null, 'translation')), i18n: i18next };
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
