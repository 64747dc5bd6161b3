import type { ImportFormat } from '../../../shared/schemas';
import { deriveTitle } from '../storage/title';
import { conversationIdFor, messageIdFor } from './ids';
import type { ImportedConversation, PreparedAttachment } from './model';

/** Rows ready for the staging database, in the shapes of Ferry's own tables. */
export interface ConversationRowIn {
  id: string;
  title: string;
  title_is_auto: number;
  created_at: number;
  updated_at: number;
  connection_id: string | null;
  model: string | null;
  active_leaf_id: string;
  system_prompt: string | null;
  context_messages: number | null;
  temperature: number | null;
  top_p: number | null;
  max_tokens: number | null;
  pinned: number;
  assistant_id: string | null;
}

export interface MessageRowIn {
  id: string;
  conversation_id: string;
  parent_id: string | null;
  role: string;
  content: string;
  reasoning: string;
  status: string;
  error_json: string | null;
  model: string | null;
  created_at: number;
  updated_at: number;
  seq: number;
  reasoning_ms: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  usage_estimated: number | null;
}

/** A `message_attachments` row: the message's n-th file, by content address, with its name. */
export interface LinkRowIn {
  message_id: string;
  position: number;
  attachment_id: string;
  name: string;
}

export interface NormalizedConversation {
  conversation: ConversationRowIn;
  messages: MessageRowIn[];
  /** Issue 11's attachment links, and the files they name that this conversation brings. */
  links: LinkRowIn[];
  attachments: PreparedAttachment[];
  /** Files the source mentions but Ferry has no bytes of (not in the file, or unreadable): a placeholder line each. */
  missingAttachments: number;
  /** More than one leaf: regenerations or edits. */
  branched: boolean;
}

// Part of the message's text, like the rest of what the file said: the history keeps no UI language.
const placeholderLine = (name: string, unreadable: boolean) =>
  unreadable ? `📎 ${name} (could not be read as an image or a document)` : `📎 ${name} (not included in the imported file)`;

/**
 * Makes a tree Ferry can rely on out of whatever the file held: unique ids, parents that exist,
 * no cycles (a node in a loop becomes a root), and creation times that grow from parent to child
 * (Ferry's "newest" is creation order), keeping the source's times where they make sense.
 */
export function normalizeConversation(format: ImportFormat, input: ImportedConversation, now: number): NormalizedConversation {
  const keepIds = format === 'ferry';
  const conversationId = keepIds ? input.sourceId : conversationIdFor(format, input.sourceId);
  const idOf = (sourceId: string) => (keepIds ? sourceId : messageIdFor(format, input.sourceId, sourceId));

  const bySource = new Map<string, (typeof input.messages)[number]>();
  for (const m of input.messages) if (!bySource.has(m.sourceId)) bySource.set(m.sourceId, m);
  const children = new Map<string | null, string[]>();
  for (const m of bySource.values()) {
    const parent = m.parentSourceId !== null && bySource.has(m.parentSourceId) && m.parentSourceId !== m.sourceId ? m.parentSourceId : null;
    const list = children.get(parent);
    if (list) list.push(m.sourceId);
    else children.set(parent, [m.sourceId]);
  }

  const firstTime = input.messages.find((m) => m.createdAt !== null)?.createdAt;
  const base = input.createdAt ?? firstTime ?? now;
  const order: string[] = [];
  const parentOf = new Map<string, string | null>();
  const timeOf = new Map<string, number>();
  const visit = (roots: string[], parent: string | null) => {
    const queue: { id: string; parent: string | null }[] = roots.map((id) => ({ id, parent }));
    for (let i = 0; i < queue.length; i++) {
      const { id, parent: p } = queue[i]!;
      if (timeOf.has(id)) continue;
      const source = bySource.get(id)!;
      const floor = p === null ? -Infinity : timeOf.get(p)! + 1;
      timeOf.set(id, Math.max(source.createdAt ?? (p === null ? base : floor), floor));
      parentOf.set(id, p);
      order.push(id);
      for (const child of children.get(id) ?? []) queue.push({ id: child, parent: id });
    }
  };
  visit(children.get(null) ?? [], null);
  // Whatever was not reached sits in a cycle: cut it open at its first node.
  for (const id of bySource.keys()) if (!timeOf.has(id)) visit([id], null);

  const messages: MessageRowIn[] = [];
  const links: LinkRowIn[] = [];
  const attachments: PreparedAttachment[] = [];
  let missingAttachments = 0;
  order.forEach((sourceId, index) => {
    const m = bySource.get(sourceId)!;
    const id = idOf(sourceId);
    const createdAt = timeOf.get(sourceId)!;
    // What Ferry can keep becomes an attachment of the message (shown, sent upstream, collected like
    // one added in Ferry); what it cannot stays visible as a line of text.
    const lines: string[] = [];
    let position = 0;
    for (const a of m.attachments) {
      const attachmentId = a.prepared?.stored.id ?? a.storedId;
      if (attachmentId) {
        links.push({ message_id: id, position: position++, attachment_id: attachmentId, name: a.name.slice(0, 255) });
        if (a.prepared) attachments.push(a.prepared);
      } else {
        lines.push(placeholderLine(a.name, a.data !== null));
        missingAttachments++;
      }
    }
    const content = lines.length > 0 ? [m.content, ...lines].filter((s) => s.trim()).join('\n\n') : m.content;
    const extra = m.extra ?? {};
    messages.push({
      id,
      conversation_id: conversationId,
      parent_id: parentOf.get(sourceId) == null ? null : idOf(parentOf.get(sourceId)!),
      role: m.role,
      content,
      reasoning: m.reasoning,
      status: m.status,
      error_json: extra.errorJson ?? null,
      model: m.model,
      created_at: createdAt,
      updated_at: Math.max(extra.updatedAt ?? createdAt, createdAt),
      seq: index + 1,
      reasoning_ms: extra.reasoningMs ?? null,
      prompt_tokens: extra.promptTokens ?? null,
      completion_tokens: extra.completionTokens ?? null,
      usage_estimated: extra.usageEstimated == null ? null : extra.usageEstimated ? 1 : 0,
    });
  });

  const createdAt = messages.reduce((min, m) => Math.min(min, m.created_at), Infinity);
  const newest = messages.reduce((a, b) => (b.created_at > a.created_at ? b : a));
  const leafIds = new Set(messages.map((m) => m.id));
  for (const m of messages) if (m.parent_id) leafIds.delete(m.parent_id);
  const active = input.activeLeafSourceId !== null && bySource.has(input.activeLeafSourceId) ? idOf(input.activeLeafSourceId) : newest.id;
  const firstUser = messages.find((m) => m.role === 'user');
  const title = input.title || (firstUser ? deriveTitle(firstUser.content) : '');
  const extra = input.extra ?? {};
  return {
    conversation: {
      id: conversationId,
      title,
      title_is_auto: (extra.titleIsAuto ?? !input.title) ? 1 : 0,
      created_at: createdAt,
      updated_at: Math.max(input.updatedAt ?? 0, newest.created_at),
      connection_id: extra.connectionId ?? null,
      model: input.model,
      active_leaf_id: active,
      system_prompt: input.systemPrompt,
      context_messages: extra.contextMessages ?? null,
      temperature: extra.temperature ?? null,
      top_p: extra.topP ?? null,
      max_tokens: extra.maxTokens ?? null,
      pinned: input.pinned ? 1 : 0,
      assistant_id: extra.assistantId ?? null,
    },
    messages,
    links,
    attachments,
    missingAttachments,
    branched: leafIds.size > 1,
  };
}
