/**
 * The open conversation lives in the URL hash (#/c/<id>) so a reload of the browser host's page,
 * or a middle-click on a sidebar entry, lands on the same conversation.
 */
const PREFIX = '#/c/';

export function conversationHref(id: string): string {
  return PREFIX + encodeURIComponent(id);
}

/** `#/c/<id>/m/<messageId>` points at one message (a search result); ids are encoded, so `/` splits safely. */
const MESSAGE_PART = '/m/';

export function messageHref(conversationId: string, messageId: string): string {
  return conversationHref(conversationId) + MESSAGE_PART + encodeURIComponent(messageId);
}

export function conversationIdFromHash(hash: string = window.location.hash): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length).split('/')[0] ?? '') || null;
  } catch {
    return null;
  }
}

export function messageIdFromHash(hash: string = window.location.hash): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  const at = hash.indexOf(MESSAGE_PART, PREFIX.length);
  if (at < 0) return null;
  try {
    return decodeURIComponent(hash.slice(at + MESSAGE_PART.length).split('/')[0] ?? '') || null;
  } catch {
    return null;
  }
}

/** Points the address at a message of the open conversation (replaceState, like conversations). */
export function writeMessageHash(conversationId: string, messageId: string): void {
  const url = new URL(window.location.href);
  url.hash = messageHref(conversationId, messageId);
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

export function writeConversationHash(id: string | null): void {
  const url = new URL(window.location.href);
  url.hash = id ? conversationHref(id) : '';
  // replaceState: switching chats shouldn't build a Back-button history the app doesn't use.
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}
