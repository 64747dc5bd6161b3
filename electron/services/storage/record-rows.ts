import type { AssistantFields, MessageRole, MessageStatus } from '../../../shared/schemas';

/**
 * Whole rows of the history as plain records, every column, the stored error kept as its JSON
 * text: what a Ferry backup and a sync log carry. (rows.ts maps the subset the UI shows.)
 */
type Row = Record<string, unknown>;

export const CONVERSATION_RECORD_COLUMNS =
  'title, title_is_auto, created_at, updated_at, connection_id, model, active_leaf_id, system_prompt, context_messages, ' +
  'temperature, top_p, max_tokens, pinned, deleted_at, assistant_id';
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
    assistantId: textOrNull(c.assistant_id),
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

export const ASSISTANT_RECORD_COLUMNS =
  'name, avatar, system_prompt, connection_id, model, temperature, top_p, max_tokens, reasoning_effort, context_messages, source';
export const PROMPT_RECORD_COLUMNS = 'title, body';

/** An assistant row as the editor's fields plus where it came from. */
export function assistantRecord(a: Row): AssistantFields & { source: string | null } {
  return {
    name: String(a.name),
    avatar: String(a.avatar ?? ''),
    systemPrompt: String(a.system_prompt ?? ''),
    connectionId: textOrNull(a.connection_id),
    model: textOrNull(a.model),
    temperature: numberOrNull(a.temperature),
    topP: numberOrNull(a.top_p),
    maxTokens: numberOrNull(a.max_tokens),
    reasoningEffort: textOrNull(a.reasoning_effort) as AssistantFields['reasoningEffort'],
    contextMessages: numberOrNull(a.context_messages),
    source: textOrNull(a.source),
  };
}
export type AssistantRecord = ReturnType<typeof assistantRecord>;

export const promptRecord = (p: Row) => ({ title: String(p.title), body: String(p.body) });
