/**
 * Only plain web links may leave the app, and only to the system browser: `file:`, `javascript:`,
 * custom schemes and anything malformed are refused (a `file://` link could run a local program).
 */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
