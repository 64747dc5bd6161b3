import { countTokens } from 'gpt-tokenizer';
import type { ChatTurn, ContentPart, TokenUsage } from './types';
import type { ReportedUsage } from './stream-reducer';

// OpenAI's chat format adds a few tokens per message (role, separators) and to prime the reply.
const PER_MESSAGE = 4;
const REPLY_PRIMER = 3;
// An image's size is not known here: a 1024 × 1024 image at high detail (OpenAI's tile formula).
const IMAGE_TOKENS = 765;

const turnTokens = (content: string | ContentPart[]): number =>
  typeof content === 'string'
    ? countTokens(content)
    : content.reduce((sum, part) => sum + (part.type === 'text' ? countTokens(part.text) : IMAGE_TOKENS), 0);

/**
 * The server's figures when it sent them; otherwise a local count with the o200k tokenizer,
 * marked `estimated` (exact for recent OpenAI models, close enough for a cost hint elsewhere).
 * Completion tokens count reasoning too: providers bill it as output.
 */
export function resolveUsage(
  reported: ReportedUsage | null,
  messages: readonly ChatTurn[],
  received: { content: string; reasoning: string },
): TokenUsage | null {
  if (reported) return { ...reported, estimated: false };
  try {
    const promptTokens = messages.reduce((sum, m) => sum + PER_MESSAGE + turnTokens(m.content), REPLY_PRIMER);
    const completionTokens = countTokens(received.reasoning) + countTokens(received.content);
    return { promptTokens, completionTokens, estimated: true };
  } catch {
    return null;
  }
}
