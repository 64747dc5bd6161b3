import { limitContext } from '../../../shared/message-tree';
import type { ConversationSettings, Message } from '../../../shared/schemas';
import type { ChatTurn } from '../upstream/types';

export interface TurnOptions {
  settings: Pick<ConversationSettings, 'systemPrompt' | 'contextMessages'>;
  /** Send earlier answers' reasoning back, wrapped in <think>…</think> before the answer. */
  sendReasoning: boolean;
}

/**
 * What is sent upstream for the next answer: the active path (root first) minus failed attempts
 * and empty placeholders, cut to the conversation's "messages of context", after its system
 * prompt. A stopped or interrupted answer is kept: it is what the user saw.
 */
export function buildTurns(path: readonly Message[], { settings, sendReasoning }: TurnOptions): ChatTurn[] {
  const usable = path.filter((m) => m.status !== 'error' && m.status !== 'streaming' && m.content.trim() !== '');
  const turns: ChatTurn[] = limitContext(usable, settings.contextMessages).map((m) => ({
    role: m.role,
    content: sendReasoning && m.role === 'assistant' && m.reasoning ? `<think>${m.reasoning}</think>\n\n${m.content}` : m.content,
  }));
  const system = settings.systemPrompt?.trim();
  return system ? [{ role: 'system', content: system }, ...turns] : turns;
}

/** Sampling parameters of the conversation; unset ones are not sent. */
export function requestParams(settings: ConversationSettings): { temperature?: number; top_p?: number; max_tokens?: number } {
  return {
    ...(settings.temperature !== null ? { temperature: settings.temperature } : {}),
    ...(settings.topP !== null ? { top_p: settings.topP } : {}),
    ...(settings.maxTokens !== null ? { max_tokens: settings.maxTokens } : {}),
  };
}
