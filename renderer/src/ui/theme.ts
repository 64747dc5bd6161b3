export type ThemePref = 'system' | 'light' | 'dark';

const CACHE_KEY = 'ferry.theme';
let stopFollowing: (() => void) | null = null;

/** The theme chosen last time, so the first paint isn't light when the user picked dark. */
export function cachedTheme(): ThemePref {
  try {
    const value = localStorage.getItem(CACHE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Sets `data-theme` on <html>; for "system" it follows the OS setting live. */
export function applyTheme(pref: ThemePref): void {
  stopFollowing?.();
  stopFollowing = null;
  try {
    localStorage.setItem(CACHE_KEY, pref);
  } catch {
    // Only a cache: without it the first frame may use the OS theme.
  }
  const root = document.documentElement;
  if (pref !== 'system') {
    root.dataset.theme = pref;
    return;
  }
  const query = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const update = () => {
    root.dataset.theme = query?.matches ? 'dark' : 'light';
  };
  update();
  if (query) {
    query.addEventListener('change', update);
    stopFollowing = () => query.removeEventListener('change', update);
  }
}

/** Message text size, as the `--chat-font-size` the chat styles read. */
export function applyFontSize(px: number): void {
  if (typeof document === 'undefined') return;
  document.documentElement.style.setProperty('--chat-font-size', `${px}px`);
}
