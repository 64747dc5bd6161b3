import type { UpdateErrorCode } from '../../../shared/schemas';
import { isUpdate, parseReleaseInfo, type ReleaseInfo } from './release-info';

export type CheckOutcome =
  | { kind: 'available'; info: ReleaseInfo }
  | { kind: 'up-to-date'; latest: string }
  | { kind: 'error'; code: UpdateErrorCode; message: string };

/** Release descriptions are a few kilobytes; anything far bigger is not one. */
const MAX_BYTES = 1_000_000;

/** Network failures as Node and Chromium report them, by what the user can do about them. */
function classifyFailure(error: unknown): { code: UpdateErrorCode; message: string } {
  const parts: string[] = [];
  for (let e: unknown = error, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    parts.push(`${(e as { code?: unknown }).code ?? ''} ${e instanceof Error ? e.message : String(e)}`);
  }
  const text = parts.join(' | ');
  if (/ERR_PROXY|proxy|407|SOCKS/i.test(text)) return { code: 'proxy', message: text.trim() };
  return { code: 'offline', message: text.trim() || 'the feed could not be reached' };
}

/**
 * One look at the feed, through `fetch` (the app's proxy setting decides which): is there a newer
 * version than `currentVersion`? Never throws; every failure comes back with a code the UI explains.
 */
export async function checkForUpdate(options: { fetch: typeof fetch; channelUrl: string; currentVersion: string; timeoutMs: number }): Promise<CheckOutcome> {
  let response: Response;
  try {
    response = await options.fetch(options.channelUrl, { signal: AbortSignal.timeout(options.timeoutMs), headers: { 'Cache-Control': 'no-cache', Accept: 'application/x-yaml, text/yaml, text/plain, */*' } });
  } catch (error) {
    return { kind: 'error', ...classifyFailure(error) };
  }
  if (response.status === 407) return { kind: 'error', code: 'proxy', message: 'the proxy asks for credentials (407)' };
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'error', code: 'http', message: `the feed answered ${response.status} ${response.statusText}`.trim() };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { kind: 'error', ...classifyFailure(error) };
  }
  if (text.length > MAX_BYTES) return { kind: 'error', code: 'malformed', message: `the release description is ${text.length} bytes: not one` };
  const parsed = parseReleaseInfo(text);
  if (!parsed.ok) return { kind: 'error', code: 'malformed', message: parsed.reason };
  return isUpdate(options.currentVersion, parsed.info.version) ? { kind: 'available', info: parsed.info } : { kind: 'up-to-date', latest: parsed.info.version };
}
