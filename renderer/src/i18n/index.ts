import i18next from 'i18next';
import type { Language } from '../../../shared/schemas';
import en from './en';
import zhCN from './zh-CN';

export type LanguagePref = 'system' | Language;

/** The OS language as the browser reports it, for the moments before AppInfo has arrived. */
export function browserLanguage(): Language {
  const langs = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  return langs.some((l) => /^zh\b/i.test(l ?? '')) ? 'zh-CN' : 'en';
}

/** The preference wins; otherwise follow the OS, as main reports it (it sees the real locale). */
export function resolveLanguage(pref: LanguagePref | undefined, systemLanguage?: Language): Language {
  if (pref === 'en' || pref === 'zh-CN') return pref;
  return systemLanguage ?? browserLanguage();
}

const CACHE_KEY = 'ferry.language';

/** The language used last time, so the splash isn't English for a Chinese UI (and vice versa). */
export function cachedLanguage(): Language {
  try {
    const value = localStorage.getItem(CACHE_KEY);
    if (value === 'en' || value === 'zh-CN') return value;
  } catch {
    // No storage: fall back to the browser's language.
  }
  return browserLanguage();
}

let initialized = false;

/** Synchronous: the resources are bundled, so the first render is already translated. */
export function initI18n(language: Language = cachedLanguage()): typeof i18next {
  if (!initialized) {
    initialized = true;
    void i18next.init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      lng: language,
      fallbackLng: 'en',
      supportedLngs: ['en', 'zh-CN'],
      // React escapes what it renders; escaping here too would show "&amp;" in titles.
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
  }
  setLanguage(language);
  return i18next;
}

export function setLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  // Screen readers pick their voice from lang, and CJK fonts follow it too.
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  try {
    localStorage.setItem(CACHE_KEY, language);
  } catch {
    // Only a cache.
  }
}

export { i18next };
