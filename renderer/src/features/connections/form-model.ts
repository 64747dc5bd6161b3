import { deriveNextChat, nextChatServerOf, presetById, PRESETS } from '../../../../shared/presets';
import type { ConnectionView, PresetId, ProxyConfig } from '../../../../shared/schemas';

/** What the proxy select offers: the app default, or one of the modes. */
export type ProxyChoice = 'default' | ProxyConfig['mode'];

export interface ProxyFields {
  choice: ProxyChoice;
  url: string;
  username: string;
  password: string;
  bypassLocal: boolean;
}

/** Everything the connection form holds; the key and passwords only until Save sends them once. */
export interface FormFields {
  name: string;
  preset: PresetId;
  baseUrl: string;
  asTyped: boolean;
  server: string;
  code: string;
  key: string;
  sessionOnly: boolean;
  model: string;
  headers: string;
  proxy: ProxyFields;
}

export const proxyFieldsOf = (proxy: ProxyConfig | null, allowDefault: boolean): ProxyFields => ({
  choice: proxy ? proxy.mode : allowDefault ? 'default' : 'system',
  url: proxy?.url ?? '',
  username: proxy?.username ?? '',
  password: '',
  bypassLocal: proxy?.bypassLocal ?? true,
});

export const proxyConfigOf = (fields: ProxyFields): ProxyConfig | null =>
  fields.choice === 'default'
    ? null
    : { mode: fields.choice, url: fields.url.trim(), username: fields.username.trim(), bypassLocal: fields.bypassLocal };

export function initialFields(connection: ConnectionView | null, defaultName: string): FormFields {
  const preset = connection?.preset ?? 'custom';
  return {
    name: connection?.name ?? defaultName,
    preset,
    baseUrl: connection?.baseUrl ?? '',
    asTyped: connection?.asTyped ?? false,
    server: preset === 'nextchat' && connection ? nextChatServerOf(connection.baseUrl) : '',
    code: '',
    key: '',
    sessionOnly: false,
    model: connection?.model ?? '',
    headers: Object.entries(connection?.headers ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
    proxy: proxyFieldsOf(connection?.proxy ?? null, true),
  };
}

/** Picking a preset fills what the user has not typed themselves (or typed from another preset). */
export function applyPreset(fields: FormFields, id: PresetId): FormFields {
  const preset = presetById(id);
  const fromPreset = (value: string, pick: (p: (typeof PRESETS)[number]) => string) =>
    !value.trim() || PRESETS.some((p) => pick(p) === value);
  return {
    ...fields,
    preset: id,
    baseUrl: preset.baseUrl && fromPreset(fields.baseUrl, (p) => p.baseUrl) ? preset.baseUrl : fields.baseUrl,
    model: preset.model && fromPreset(fields.model, (p) => p.model) ? preset.model : fields.model,
    asTyped: false,
  };
}

/** The base URL and the key to save: a NextChat relay derives both from server + access code. */
export function effectiveInput(fields: FormFields): { baseUrl: string; key: string; asTyped: boolean } {
  if (fields.preset === 'nextchat') {
    const derived = deriveNextChat(fields.server, fields.code);
    return { baseUrl: derived.baseUrl, key: derived.key, asTyped: false };
  }
  return { baseUrl: fields.baseUrl.trim(), key: fields.key.trim(), asTyped: fields.asTyped };
}

const FORBIDDEN = /^(authorization|host|cookie|content-length|content-type|connection|transfer-encoding)$/i;

/** `Name: value` lines → headers; the 1-based number of the first bad line otherwise. */
export function parseHeaders(text: string): { ok: true; headers: Record<string, string> } | { ok: false; line: number } {
  const headers: Record<string, string> = {};
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    const name = match?.[1];
    if (!match || !name || FORBIDDEN.test(name)) return { ok: false, line: index + 1 };
    headers[name] = match[2] ?? '';
  }
  return { ok: true, headers };
}

/** Whether the model field holds nothing the user chose: empty, or a preset's suggestion. */
export const modelIsPlaceholder = (model: string) => !model.trim() || PRESETS.some((p) => p.model === model.trim());

/** What Save would write, to tell whether the form differs from the saved connection. */
export function formSignature(fields: FormFields): string {
  const { baseUrl, key, asTyped } = effectiveInput(fields);
  const { name, preset, model, headers, proxy } = fields;
  return JSON.stringify({ name: name.trim(), preset, baseUrl, asTyped, key, model: model.trim(), headers: headers.trim(), proxy });
}
