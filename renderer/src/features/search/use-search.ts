import { useEffect, useState } from 'react';
import { getApi } from '../../api';
import type { SearchResult } from '../../../../shared/schemas';

const DEBOUNCE_MS = 120;

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; text: string }
  | { status: 'done'; text: string; result: SearchResult }
  | { status: 'error'; text: string };

type Answer = { text: string; result: SearchResult | null };

/** Debounced `search.query`; a slower answer to an older query never replaces a newer one. */
export function useSearch(text: string): SearchState {
  const query = text.trim();
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (query.length === 0) return;
    let current = true;
    const timer = setTimeout(() => {
      getApi()
        .call('search.query', { text: query, limit: 30 })
        .then((result) => current && setAnswer({ text: query, result }))
        .catch(() => current && setAnswer({ text: query, result: null }));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  if (query.length === 0) return { status: 'idle' };
  if (answer?.text !== query) {
    // Keep showing the previous results while the next ones load: no flicker while typing.
    return answer?.result ? { status: 'done', text: answer.text, result: answer.result } : { status: 'loading', text: query };
  }
  return answer.result ? { status: 'done', text: query, result: answer.result } : { status: 'error', text: query };
}
