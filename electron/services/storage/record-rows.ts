import type { MessageRole, MessageStatus } from '../../../shared/schemas';

/**
 * Whole rows of the history as plain records, every column, the stored error kept as its JSON
 * text: what a Ferry backup and a sync log carry. (rows.ts maps the subset the UI shows.)
 */
type Row = Record<string, unknown>;

export const CONVERSATION_RECORD_COLUMNS =
  'title, title_is_auto, created_at, updated_at, connection_id, model, active_leaf_id, system_prompt, context_messages, ' +
  'temperature, top_p, max_tokens, pinned, deleted_at';
export const MESSAGE_RECORD_COLUMNS =
  'conversation_id, parent_id, role, content, reasoning, status, error_json, model, created_at, updated_at, reasoning_ms, ' +
  'prompt_tokens, completion_tokens, usage_estimated';

const textOrNull = (value: unknown) => (value as string | null | undefined) ?? null;
const numberOrNull = (value: unknown) => (value as number | null | undefined) ?? null;

export function conversationRecord(c: Row) {
  return {
    title: String(c.title),
    titleIsAuto: c.title_is_auto === 1,
    createdAt: Number(c.created_at),
    updatedAt: Number(c.updated_at),
    connectionId: textOrNull(c.connection_id),
    model: textOrNull(c.model),
    activeLeafId: textOrNull(c.active_leaf_id),
    systemPrompt: textOrNull(c.system_prompt),
    contextMessages: numberOrNull(c.context_messages),
    temperature: numberOrNull(c.temperature),
    topP: numberOrNull(c.top_p),
    maxTokens: numberOrNull(c.max_tokens),
    pinned: c.pinned === 1,
    deletedAt: numberOrNull(c.deleted_at),
  };
}
export type ConversationRecord = ReturnType<typeof conversationRecord>;

export function messageRecord(m: Row) {
  return {
    conversationId: String(m.conversation_id),
    parentId: textOrNull(m.parent_id),
    // Only the storage layer writes these columns and newer databases are refused: always members.
    role: m.role as MessageRole,
    content: String(m.content),
    reasoning: String(m.reasoning ?? ''),
    status: m.status as MessageStatus,
    errorJson: textOrNull(m.error_json),
    model: textOrNull(m.model),
    createdAt: Number(m.created_at),
    updatedAt: Number(m.updated_at),
    reasoningMs: numberOrNull(m.reasoning_ms),
    promptTokens: numberOrNull(m.prompt_tokens),
    completionTokens: numberOrNull(m.completion_tokens),
    usageEstimated: m.usage_estimated === null || m.usage_estimated === undefined ? null : m.usage_estimated === 1,
  };
}
export type MessageRecord = ReturnType<typeof messageRecord>;
