/**
 * The open conversation lives in the URL hash (#/c/<id>) so a reload of the browser host's page,
 * or a middle-click on a sidebar entry, lands on the same conversation.
 */
const PREFIX = '#/c/';

export function conversationHref(id: string): string {
  return PREFIX + encodeURIComponent(id);
}

export function conversationIdFromHash(hash: string = window.location.hash): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length)) || null;
  } catch {
    return null;
  }
}

export function writeConversationHash(id: string | null): void {
  const url = new URL(window.location.href);
  url.hash = id ? conversationHref(id) : '';
  // replaceState: switching chats shouldn't build a Back-button history the app doesn't use.
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}
