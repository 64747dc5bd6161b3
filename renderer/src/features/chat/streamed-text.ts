import { useMemo, useSyncExternalStore } from 'react';
import type { Message } from '../../../../shared/schemas';
import { selectMessageById, useChatStore } from '../../state/chat-store';
import type { TextSource } from '../markdown/StreamingMarkdown';

/**
 * Streamed text reaches what shows it without re-rendering the message around it. The store's
 * message changes with every update (~30 a second); a row that re-rendered for each one cost a
 * React render of the whole message (measured: ~2 ms per update on the long answer, on a loaded
 * machine). Rows instead see a message whose identity changes only when something other than its
 * growing text does (see `liveMessage`), and the answer's Markdown and the reasoning read the text
 * through these subscriptions.
 */

type Part = 'content' | 'reasoning';
const textOf = (m: Message | undefined, part: Part) => (part === 'content' ? m?.content : m?.reasoning) ?? '';

/** The last message object handed out per id, reused while only its streamed text grows. */
const shown = new Map<string, Message>();

const onlyTextGrew = (a: Message, b: Message) => {
  if (a.status !== 'streaming' || b.status !== 'streaming') return false;
  for (const key of Object.keys(b) as (keyof Message)[]) {
    if (key === 'content' || key === 'reasoning' || key === 'updatedAt') continue;
    if (a[key] !== b[key]) return false;
  }
  // Whether there is any text decides what is shown (the waiting dots, the reasoning block).
  return (a.content === '') === (b.content === '') && !a.reasoning === !b.reasoning;
};

/** The message for its row: the same object while only its streamed text grows. */
export function liveMessage(state: { messages: readonly Message[] }, id: string, hint: number): Message | undefined {
  const current = selectMessageById(state, id, hint);
  if (!current) {
    shown.delete(id);
    return undefined;
  }
  // Only messages still streaming are remembered (a handful at a time).
  if (current.status !== 'streaming') {
    shown.delete(id);
    return current;
  }
  const before = shown.get(id);
  if (before && before !== current && onlyTextGrew(before, current)) return before;
  shown.set(id, current);
  return current;
}

/** A message's streamed text as something to subscribe to (for StreamingMarkdown). */
export function useStreamedText(id: string, hint: number, part: Part): TextSource {
  return useMemo<TextSource>(
    () => ({
      get: () => textOf(selectMessageById(useChatStore.getState(), id, hint), part),
      subscribe: (onChange) =>
        useChatStore.subscribe((state, previous) => {
          if (state.messages === previous.messages) return;
          const now = textOf(selectMessageById(state, id, hint), part);
          if (now !== textOf(selectMessageById(previous, id, hint), part)) onChange();
        }),
    }),
    [id, hint, part],
  );
}

/** The streamed text itself, re-rendering only the component that shows it (the reasoning). */
export function useStreamedTextValue(id: string, hint: number, part: Part): string {
  const source = useStreamedText(id, hint, part);
  return useSyncExternalStore(source.subscribe, source.get);
}
