/** English strings of the shortcut list and Settings › Shortcuts. */
const shortcutsEn = {
  listTitle: 'Keyboard shortcuts',
  listHint: 'Change them in Settings › Shortcuts.',
  openSettings: 'Change shortcuts…',
  settingsHint: 'Press Change, then the new keys. Ctrl (⌘ on a Mac) or Alt is needed, so typing and input methods are never taken over.',
  action: 'Action',
  keys: 'Keys',
  change: 'Change',
  changeAction: 'Change the shortcut for {{action}}',
  pressKeys: 'Press the new keys for {{action}}',
  pressKeysShort: 'Press keys…',
  reset: 'Reset',
  resetAction: 'Reset {{action}} to its default',
  actions: {
    newChat: 'New chat',
    search: 'Search all conversations',
    find: 'Find in this conversation',
    stop: 'Stop the answer',
    regenerate: 'Regenerate the last answer',
    focusComposer: 'Go to the message box',
    previousConversation: 'Previous conversation',
    nextConversation: 'Next conversation',
    toggleSidebar: 'Show or hide the sidebar',
    settings: 'Settings',
    shortcutList: 'This list of shortcuts',
    fontBigger: 'Bigger text',
    fontSmaller: 'Smaller text',
    fontReset: 'Default text size',
  },
  problems: {
    unreadable: 'Those keys can’t be used.',
    needsModifier: '{{keys}} alone would get in the way of typing: add Ctrl (⌘) or Alt.',
    reserved: '{{keys}} belongs to the system, the browser or the input method.',
    taken: '{{keys}} is already used for “{{other}}”.',
  },
};

export default shortcutsEn;
