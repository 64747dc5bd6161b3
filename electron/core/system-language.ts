import type { Language } from '../../shared/schemas';

/** Maps an OS locale (e.g. zh_CN.UTF-8, zh-Hans-CN, en-US) to a language Ferry ships. */
export function systemLanguage(locale: string | undefined): Language {
  return locale && /^zh\b|^zh[-_]/i.test(locale.trim()) ? 'zh-CN' : 'en';
}

/** The OS locale as Node sees it: the usual environment variables first, then ICU's default. */
export function nodeLocale(env: NodeJS.ProcessEnv = process.env): string {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
}
