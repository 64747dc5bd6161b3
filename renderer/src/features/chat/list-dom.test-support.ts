import type { Message } from '../../../../shared/schemas';

/**
 * What the virtual message list needs from a DOM that jsdom lacks, for tests that render it:
 * ResizeObserver (never fires: rows keep their estimated sizes) and scrollTo (a no-op).
 */
export function stubListDom(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollTo ??= function scrollTo() {};
}

/** Message `i` of a one-path conversation `c1` (even ones the user's, odd ones answers), text "Message i". */
export const chainMessage = (i: number, over: Partial<Message> = {}): Message => ({
  id: `m${i}`,
  conversationId: 'c1',
  parentId: i === 0 ? null : `m${i - 1}`,
  role: i % 2 === 0 ? 'user' : 'assistant',
  content: `Message ${i}`,
  status: 'done',
  error: null,
  model: null,
  createdAt: i,
  updatedAt: i,
  ...over,
});
