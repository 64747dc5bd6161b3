import type { ConnectionConfig, Preferences } from '../../../shared/schemas';
import { isSecretField } from '../import/formats/shared';
import type { BackupConnection } from './ferry-backup-schema';

/** Header names that carry credentials: their values never leave the machine. */
const SECRET_HEADER = /(auth|key|token|secret|password|cookie|session|signature)/i;

/** A connection as it may appear in a backup: no key (that lives in the keychain anyway), no secret header value, no proxy password. */
export function exportableConnection(c: ConnectionConfig): BackupConnection {
  return {
    id: c.id,
    name: c.name,
    baseUrl: c.baseUrl,
    model: c.model,
    preset: c.preset,
    asTyped: c.asTyped,
    headers: Object.fromEntries(Object.entries(c.headers).map(([name, value]) => [name, SECRET_HEADER.test(name) ? '' : value])),
    proxy: c.proxy ? { mode: c.proxy.mode, url: stripCredentials(c.proxy.url), username: c.proxy.username, bypassLocal: c.proxy.bypassLocal } : null,
    customModels: c.customModels,
  };
}

const stripCredentials = (url: string): string => url.replace(/\/\/[^/@]*@/, '//');

/** Preferences worth restoring on another machine; nothing secret, nothing machine-bound (window, sync). */
export function exportableSettings(p: Preferences): Record<string, unknown> {
  const settings = {
    language: p.language,
    theme: p.theme,
    proxy: { ...p.proxy, url: stripCredentials(p.proxy.url) },
    timeouts: p.timeouts,
    modelSettings: p.modelSettings,
    backups: p.backups,
  };
  // Belt and braces: no field that looks like a secret, whatever a future preference is called.
  return JSON.parse(JSON.stringify(settings, (key, value: unknown) => (key && isSecretField(key) ? undefined : value))) as Record<string, unknown>;
}
