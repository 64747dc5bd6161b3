import type menuEn from './menu.en';
import type { DeepStringRecord } from './types';

/** 桌面版菜单栏（各菜单及标准菜单项）的简体中文文案。 */
const menuZh: DeepStringRecord<typeof menuEn> = {
  file: '文件',
  edit: '编辑',
  view: '显示',
  conversation: '对话',
  window: '窗口',
  about: '关于 Ferry',
  services: '服务',
  hide: '隐藏 Ferry',
  hideOthers: '隐藏其他',
  showAll: '全部显示',
  quit: '退出 Ferry',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  minimize: '最小化',
  zoom: '缩放',
  close: '关闭窗口',
  front: '前置全部窗口',
};

export default menuZh;
