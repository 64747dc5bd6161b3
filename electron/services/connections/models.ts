import type { ConnectionConfig } from '../../../shared/schemas';
import { FerryError } from '../../core/app-error';
import { modelIdsOf } from '../diagnostics/classify';
import { keyForRequest, resolveConnectionUrl } from './key-binding';
import type { KeyVault } from '../secrets/types';

/** GET <base>/models through the connection's own fetch (proxy, headers); the key only to its bound host. */
export async function fetchModelIds(connection: ConnectionConfig, vault: KeyVault, fetcher: typeof fetch): Promise<string[]> {
  const resolved = resolveConnectionUrl(connection);
  if (!resolved.ok) throw new FerryError('no_connection', 'The connection has no valid base URL');
  const key = await keyForRequest(connection, vault);
  let res: Response;
  try {
    res = await fetcher(`${resolved.baseUrl}/models`, {
      headers: key ? [['Authorization', `Bearer ${key}`]] : [],
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw new FerryError('internal', 'Could not fetch the model list', { reason: error instanceof Error ? error.message : String(error) });
  }
  const ids = modelIdsOf(await res.text());
  if (!res.ok || ids === null) throw new FerryError('internal', `The server did not return a model list (HTTP ${res.status})`, { status: res.status });
  return [...new Set(ids)].sort((a, b) => a.localeCompare(b)).slice(0, 5000);
}

/** What a NextChat relay tells about itself at /api/config. */
export async function readNextChatConfig(configUrl: string, fetcher: typeof fetch) {
  const fallback = { reachable: false, needCode: null, models: [] as string[], defaultModel: null };
  try {
    const res = await fetcher(configUrl, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    if (!res.ok) return fallback;
    const json = (await res.json()) as Record<string, unknown>;
    const custom = typeof json.customModels === 'string' ? json.customModels : '';
    // customModels: "+gpt-4o,-gpt-3.5,name=Display" — the added names, without display aliases.
    const models = custom
      .split(',')
      .map((m) => m.trim())
      .filter((m) => m && !m.startsWith('-') && m !== 'all')
      .map((m) => m.replace(/^\+/, '').replace(/=.*$/, '').replace(/@.*$/, ''))
      .filter(Boolean);
    return {
      reachable: true,
      needCode: typeof json.needCode === 'boolean' ? json.needCode : null,
      models,
      defaultModel: typeof json.defaultModel === 'string' && json.defaultModel ? json.defaultModel : null,
    };
  } catch {
    return fallback;
  }
}
