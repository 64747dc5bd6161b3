import { create } from 'zustand';

/** Panels opened by shortcuts and buttons alike: search, find in conversation, the shortcut list. */
interface UiState {
  searchOpen: boolean;
  /** What the search dialog starts with (the sidebar's filter text). */
  searchText: string;
  findOpen: boolean;
  shortcutListOpen: boolean;
  /** Bumped by "find" while the bar is open, so it selects its text again. */
  findFocusToken: number;
}

export const useUiStore = create<UiState>()(() => ({ searchOpen: false, searchText: '', findOpen: false, shortcutListOpen: false, findFocusToken: 0 }));

export const setSearchOpen = (searchOpen: boolean, searchText = '') => useUiStore.setState({ searchOpen, searchText });
export const setShortcutListOpen = (shortcutListOpen: boolean) => useUiStore.setState({ shortcutListOpen });
export const openFind = () => useUiStore.setState((s) => ({ findOpen: true, findFocusToken: s.findFocusToken + 1 }));
export const closeFind = () => useUiStore.setState({ findOpen: false });
