import { create } from 'zustand';

/**
 * A message someone asked to see (a search hit, a #/c/<id>/m/<messageId> address). The message list
 * is virtual, so the message may not be in the DOM: the list scrolls its virtualizer to it once the
 * message is loaded, then the asker finds the element and highlights it.
 */
export const useRevealStore = create<{ target: string | null }>()(() => ({ target: null }));

export function requestReveal(messageId: string): void {
  useRevealStore.setState({ target: messageId });
}

export function clearReveal(messageId: string): void {
  if (useRevealStore.getState().target === messageId) useRevealStore.setState({ target: null });
}
