import { limitContext } from '../../../shared/message-tree';
import type { ConversationSettings, Message } from '../../../shared/schemas';
import type { ChatTurn, ContentPart } from '../upstream/types';
import { effectiveParams } from '../models/effective-params';

export interface TurnOptions {
  settings: Pick<ConversationSettings, 'systemPrompt' | 'contextMessages'>;
  /** Send earlier answers' reasoning back, wrapped in <think>…</think> before the answer. */
  sendReasoning: boolean;
  /** User turns whose content is more than their text (attachments), by message id. */
  contents?: ReadonlyMap<string, string | ContentPart[]>;
}

/**
 * What is sent upstream for the next answer: the active path (root first) minus failed attempts
 * and empty placeholders, cut to the conversation's "messages of context", after its system
 * prompt. A stopped or interrupted answer is kept: it is what the user saw.
 */
export function buildTurns(path: readonly Message[], { settings, sendReasoning, contents }: TurnOptions): ChatTurn[] {
  const usable = path.filter((m) => m.status !== 'error' && m.status !== 'streaming' && (m.content.trim() !== '' || contents?.has(m.id)));
  const turns: ChatTurn[] = limitContext(usable, settings.contextMessages).map((m): ChatTurn => {
    const rich = m.role === 'user' ? contents?.get(m.id) : undefined;
    if (rich !== undefined) return { role: 'user', content: rich };
    return {
      role: m.role,
      content: sendReasoning && m.role === 'assistant' && m.reasoning ? `<think>${m.reasoning}</think>\n\n${m.content}` : m.content,
    };
  });
  const system = settings.systemPrompt?.trim();
  return system ? [{ role: 'system', content: system }, ...turns] : turns;
}

/** Sampling parameters of the conversation alone; unset ones are not sent. */
export const requestParams = (settings: ConversationSettings) => effectiveParams(settings, undefined);
