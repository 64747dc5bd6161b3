import type { ConnectionOffer } from '../../../../shared/schemas';
import {
  asArray,
  asNumber,
  asObject,
  asRole,
  asText,
  clampText,
  LIMITS,
  toEpochMs,
  type ImportedAssistant,
  type ImportedAttachment,
  type ImportedConversation,
  type ImportedMessage,
  countSkip,
  type SkipCounts,
} from '../model';
import { countSecrets } from './shared';

/**
 * Chatbox's "Export data" file (`chatbox-exported-data-<date>.json`), as written by Chatbox's
 * settings page: per-session keys `session:<id>` (newer) or one `chat-sessions` array (older),
 * `chat-sessions-list` (names, stars), `myCopilots` and `settings` (API keys only when the user
 * ticked "API KEY & License": counted, never imported). A session's current messages are the
 * main branch; `messageForksHash[id].lists` hold the other branches after message `id`; each
 * of `threads` (earlier topics of the session) becomes a conversation of its own.
 */

function convertMessage(raw: unknown, skips: SkipCounts): ImportedMessage | null {
  const m = asObject(raw);
  const id = m ? asText(m.id) : '';
  if (!m || !id) {
    countSkip(skips, 'invalid_item');
    return null;
  }
  const role = asRole(m.role, { tool: 'assistant' });
  if (!role) {
    countSkip(skips, 'invalid_item');
    return null;
  }
  const texts: string[] = [];
  const reasoning: string[] = [];
  const attachments: ImportedAttachment[] = [];
  const parts = asArray(m.contentParts);
  for (const rawPart of parts) {
    const part = asObject(rawPart);
    if (!part) continue;
    if (part.type === 'text') texts.push(asText(part.text));
    else if (part.type === 'reasoning') reasoning.push(asText(part.text));
    else if (part.type === 'image') attachments.push({ name: asText(part.storageKey) || 'image', mime: null, data: null });
    else if (part.type === 'tool-call') texts.push(`[${asText(part.toolName) || 'tool'}]`);
  }
  if (parts.length === 0 && typeof m.content === 'string') texts.push(m.content);
  for (const file of asArray(m.files)) {
    const f = asObject(file);
    if (f) attachments.push({ name: asText(f.name) || 'file', mime: asText(f.fileType) || null, data: null });
  }
  if (typeof m.reasoningContent === 'string') reasoning.push(m.reasoningContent);
  const error = asText(m.error);
  let text = texts.filter(Boolean).join('\n\n');
  if (error) text = text ? `${text}\n\n> ${error}` : `> ${error}`;
  if (!text.trim() && attachments.length === 0) {
    countSkip(skips, 'incomplete_message');
    return null;
  }
  return {
    sourceId: id,
    parentSourceId: null,
    role,
    content: clampText(text, LIMITS.content),
    reasoning: clampText(reasoning.filter(Boolean).join('\n\n'), LIMITS.content),
    model: role === 'assistant' ? clampText(asText(m.model), LIMITS.model) || null : null,
    createdAt: toEpochMs(m.timestamp),
    status: error ? 'error' : 'done',
    attachments,
  };
}

/** Main list plus every fork list, chained, iteratively (forks can nest). Returns the main leaf. */
function buildTree(main: unknown[], forks: Record<string, unknown> | null, skips: SkipCounts): { messages: ImportedMessage[]; leaf: string | null } {
  const messages: ImportedMessage[] = [];
  const seen = new Set<string>();
  let leaf: string | null = null;
  const work: { list: unknown[]; parent: string | null; main: boolean }[] = [{ list: main, parent: null, main: true }];
  while (work.length > 0 && messages.length < LIMITS.messagesPerConversation) {
    const { list, parent, main: isMain } = work.pop()!;
    let previous = parent;
    for (const raw of list) {
      const message = convertMessage(raw, skips);
      if (!message || seen.has(message.sourceId)) continue;
      seen.add(message.sourceId);
      messages.push({ ...message, parentSourceId: previous });
      previous = message.sourceId;
      if (isMain) leaf = message.sourceId;
      const fork = asObject(forks?.[message.sourceId]);
      if (!fork) continue;
      const position = asNumber(fork.position);
      asArray(fork.lists).forEach((rawList, i) => {
        const branch = asArray(asObject(rawList)?.messages);
        if (i !== position && branch.length > 0) work.push({ list: branch, parent: message.sourceId, main: false });
      });
    }
  }
  return { messages, leaf };
}

export function convertChatboxSession(raw: unknown, meta: Record<string, unknown> | null): { conversations: ImportedConversation[]; skipped: SkipCounts } {
  const skipped: SkipCounts = {};
  const session = asObject(raw);
  const id = session ? asText(session.id) : '';
  if (!session || !id) return { conversations: [], skipped: { invalid_item: 1 } };
  if (session.type === 'picture') return { conversations: [], skipped: { unsupported_session: 1 } };
  const forks = asObject(session.messageForksHash);
  const settings = asObject(session.settings);
  const model = clampText(asText(settings?.modelId) || asText(settings?.model), LIMITS.model) || null;
  const name = clampText((asText(session.name) || asText(meta?.name)).trim(), LIMITS.title);
  const pinned = session.starred === true || meta?.starred === true;

  const conversations: ImportedConversation[] = [];
  const make = (sourceId: string, title: string, list: unknown[], fallbackTime: number | null) => {
    const { messages, leaf } = buildTree(list, forks, skipped);
    if (messages.length === 0) {
      countSkip(skipped, 'empty_conversation');
      return;
    }
    const times = messages.map((m) => m.createdAt).filter((t): t is number => t !== null);
    conversations.push({
      sourceId,
      title,
      createdAt: times.length ? Math.min(...times) : fallbackTime,
      updatedAt: times.length ? Math.max(...times) : fallbackTime,
      model,
      activeLeafSourceId: leaf,
      systemPrompt: null,
      pinned,
      messages,
    });
  };
  make(id, asText(session.threadName) ? `${name} · ${asText(session.threadName)}`.slice(0, LIMITS.title) : name, asArray(session.messages), null);
  for (const rawThread of asArray(session.threads)) {
    const thread = asObject(rawThread);
    const threadId = thread ? asText(thread.id) : '';
    if (!thread || !threadId) {
      countSkip(skipped, 'invalid_item');
      continue;
    }
    const threadName = asText(thread.name);
    make(`${id}#${threadId}`, clampText(threadName ? `${name} · ${threadName}` : name, LIMITS.title), asArray(thread.messages), toEpochMs(thread.createdAt));
  }
  return { conversations, skipped };
}

export function convertChatboxCopilot(raw: unknown): ImportedAssistant | null {
  const copilot = asObject(raw);
  const id = copilot ? asText(copilot.id) : '';
  const name = copilot ? asText(copilot.name).trim() : '';
  if (!copilot || !id || !name) return null;
  return {
    sourceId: id,
    name: clampText(name, LIMITS.title),
    avatar: asText(copilot.picUrl) || null,
    systemPrompt: clampText(asText(copilot.prompt), LIMITS.content),
    model: null,
    params: {},
  };
}

/** Providers with a key in `settings` (only when the user exported keys): counted and offered. */
export function chatboxSettingsSecrets(raw: unknown): { secrets: number; offers: ConnectionOffer[] } {
  const settings = asObject(raw);
  if (!settings) return { secrets: 0, offers: [] };
  const secrets = countSecrets(settings);
  const offers: ConnectionOffer[] = [];
  for (const [providerId, rawProvider] of Object.entries(asObject(settings.providers) ?? {})) {
    const provider = asObject(rawProvider);
    if (countSecrets(provider) === 0) continue;
    offers.push({ kind: 'provider', name: providerId.slice(0, 100), baseUrl: clampText(asText(provider?.apiHost), 2048), model: '' });
  }
  if (asText(settings.openaiKey).trim()) offers.push({ kind: 'openai', name: 'OpenAI', baseUrl: clampText(asText(settings.apiHost), 2048), model: '' });
  return { secrets, offers };
}
