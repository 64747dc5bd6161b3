import { create } from 'zustand';

/** Panels opened by shortcuts and buttons alike: search, find in conversation, the shortcut list. */
interface UiState {
  searchOpen: boolean;
  findOpen: boolean;
  shortcutListOpen: boolean;
  /** Bumped by "find" while the bar is open, so it selects its text again. */
  findFocusToken: number;
}

export const useUiStore = create<UiState>()(() => ({ searchOpen: false, findOpen: false, shortcutListOpen: false, findFocusToken: 0 }));

export const setSearchOpen = (searchOpen: boolean) => useUiStore.setState({ searchOpen });
export const setShortcutListOpen = (shortcutListOpen: boolean) => useUiStore.setState({ shortcutListOpen });
export const openFind = () => useUiStore.setState((s) => ({ findOpen: true, findFocusToken: s.findFocusToken + 1 }));
export const closeFind = () => useUiStore.setState({ findOpen: false });
