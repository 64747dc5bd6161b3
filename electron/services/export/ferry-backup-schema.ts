import { z } from 'zod';

/**
 * Ferry's own backup file (`ferry-backup-<time>.json`), version 1. One JSON document, written and
 * read as a stream: `format` and `version` first, then settings, connections (never a key, an access
 * code, a proxy password or a secret-looking header value), assistants and every conversation with
 * its whole message tree and attachments (base64).
 */
export const FERRY_BACKUP_FORMAT = 'ferry-backup';
export const FERRY_BACKUP_VERSION = 1;

export const BackupAttachment = z.object({
  name: z.string().max(500),
  mime: z.string().max(200).nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().max(64).nullable(),
  data: z.string().nullable(),
});

export const BackupMessage = z.object({
  id: z.string().min(1).max(128),
  parentId: z.string().max(128).nullable(),
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
  reasoning: z.string().default(''),
  status: z.enum(['done', 'streaming', 'stopped', 'interrupted', 'error']),
  error: z.string().nullable().default(null),
  model: z.string().max(200).nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  reasoningMs: z.number().int().nullable().default(null),
  promptTokens: z.number().int().nullable().default(null),
  completionTokens: z.number().int().nullable().default(null),
  usageEstimated: z.boolean().nullable().default(null),
  attachments: z.array(BackupAttachment).default([]),
});
export type BackupMessage = z.infer<typeof BackupMessage>;

export const BackupConversation = z.object({
  id: z.string().min(1).max(128),
  title: z.string(),
  titleIsAuto: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  connectionId: z.string().max(128).nullable(),
  model: z.string().max(200).nullable(),
  activeLeafId: z.string().max(128).nullable(),
  pinned: z.boolean(),
  settings: z.object({
    systemPrompt: z.string().nullable(),
    contextMessages: z.number().int().nullable(),
    temperature: z.number().nullable(),
    topP: z.number().nullable(),
    maxTokens: z.number().int().nullable(),
  }),
  messages: z.array(BackupMessage),
});
export type BackupConversation = z.infer<typeof BackupConversation>;

export const BackupConnection = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(100),
  baseUrl: z.string().max(2048),
  model: z.string().max(200),
  preset: z.string().max(40),
  asTyped: z.boolean(),
  headers: z.record(z.string(), z.string()),
  proxy: z.object({ mode: z.enum(['system', 'none', 'manual']), url: z.string(), username: z.string(), bypassLocal: z.boolean() }).nullable(),
  customModels: z.array(z.string()),
});
export type BackupConnection = z.infer<typeof BackupConnection>;

export const BackupAssistant = z.object({
  id: z.string().min(1).max(128),
  name: z.string(),
  avatar: z.string().nullable(),
  systemPrompt: z.string(),
  model: z.string().nullable(),
  params: z.record(z.string(), z.number().nullable()),
});
