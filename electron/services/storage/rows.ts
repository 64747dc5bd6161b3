import {
  UpstreamError,
  type ConversationSummary,
  type Message,
  type MessageRole,
  type MessageStatus,
} from '../../../shared/schemas';

/** Column lists are spelled out so rows carry exactly these keys (libsql also adds `_metadata`). */
export const CONVERSATION_COLUMNS = 'id, title, created_at, updated_at, connection_id, model, active_leaf_id';
export const MESSAGE_COLUMNS =
  'id, conversation_id, parent_id, role, content, status, error_json, model, created_at, updated_at, ' +
  'reasoning, reasoning_ms, prompt_tokens, completion_tokens, usage_estimated';

export interface ConversationRow {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
  connection_id: string | null;
  model: string | null;
  active_leaf_id: string | null;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  parent_id: string | null;
  // Only this module writes these columns, and databases from newer versions are refused,
  // so the stored values are always members of the enums.
  role: MessageRole;
  status: MessageStatus;
  content: string;
  error_json: string | null;
  model: string | null;
  created_at: number;
  updated_at: number;
  reasoning: string;
  reasoning_ms: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  usage_estimated: number | null;
}

export function toConversation(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    connectionId: row.connection_id,
    model: row.model,
    activeLeafId: row.active_leaf_id,
  };
}

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    parentId: row.parent_id,
    role: row.role,
    content: row.content,
    status: row.status,
    error: parseStoredError(row.error_json),
    model: row.model,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    reasoning: row.reasoning,
    reasoningMs: row.reasoning_ms,
    usage:
      row.prompt_tokens === null || row.completion_tokens === null
        ? null
        : { promptTokens: row.prompt_tokens, completionTokens: row.completion_tokens, estimated: row.usage_estimated === 1 },
  };
}

/**
 * A damaged error blob must not make a whole conversation unreadable: the message still
 * shows as failed, just without details.
 */
function parseStoredError(json: string | null): UpstreamError | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { code: 'unknown' };
  }
  const parsed = UpstreamError.safeParse(value);
  return parsed.success ? parsed.data : { code: 'unknown' };
}

export function serializeError(error: UpstreamError | null): string | null {
  // Parse before storing so unknown extra keys (possibly sensitive) never reach the disk.
  return error === null ? null : JSON.stringify(UpstreamError.parse(error));
}
