/** Only web links leave the app: no javascript:, file:, data:, custom schemes or relative paths. */
export function isHttpUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** react-markdown's URL hook: anything that isn't http(s) becomes empty and renders as plain text. */
export function httpOnlyUrlTransform(url: string): string {
  return isHttpUrl(url) ? url : '';
}
