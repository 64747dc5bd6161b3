import type { Message } from '../../../shared/schemas';

/** An assistant answer of conversation c1 still streaming, as the store tests start from; `over` changes any field. */
export const streamingAnswer = (over: Partial<Message> = {}): Message => ({
  id: 'a1',
  conversationId: 'c1',
  parentId: 'u1',
  role: 'assistant',
  content: '',
  status: 'streaming',
  error: null,
  model: 'm',
  createdAt: 2,
  updatedAt: 2,
  ...over,
});
