import { z } from 'zod';
import { AssistantFields, AttachmentId, AttachmentRef, PromptFields } from '../../../shared/schemas';

/**
 * Ferry's own backup file (`ferry-backup-<time>.json`), version 1. One JSON document, written and
 * read as a stream: `format` and `version` first, then settings, connections (never a key, an access
 * code, a proxy password or a secret-looking header value), assistants, prompts, every conversation
 * with its whole message tree, and last the attachments its messages name — each file once, as Ferry
 * stores it (its row and its bytes in base64).
 */
export const FERRY_BACKUP_FORMAT = 'ferry-backup';
export const FERRY_BACKUP_VERSION = 1;

/** A message's attachment: which stored file (by content address) under which name. */
export const BackupAttachmentLink = z.object({ id: AttachmentId, name: z.string().max(255) });

/** One stored attachment (issue 11's `attachments` row) and its bytes. */
export const BackupAttachment = AttachmentRef.omit({ name: true, chars: true }).extend({
  /** Documents: the extracted text sent as context. */
  text: z.string().nullable(),
  /** The stored file in base64; null when the data folder had lost it (the row alone is not imported). */
  data: z.string().nullable(),
});
export type BackupAttachment = z.infer<typeof BackupAttachment>;

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
  attachments: z.array(BackupAttachmentLink).default([]),
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
  /** The assistant it was started from (a built-in's id or one of `assistants`). */
  assistantId: z.string().max(128).nullable().default(null),
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

/** An assistant as the editor saves it, with its id and where it came from (e.g. 'nextchat'). */
export const BackupAssistant = AssistantFields.extend({
  id: z.string().min(1).max(128),
  source: z.string().max(40).nullable().default(null),
});
export type BackupAssistant = z.infer<typeof BackupAssistant>;

export const BackupPrompt = PromptFields.extend({ id: z.string().min(1).max(128) });
export type BackupPrompt = z.infer<typeof BackupPrompt>;
