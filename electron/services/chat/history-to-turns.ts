import type { Message } from '../../../shared/schemas';
import type { ChatTurn } from '../upstream/types';

/**
 * What is sent upstream for the next answer: the conversation so far, minus failed attempts and
 * empty placeholders. A stopped or interrupted answer is kept: it is what the user saw.
 */
export function historyToTurns(messages: readonly Message[]): ChatTurn[] {
  return messages
    .filter((m) => m.status !== 'error' && m.status !== 'streaming' && m.content.trim() !== '')
    .map((m) => ({ role: m.role, content: m.content }));
}
