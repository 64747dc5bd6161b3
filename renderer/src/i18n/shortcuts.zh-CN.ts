import type shortcutsEn from './shortcuts.en';
import type { DeepStringRecord } from './types';

/** 快捷键列表与“设置 › 快捷键”的简体中文文案。 */
const shortcutsZh: DeepStringRecord<typeof shortcutsEn> = {
  listTitle: '键盘快捷键',
  listHint: '可在“设置 › 快捷键”中修改。',
  openSettings: '修改快捷键…',
  settingsHint: '点击“修改”，再按下新的组合键。组合键须包含 Ctrl（Mac 上为 ⌘）或 Alt，以免干扰打字和输入法。',
  action: '操作',
  keys: '快捷键',
  change: '修改',
  changeAction: '修改“{{action}}”的快捷键',
  pressKeys: '请按下“{{action}}”的新快捷键',
  pressKeysShort: '请按键…',
  reset: '恢复默认',
  resetAction: '将“{{action}}”恢复为默认快捷键',
  actions: {
    newChat: '新对话',
    search: '搜索所有对话',
    find: '在当前对话中查找',
    stop: '停止生成',
    regenerate: '重新生成最后一条回答',
    focusComposer: '跳到输入框',
    previousConversation: '上一个对话',
    nextConversation: '下一个对话',
    toggleSidebar: '显示或隐藏侧边栏',
    settings: '设置',
    shortcutList: '快捷键列表',
    fontBigger: '放大文字',
    fontSmaller: '缩小文字',
    fontReset: '恢复默认字号',
  },
  problems: {
    unreadable: '无法使用这组按键。',
    needsModifier: '单独使用 {{keys}} 会干扰打字，请加上 Ctrl（⌘）或 Alt。',
    reserved: '{{keys}} 已被系统、浏览器或输入法占用。',
    taken: '{{keys}} 已用于“{{other}}”。',
  },
};

export default shortcutsZh;
