import { create } from 'zustand';
import { DEFAULT_CONVERSATION_SETTINGS, type ConversationSettings, type Message } from '../../../shared/schemas';
import type { PartAppends } from './delta-coalescer';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface ChatState {
  /** The conversation on screen; null for a new, not yet sent chat. */
  openId: string | null;
  /** Every message of the open conversation's tree; the view shows the active path. */
  messages: Message[];
  settings: ConversationSettings;
  load: LoadState;
  /**
   * Whether `messages` is the whole tree. Opening a long conversation loads the end of its active
   * path first (`earlier` path messages above it are still on their way); what needs the whole
   * tree (find, branch changes, totals) waits for it (conversation-actions.ts `whenComplete`).
   */
  complete: boolean;
  earlier: number;
  /** A first message of a new chat is on its way; its events may arrive before its id does. */
  sendingNew: boolean;
  open(id: string | null): void;
  setLoad(load: LoadState): void;
  setSendingNew(sendingNew: boolean): void;
  /**
   * Replaces the open conversation's messages, keeping streamed text the server hasn't stored yet.
   * With `partial`, they are the end of the active path only (a partial copy never replaces a whole one).
   */
  replaceMessages(conversationId: string, messages: Message[], partial?: { earlier: number }): void;
  upsertMessages(messages: Message[]): void;
  setSettings(conversationId: string, settings: ConversationSettings): void;
  /** Appends text to several messages in one store update (one render per frame while streaming). */
  appendContent(appends: ReadonlyMap<string, PartAppends>): void;
  /**
   * The link to main dropped: nothing more can arrive for a streaming answer, so it is shown as
   * interrupted (not "streaming" forever). On reconnect the stored copy decides: if main is still
   * streaming it, that copy is newer and takes over again.
   */
  markStreamingLost(): void;
}

/**
 * Picks between two copies of a message that arrived by different paths (events, send result,
 * refetch). A finished message never goes back to streaming, and since main stores streamed text
 * a little behind its deltas, a fetched copy that is a prefix of what we show doesn't replace it.
 */
function keepNewer(current: Message | undefined, incoming: Message): Message {
  if (!current || incoming.status !== 'streaming') return incoming;
  // A continued answer goes back to streaming: newer than the finished copy we have.
  if (current.status !== 'streaming') return incoming.updatedAt > current.updatedAt ? incoming : current;
  const ahead = (mine: string, theirs: string) => mine.length >= theirs.length && mine.startsWith(theirs);
  if (ahead(current.content, incoming.content) && ahead(current.reasoning ?? '', incoming.reasoning ?? '')) return current;
  return incoming;
}

/** The copy on screen when nothing a row shows changed: its row and cached text are kept as they are. */
function sameShown(current: Message | undefined, incoming: Message): boolean {
  return (
    current !== undefined &&
    current.updatedAt === incoming.updatedAt &&
    current.status === incoming.status &&
    current.parentId === incoming.parentId &&
    current.content === incoming.content &&
    current.reasoning === incoming.reasoning &&
    (current.attachments?.length ?? 0) === (incoming.attachments?.length ?? 0)
  );
}

export const useChatStore = create<ChatState>()((set) => ({
  openId: null,
  messages: [],
  settings: DEFAULT_CONVERSATION_SETTINGS,
  load: 'idle',
  complete: true,
  earlier: 0,
  sendingNew: false,
  open: (id) =>
    set({ openId: id, messages: [], settings: DEFAULT_CONVERSATION_SETTINGS, load: id ? 'loading' : 'idle', complete: id === null, earlier: 0 }),
  setSettings: (conversationId, settings) => set((s) => (s.openId === conversationId ? { settings } : s)),
  setLoad: (load) => set({ load }),
  setSendingNew: (sendingNew) => set({ sendingNew }),
  replaceMessages: (conversationId, messages, partial) =>
    set((s) => {
      if (s.openId !== conversationId) return s;
      if (partial && s.complete && s.load === 'ready') return s;
      const byId = new Map(s.messages.map((m) => [m.id, m]));
      return {
        messages: messages.map((m) => {
          const current = byId.get(m.id);
          return sameShown(current, m) ? current! : keepNewer(current, m);
        }),
        load: 'ready',
        complete: !partial,
        earlier: partial?.earlier ?? 0,
      };
    }),
  upsertMessages: (incoming) =>
    set((s) => {
      const mine = incoming.filter((m) => m.conversationId === s.openId);
      if (mine.length === 0) return s;
      const messages = [...s.messages];
      for (const m of mine) {
        const i = messages.findIndex((x) => x.id === m.id);
        if (i === -1) messages.push(m);
        else messages[i] = keepNewer(messages[i], m);
      }
      messages.sort((a, b) => a.createdAt - b.createdAt);
      return { messages };
    }),
  markStreamingLost: () =>
    set((s) =>
      s.messages.some((m) => m.status === 'streaming')
        ? { messages: s.messages.map((m) => (m.status === 'streaming' ? { ...m, status: 'interrupted' as const } : m)) }
        : s,
    ),
  appendContent: (appends) =>
    set((s) => ({
      // Untouched messages keep their identity, so their memoized rows skip rendering.
      messages: s.messages.map((m) => {
        const add = appends.get(m.id);
        if (!add) return m;
        return { ...m, content: m.content + (add.content ?? ''), reasoning: (m.reasoning ?? '') + (add.reasoning ?? '') };
      }),
    })),
}));

/**
 * The messages array as the thread structure sees it: a new array only when a message was added,
 * removed or re-parented (or the list was replaced in another order), not when streamed text was
 * appended. Streaming text changes `messages` ~20 times a second; building the thread (tree index,
 * active path, sibling positions) over 2,000 messages each time is wasted work, so MessageList
 * subscribes to this and each row reads its own live message (`selectMessageById`).
 * The returned messages may hold stale text: use them for structure only.
 */
export function selectStructure(state: Pick<ChatState, 'messages'>): readonly Message[] {
  const { messages } = state;
  if (messages === lastSeen) return lastStructure;
  lastSeen = messages;
  if (!sameStructure(lastStructure, messages)) lastStructure = messages;
  return lastStructure;
}

let lastSeen: readonly Message[] | null = null;
let lastStructure: readonly Message[] = [];

function sameStructure(a: readonly Message[], b: readonly Message[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.id !== y.id || x.parentId !== y.parentId || x.createdAt !== y.createdAt)) return false;
  }
  return true;
}

/** The live copy of one message; `hint` is where it usually sits in `messages` (O(1) while streaming). */
export function selectMessageById(state: { messages: readonly Message[] }, id: string, hint: number): Message | undefined {
  const at = state.messages[hint];
  return at?.id === id ? at : state.messages.find((m) => m.id === id);
}

/** The answer streaming in the open conversation, if any: what Stop and Esc act on. */
export function selectStreamingMessage(state: Pick<ChatState, 'messages'>): Message | undefined {
  return state.messages.findLast((m) => m.role === 'assistant' && m.status === 'streaming');
}
