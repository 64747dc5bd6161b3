import { useEffect, useState } from 'react';
import type { ConversationSummary } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { useConversationsStore } from '../../state/conversations-store';

const DEBOUNCE_MS = 100;
const MAX_MATCHES = 300;

/**
 * The conversations whose titles contain what is typed in the sidebar's filter. Asked of main, not
 * filtered from the loaded page: the sidebar holds only its first hundred. Null while no filter.
 */
export function useTitleFilter(text: string): ConversationSummary[] | null {
  const query = text.trim();
  const [answer, setAnswer] = useState<{ query: string; list: ConversationSummary[] } | null>(null);
  // A rename, a delete or a new message elsewhere changes what matches: ask again.
  const version = useConversationsStore((s) => s.list);
  useEffect(() => {
    if (!query) return;
    let current = true;
    const timer = setTimeout(() => {
      getApi()
        .call('conversations.findByTitle', { text: query, limit: MAX_MATCHES })
        .then((list) => current && setAnswer({ query, list }))
        .catch(() => current && setAnswer({ query, list: [] }));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, version]);
  if (!query) return null;
  const hidden = useConversationsStore.getState().hidden;
  // Until the first answer for this text arrives, keep the previous one: no flicker while typing.
  return (answer?.list ?? []).filter((c) => !hidden.has(c.id));
}
