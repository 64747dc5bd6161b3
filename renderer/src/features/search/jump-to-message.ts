import { openConversation, whenComplete } from '../../state/conversation-actions';
import { writeMessageHash } from '../../state/location-hash';
import { requestReveal } from '../chat/reveal-message';

const HIGHLIGHT_CLASS = 'search-target';
const HIGHLIGHT_MS = 2500;
const WAIT_MS = 5000;

const findMessage = (messageId: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(messageId)}"]`);

/** Resolves with the message's element once it is rendered (the conversation loads asynchronously). */
function waitForMessage(messageId: string): Promise<HTMLElement | null> {
  const found = findMessage(messageId);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const el = findMessage(messageId);
      if (!el) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(el);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, WAIT_MS);
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/** Scrolls a rendered message into view and highlights it for a moment. */
export async function highlightMessage(messageId: string): Promise<boolean> {
  // The message list is virtual: ask it to render the message's row first.
  requestReveal(messageId);
  const el = await waitForMessage(messageId);
  if (!el) return false;
  el.scrollIntoView({ block: 'center' });
  el.classList.add(HIGHLIGHT_CLASS);
  setTimeout(() => el.classList.remove(HIGHLIGHT_CLASS), HIGHLIGHT_MS);
  return true;
}

/** Opens the conversation of a search hit, points the address at the message, scrolls to it. */
export async function openSearchHit(conversationId: string, messageId: string): Promise<void> {
  await openConversation(conversationId);
  writeMessageHash(conversationId, messageId);
  // The hit may be anywhere in the conversation, not only in the end it opens with.
  await whenComplete().catch(() => {});
  await highlightMessage(messageId);
}
