import type { Message } from '../../../shared/schemas';
import type { ChatTurn } from '../upstream/types';
import { buildTurns } from './build-turns';

/**
 * A linear history as turns, with no conversation settings: minus failed attempts and empty
 * placeholders. A stopped or interrupted answer is kept: it is what the user saw.
 */
export function historyToTurns(messages: readonly Message[]): ChatTurn[] {
  return buildTurns(messages, { settings: { systemPrompt: null, contextMessages: null }, sendReasoning: false });
}
