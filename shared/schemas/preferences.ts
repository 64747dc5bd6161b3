import { z } from 'zod';
import { Id, LanguagePref, ThemePref } from './common';
import { ConnectionConfig, DEFAULT_PROXY, ProxyConfig } from './connections';
import { BackupSettings, DEFAULT_BACKUP_SETTINGS } from './data';
import { DEFAULT_SYNC_SETTINGS, SyncSettings } from './sync';
import { ShortcutOverrides } from '../shortcuts';

/** Non-secret app preferences: one file shared by both hosts. */

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export const Currency = z.enum(['USD', 'CNY']);
export type Currency = z.infer<typeof Currency>;

/** Per-model settings, keyed by model name: price per 1M tokens and whether reasoning is sent back. */
export const ModelSetting = z.object({
  model: z.string().trim().min(1).max(200),
  inputPrice: z.number().min(0).nullable(),
  outputPrice: z.number().min(0).nullable(),
  currency: Currency,
  /** Send earlier answers' reasoning back upstream (as <think>…</think>); off by default. */
  sendReasoning: z.boolean(),
  /** Takes images: true, false (Ferry warns before sending images), null/absent = not known (sent; a refusal explains). */
  vision: z.boolean().nullable().optional(),
  /** Thinks before answering (its reasoning effort can be set). Null/absent = not known. */
  reasoning: z.boolean().nullable().optional(),
  /** Shown first in the model picker. */
  pinned: z.boolean().optional(),
  /** Defaults for a conversation with this model that sets none of its own. */
  defaults: z
    .object({
      temperature: z.number().min(0).max(2).nullable(),
      topP: z.number().min(0).max(1).nullable(),
      maxTokens: z.number().int().min(1).max(1_000_000).nullable(),
      reasoningEffort: z.enum(['minimal', 'low', 'medium', 'high']).nullable(),
    })
    .partial()
    .optional(),
});
export type ModelSetting = z.infer<typeof ModelSetting>;

/** App-wide upstream time limits, in milliseconds (issue 4.5). */
export const TimeoutSettings = z.object({
  /** TCP + TLS (and the proxy) until the request is sent. */
  connectMs: z.number().int().min(1_000).max(600_000),
  /** From the request sent to the first byte of the answer: reasoning models think long. */
  firstByteMs: z.number().int().min(1_000).max(3_600_000),
  /** Longest silence between two chunks once the answer has started. */
  idleMs: z.number().int().min(1_000).max(3_600_000),
});
export type TimeoutSettings = z.infer<typeof TimeoutSettings>;
export const DEFAULT_TIMEOUT_SETTINGS: TimeoutSettings = Object.freeze({ connectMs: 30_000, firstByteMs: 10 * 60_000, idleMs: 2 * 60_000 });

/** Size of message text in px (Ctrl/Cmd + and − change it); the rest of the UI keeps its size. */
export const FONT_SIZE = Object.freeze({ min: 12, max: 22, default: 15 });
export const FontSize = z.number().int().min(FONT_SIZE.min).max(FONT_SIZE.max);

/** Non-secret preferences, persisted by electron-store (Electron) or conf (browser host): one file, one schema. */
export const Preferences = z.object({
  language: LanguagePref.default('system'),
  theme: ThemePref.default('system'),
  window: WindowState.optional(),
  lastConnectionId: Id.nullable().default(null),
  connections: z.array(ConnectionConfig).default([]),
  /** The app's default proxy; a connection may override it. */
  proxy: ProxyConfig.default(DEFAULT_PROXY),
  modelSettings: z.array(ModelSetting).default([]),
  /** Connections whose upstream rejected `stream_options`: usage is not requested from them. */
  noStreamOptions: z.array(Id).default([]),
  timeouts: TimeoutSettings.default(DEFAULT_TIMEOUT_SETTINGS),
  /** Automatic local backups (issue 10). */
  backups: BackupSettings.default(DEFAULT_BACKUP_SETTINGS),
  /** WebDAV sync, off by default; the password and passphrase are in the keychain. */
  sync: SyncSettings.default(DEFAULT_SYNC_SETTINGS),
  fontSize: FontSize.default(FONT_SIZE.default),
  sidebarCollapsed: z.boolean().default(false),
  /** Only the shortcuts the user changed; the rest use DEFAULT_SHORTCUTS. */
  shortcuts: ShortcutOverrides.default({}),
});
export type Preferences = z.infer<typeof Preferences>;
