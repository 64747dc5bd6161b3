import { buildThread } from '../../../../shared/message-tree';
import type { ShortcutAction } from '../../../../shared/shortcuts';
import { useAppStore } from '../../state/app-store';
import { regenerateAnswer } from '../../state/branch-actions';
import { selectStreamingMessage, useChatStore } from '../../state/chat-store';
import { openConversation, startNewChat, stopMessage } from '../../state/conversation-actions';
import { useConversationsStore } from '../../state/conversations-store';
import { stepFontSize, toggleSidebar } from '../../state/settings-actions';
import { openFind, setSearchOpen, setShortcutListOpen, useUiStore } from '../../state/ui-store';

const focusComposer = () => {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-focus-fallback]')?.focus());
  return true;
};

/** Opens the conversation `by` places from the open one in the sidebar's order. */
function moveConversation(by: 1 | -1): boolean {
  const list = useConversationsStore.getState().list;
  if (list.length === 0) return false;
  const at = list.findIndex((c) => c.id === useChatStore.getState().openId);
  const next = at === -1 ? (by === 1 ? 0 : list.length - 1) : at + by;
  const target = list[next];
  if (!target) return false;
  void openConversation(target.id).then(() => focusComposer());
  return true;
}

/** Regenerates the answer at the end of the visible path, unless one is still streaming. */
function regenerateLast(): boolean {
  const { messages, openId } = useChatStore.getState();
  if (!openId || selectStreamingMessage(useChatStore.getState())) return false;
  const leaf = useConversationsStore.getState().list.find((c) => c.id === openId)?.activeLeafId;
  const last = buildThread(messages, leaf).path.at(-1);
  if (last?.role !== 'assistant') return false;
  void regenerateAnswer(last.id).catch(() => {});
  return true;
}

/**
 * What each shortcut does. Returns false when it does not apply right now (Esc with nothing
 * streaming, Find without an open conversation), so the key keeps its ordinary meaning.
 */
export const SHORTCUT_ACTIONS: Record<ShortcutAction, () => boolean> = {
  newChat: () => {
    startNewChat();
    return focusComposer();
  },
  search: () => (setSearchOpen(true), true),
  find: () => {
    if (!useChatStore.getState().openId) return false;
    openFind();
    return true;
  },
  stop: () => {
    const message = selectStreamingMessage(useChatStore.getState());
    if (!message) return false;
    void stopMessage(message.id).catch(() => {});
    return true;
  },
  regenerate: regenerateLast,
  focusComposer,
  previousConversation: () => moveConversation(-1),
  nextConversation: () => moveConversation(1),
  toggleSidebar: () => (void toggleSidebar().catch(() => {}), true),
  settings: () => (useAppStore.getState().openSettings(), true),
  shortcutList: () => (setShortcutListOpen(!useUiStore.getState().shortcutListOpen), true),
  fontBigger: () => (void stepFontSize(1).catch(() => {}), true),
  fontSmaller: () => (void stepFontSize(-1).catch(() => {}), true),
  fontReset: () => (void stepFontSize(0).catch(() => {}), true),
};
