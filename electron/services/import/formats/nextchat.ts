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
  type ImportedMessage,
  type ImportedPrompt,
  countSkip,
  type ConvertedConversation,
  type SkipCounts,
} from '../model';
import { countSecrets, openAiContent } from './shared';

/**
 * NextChat's backup (`Backup-<date>.json`): `chat-next-web-store.sessions[]` (each a linear list of
 * messages), `mask-store.masks` (reusable assistants) and `access-control` (the access code and
 * keys: never imported — counted and offered as a connection to set up again).
 */

/**
 * NextChat stores `date` as `new Date().toLocaleString()` in the browser's locale: "2024/3/5 14:02:11",
 * "3/5/2024, 2:02:11 PM", "2024/3/5 下午2:02:11". Reads the common shapes; null when unsure.
 */
export function parseLocaleDate(text: string): number | null {
  const direct = toEpochMs(text);
  if (direct !== null && /\d{4}-\d{2}-\d{2}T/.test(text)) return direct;
  const pm = /下午|晚上|PM|pm/.test(text);
  const am = /上午|凌晨|早上|AM|am/.test(text);
  const digits = text.match(/\d+/g)?.map(Number) ?? [];
  if (digits.length < 3) return direct;
  let year: number, month: number, day: number;
  if (digits[0]! > 999) [year, month, day] = [digits[0]!, digits[1]!, digits[2]!];
  else if (digits[2]! > 999) [month, day, year] = [digits[0]!, digits[1]!, digits[2]!];
  else return direct;
  const [rawHour = 0, minute = 0, second = 0] = digits.slice(3);
  let hour = rawHour;
  if (pm && hour < 12) hour += 12;
  if (am && hour === 12) hour = 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return direct;
  return toEpochMs(new Date(year, month - 1, day, hour, minute, second).getTime());
}

export function convertNextChatSession(raw: unknown): ConvertedConversation {
  const session = asObject(raw);
  const id = session ? asText(session.id) : '';
  if (!session || !id) return { conversation: null, skipped: { invalid_item: 1 } };
  const skipped: SkipCounts = {};
  const mask = asObject(session.mask);
  const maskModel = asText(asObject(mask?.modelConfig)?.model) || null;
  const systemPrompt = asArray(mask?.context)
    .map((m) => asObject(m))
    .filter((m) => m && m.role === 'system')
    .map((m) => openAiContent(m!.content, 'context').text)
    .filter(Boolean)
    .join('\n\n');

  const messages: ImportedMessage[] = [];
  let previous: string | null = null;
  asArray(session.messages).forEach((rawMessage, index) => {
    const message = asObject(rawMessage);
    if (!message || messages.length >= LIMITS.messagesPerConversation) {
      countSkip(skipped, 'invalid_item');
      return;
    }
    const role = asRole(message.role);
    if (!role) {
      countSkip(skipped, 'invalid_item');
      return;
    }
    const { text, attachments } = openAiContent(message.content, `image-${index + 1}`);
    if (!text.trim() && attachments.length === 0) {
      countSkip(skipped, 'incomplete_message');
      return;
    }
    const sourceId = asText(message.id) || `#${index}`;
    messages.push({
      sourceId,
      parentSourceId: previous,
      role,
      content: clampText(text, LIMITS.content),
      reasoning: '',
      model: role === 'assistant' ? clampText(asText(message.model) || maskModel || '', LIMITS.model) || null : null,
      createdAt: typeof message.date === 'string' ? parseLocaleDate(message.date) : toEpochMs(message.date),
      status: message.isError === true ? 'error' : 'done',
      attachments,
    });
    previous = sourceId;
  });
  if (messages.length === 0) return { conversation: null, skipped: { ...skipped, empty_conversation: 1 } };
  const lastUpdate = toEpochMs(asNumber(session.lastUpdate));
  return {
    conversation: {
      sourceId: id,
      title: clampText(asText(session.topic).trim(), LIMITS.title),
      createdAt: messages[0]!.createdAt ?? lastUpdate,
      updatedAt: lastUpdate,
      model: maskModel,
      activeLeafSourceId: previous,
      systemPrompt: systemPrompt || null,
      pinned: false,
      messages,
    },
    skipped,
  };
}

/** NextChat keeps a mask's avatar as the emoji's code points (`1f916`, `1f468-200d-1f4bb`), or a name like `gpt-bot`. */
function emojiOf(avatar: string): string | null {
  if (!/^[0-9a-f]{4,6}(-[0-9a-f]{4,6}){0,7}$/i.test(avatar)) return null;
  try {
    return String.fromCodePoint(...avatar.split('-').map((hex) => parseInt(hex, 16)));
  } catch {
    return null;
  }
}

export function convertNextChatMask(raw: unknown, key: string | number | undefined): ImportedAssistant | null {
  const mask = asObject(raw);
  if (!mask || mask.builtin === true) return null;
  const id = asText(mask.id) || asText(key);
  const name = asText(mask.name).trim();
  if (!id || !name) return null;
  const config = asObject(mask.modelConfig) ?? {};
  const systemPrompt = asArray(mask.context)
    .map((m) => asObject(m))
    .filter((m): m is Record<string, unknown> => !!m)
    .map((m) => openAiContent(m.content, 'context').text)
    .filter(Boolean)
    .join('\n\n');
  return {
    sourceId: id,
    name: clampText(name, LIMITS.title),
    avatar: emojiOf(asText(mask.avatar)),
    systemPrompt: clampText(systemPrompt, LIMITS.content),
    model: clampText(asText(config.model), LIMITS.model) || null,
    params: {
      temperature: asNumber(config.temperature),
      topP: asNumber(config.top_p),
      maxTokens: asNumber(config.max_tokens),
      contextMessages: asNumber(config.historyMessageCount),
      presencePenalty: asNumber(config.presence_penalty),
      frequencyPenalty: asNumber(config.frequency_penalty),
    },
  };
}

/** A prompt the user saved in NextChat (`prompt-store.prompts`: `{ id, isUser, title, content, createdAt }`). */
export function convertNextChatPrompt(raw: unknown, key: string | number | undefined): ImportedPrompt | null {
  const prompt = asObject(raw);
  if (!prompt) return null;
  const id = asText(prompt.id) || asText(key);
  const title = asText(prompt.title).trim();
  const body = asText(prompt.content);
  return id && title && body.trim() ? { sourceId: id, title, body } : null;
}

/** Secrets in `access-control` (counted, never read) and the connections they stand for. */
export function nextChatAccess(raw: unknown): { secrets: number; offers: ConnectionOffer[] } {
  const access = asObject(raw);
  if (!access) return { secrets: 0, offers: [] };
  const offers: ConnectionOffer[] = [];
  if (asText(access.accessCode).trim()) offers.push({ kind: 'nextchat', name: 'NextChat', baseUrl: '', model: '' });
  if (asText(access.openaiApiKey).trim()) {
    offers.push({ kind: 'openai', name: 'OpenAI', baseUrl: clampText(asText(access.openaiUrl), 2048), model: '' });
  }
  return { secrets: countSecrets(access), offers };
}
