import type { ConnectionOffer } from '../../../../shared/schemas';
import {
  asArray,
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
import { countSecrets, fromDataUrl } from './shared';

/**
 * Cherry Studio's JSON backup (`data.json`, alone or in the backup zip; `version` 2–5):
 * `localStorage['persist:cherry-studio']` is redux-persist state, each slice itself a JSON string
 * (`assistants` holds the topic names and the assistants; `llm` the providers and their keys),
 * `indexedDB.topics[]` the messages of each topic and `indexedDB.message_blocks[]` their content
 * (main text, thinking, code, images, files). Assistant messages answer the user message named
 * by `askId`: several answers to one question (regenerations, several models) are siblings.
 */

const parseJsonString = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
};

export interface CherryTopicMeta {
  name: string;
  createdAt: number | null;
  updatedAt: number | null;
  pinned: boolean;
  prompt: string | null;
  model: string | null;
}

export interface CherryState {
  topics: Map<string, CherryTopicMeta>;
  assistants: ImportedAssistant[];
  secrets: number;
  offers: ConnectionOffer[];
}

/** Reads the redux-persist blob of `localStorage`. */
export function readCherryLocalStorage(raw: unknown): CherryState {
  const state: CherryState = { topics: new Map(), assistants: [], secrets: 0, offers: [] };
  const persisted = asObject(parseJsonString(asObject(raw)?.['persist:cherry-studio']));
  if (!persisted) return state;
  const assistantsSlice = asObject(parseJsonString(persisted.assistants));
  const all = [...asArray(assistantsSlice?.assistants), assistantsSlice?.defaultAssistant];
  for (const rawAssistant of all) {
    const assistant = asObject(rawAssistant);
    if (!assistant) continue;
    const model = asText(asObject(assistant.model)?.id) || asText(asObject(assistant.defaultModel)?.id) || null;
    const prompt = asText(assistant.prompt);
    for (const rawTopic of asArray(assistant.topics)) {
      const topic = asObject(rawTopic);
      const id = topic ? asText(topic.id) : '';
      if (!topic || !id) continue;
      state.topics.set(id, {
        name: asText(topic.name),
        createdAt: toEpochMs(topic.createdAt),
        updatedAt: toEpochMs(topic.updatedAt),
        pinned: topic.pinned === true,
        prompt: prompt || null,
        model,
      });
    }
    const id = asText(assistant.id);
    const name = asText(assistant.name).trim();
    const settings = asObject(assistant.settings) ?? {};
    if (id && name && rawAssistant !== assistantsSlice?.defaultAssistant) {
      state.assistants.push({
        sourceId: id,
        name: clampText(name, LIMITS.title),
        avatar: asText(assistant.emoji) || null,
        systemPrompt: clampText(prompt, LIMITS.content),
        model: model ? clampText(model, LIMITS.model) : null,
        params: {
          temperature: typeof settings.temperature === 'number' ? settings.temperature : null,
          topP: typeof settings.topP === 'number' ? settings.topP : null,
          maxTokens: typeof settings.maxTokens === 'number' && settings.enableMaxTokens !== false ? settings.maxTokens : null,
          contextMessages: typeof settings.contextCount === 'number' ? settings.contextCount : null,
        },
      });
    }
  }
  const llm = asObject(parseJsonString(persisted.llm));
  for (const rawProvider of asArray(llm?.providers)) {
    const provider = asObject(rawProvider);
    const count = countSecrets(provider);
    if (!provider || count === 0) continue;
    state.secrets += count;
    state.offers.push({
      kind: 'provider',
      name: clampText(asText(provider.name) || asText(provider.id) || 'Provider', 100),
      baseUrl: clampText(asText(provider.apiHost), 2048),
      model: asText(asObject(asArray(provider.models)[0])?.id).slice(0, 200),
    });
  }
  return state;
}

/** Where a file block's bytes live in Cherry's backup zip. */
export const cherryFileEntry = (file: Record<string, unknown>): string => `Data/Files/${asText(file.id)}${asText(file.ext)}`;

function blocksToMessage(blocks: Record<string, unknown>[], legacyContent: string): { text: string; reasoning: string; attachments: ImportedAttachment[]; error: boolean } {
  const texts: string[] = [];
  const reasoning: string[] = [];
  const attachments: ImportedAttachment[] = [];
  let error = false;
  if (legacyContent) texts.push(legacyContent);
  for (const block of blocks) {
    const type = asText(block.type);
    const content = asText(block.content);
    if (type === 'main_text' || type === 'translation' || type === 'citation') {
      if (content) texts.push(content);
    } else if (type === 'thinking') reasoning.push(content);
    else if (type === 'code') texts.push(`\`\`\`${asText(block.language)}\n${content}\n\`\`\``);
    else if (type === 'error') {
      error = true;
      const message = asText(asObject(block.error)?.message) || content;
      if (message) texts.push(`> ${message}`);
    } else if (type === 'image' || type === 'file') {
      const file = asObject(block.file);
      const url = asText(block.url);
      const inline = url ? fromDataUrl(url, 'image') : null;
      if (inline) attachments.push(inline);
      else if (file) {
        attachments.push({ name: asText(file.origin_name) || asText(file.name) || 'file', mime: null, data: null, ref: cherryFileEntry(file) });
      } else attachments.push({ name: url.slice(0, 200) || type, mime: null, data: null });
    } else if (content) texts.push(content);
  }
  return { text: texts.join('\n\n'), reasoning: reasoning.filter(Boolean).join('\n\n'), attachments, error };
}

export function convertCherryTopic(
  raw: unknown,
  meta: CherryTopicMeta | undefined,
  blocksOf: (messageId: string) => Record<string, unknown>[],
): { conversation: ImportedConversation | null; skipped: SkipCounts } {
  const skipped: SkipCounts = {};
  const topic = asObject(raw);
  const id = topic ? asText(topic.id) : '';
  if (!topic || !id) return { conversation: null, skipped: { invalid_item: 1 } };
  const messages: ImportedMessage[] = [];
  const ids = new Set<string>();
  let lastUser: string | null = null;
  let lastAnswer: string | null = null;
  for (const rawMessage of asArray(topic.messages)) {
    const m = asObject(rawMessage);
    const messageId = m ? asText(m.id) : '';
    if (!m || !messageId || ids.has(messageId) || messages.length >= LIMITS.messagesPerConversation) {
      countSkip(skipped, 'invalid_item');
      continue;
    }
    const role = asRole(m.role);
    if (!role) {
      countSkip(skipped, 'invalid_item');
      continue;
    }
    const { text, reasoning, attachments, error } = blocksToMessage(blocksOf(messageId), asText(m.content));
    if (!text.trim() && attachments.length === 0) {
      countSkip(skipped, 'incomplete_message');
      continue;
    }
    const askId = asText(m.askId);
    const parent = role === 'assistant' ? (askId && ids.has(askId) ? askId : lastUser) : lastAnswer ?? lastUser;
    ids.add(messageId);
    messages.push({
      sourceId: messageId,
      parentSourceId: parent,
      role,
      content: clampText(text, LIMITS.content),
      reasoning: clampText(reasoning, LIMITS.content),
      model: role === 'assistant' ? clampText(asText(asObject(m.model)?.id) || asText(m.modelId), LIMITS.model) || null : null,
      createdAt: toEpochMs(m.createdAt),
      status: error || m.status === 'error' ? 'error' : 'done',
      attachments,
    });
    if (role === 'user') lastUser = messageId;
    else if (role === 'assistant') lastAnswer = messageId;
  }
  if (messages.length === 0) return { conversation: null, skipped: { ...skipped, empty_conversation: 1 } };
  const times = messages.map((m) => m.createdAt).filter((t): t is number => t !== null);
  return {
    conversation: {
      sourceId: id,
      title: clampText((meta?.name ?? asText(topic.name)).trim(), LIMITS.title),
      createdAt: meta?.createdAt ?? (times.length ? Math.min(...times) : null),
      updatedAt: meta?.updatedAt ?? (times.length ? Math.max(...times) : null),
      model: meta?.model ?? null,
      activeLeafSourceId: messages.at(-1)!.sourceId,
      systemPrompt: meta?.prompt ?? null,
      pinned: meta?.pinned ?? false,
      messages,
    },
    skipped,
  };
}
