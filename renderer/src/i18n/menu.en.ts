/** English words of the desktop app's menu bar (its menus and the standard items). */
const menuEn = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  conversation: 'Conversation',
  window: 'Window',
  about: 'About Ferry',
  services: 'Services',
  hide: 'Hide Ferry',
  hideOthers: 'Hide Others',
  showAll: 'Show All',
  quit: 'Quit Ferry',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  minimize: 'Minimize',
  zoom: 'Zoom',
  close: 'Close Window',
  front: 'Bring All to Front',
};

export default menuEn;
