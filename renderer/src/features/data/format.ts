/** Sizes, counts and dates in the UI's language. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number, language: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}

export const formatCount = (n: number, language: string): string => new Intl.NumberFormat(language).format(n);

export const formatDateTime = (ms: number, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));

export const formatDate = (ms: number, language: string): string => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(ms));
