import { z } from 'zod';
import { AssistantFields, PromptFields } from '../../../shared/schemas';

/**
 * What one device's log file holds: rows as they are now on that device, each with a Lamport
 * version (`v`) and the device (`d`) that wrote it. A record without `data` is a tombstone.
 * Replaying the same record twice, or an older one after a newer, changes nothing.
 */
const Text = z.string().max(5_000_000);
export const ConversationData = z.object({
  title: z.string().max(1000),
  titleIsAuto: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  connectionId: z.string().max(128).nullable(),
  model: z.string().max(200).nullable(),
  activeLeafId: z.string().max(128).nullable(),
  systemPrompt: Text.nullable(),
  contextMessages: z.number().int().nullable(),
  temperature: z.number().nullable(),
  topP: z.number().nullable(),
  maxTokens: z.number().int().nullable(),
  pinned: z.boolean(),
  deletedAt: z.number().nullable(),
  /** The assistant it was started from; absent in files of versions before assistants. */
  assistantId: z.string().max(128).nullable().default(null),
});
export const MessageData = z.object({
  conversationId: z.string().min(1).max(128),
  parentId: z.string().max(128).nullable(),
  role: z.enum(['system', 'user', 'assistant']),
  content: Text,
  reasoning: Text,
  status: z.enum(['done', 'stopped', 'interrupted', 'error']),
  errorJson: z.string().max(100_000).nullable(),
  model: z.string().max(200).nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  reasoningMs: z.number().int().nullable(),
  promptTokens: z.number().int().nullable(),
  completionTokens: z.number().int().nullable(),
  usageEstimated: z.boolean().nullable(),
});
export type MessageData = z.infer<typeof MessageData>;
/** An assistant as the editor saves it (its `connectionId` names a connection, which never syncs: it may be unknown there). */
export const AssistantData = AssistantFields.extend({ source: z.string().max(40).nullable() });
export const PromptData = PromptFields;
export type ConversationData = z.infer<typeof ConversationData>;
const Device = z.string().min(1).max(64);
/** Each field's version (see conversation-merge.ts); absent in files of versions before field merging. */
export const FieldVersions = z.partialRecord(ConversationData.keyof(), z.tuple([z.number().int().min(0), Device]));
export const AgreedConversation = z.object({ base: ConversationData, fv: FieldVersions });
const Meta = { id: z.string().min(1).max(128), v: z.number().int().min(1), d: Device };
export const SyncRecord = z.discriminatedUnion('k', [
  z.object({ k: z.literal('c'), ...Meta, data: ConversationData.optional(), fv: FieldVersions.optional() }),
  z.object({ k: z.literal('m'), ...Meta, data: MessageData.optional() }),
  z.object({ k: z.literal('a'), ...Meta, data: AssistantData.optional() }),
  z.object({ k: z.literal('p'), ...Meta, data: PromptData.optional() }),
]);
export type SyncKind = SyncRecord['k'];
export type SyncRecord = z.infer<typeof SyncRecord>;

export const LogFile = z.object({
  format: z.literal('ferry-sync-log'),
  version: z.literal(1),
  device: z.string().max(64),
  seq: z.number().int(),
  /** Which data folder wrote it (a hash of the computer's name and the folder's path): tells a copied folder from itself. */
  origin: z.string().max(64).optional(),
  records: z.array(SyncRecord).max(100_000),
});
export type LogFile = z.infer<typeof LogFile>;

export const KeyFile = z.object({
  format: z.literal('ferry-sync'),
  version: z.literal(1),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(1024).max(2 ** 20), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16), salt: z.string().max(100) }),
  check: z.string().max(1000),
});
export type KeyFile = z.infer<typeof KeyFile>;

export const logName = (seq: number) => `${String(seq).padStart(10, '0')}.fsl`;
export const LOG_NAME = /^(\d{10})\.fsl$/;
