import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuHandlers } from '../../electron/core/handlers/menu';
import { buildAppMenuTemplate } from '../../electron/main/menu/app-menu';
import { initI18n } from '../../renderer/src/i18n';
import { menuUpdate } from '../../renderer/src/features/menu/menu-update';
import { MenuUpdate } from '../../shared/menu-routes';
import { DEFAULT_SHORTCUTS, effectiveShortcuts } from '../../shared/shortcuts';

type Item = MenuItemConstructorOptions;
const submenu = (item: Item | undefined) => (item?.submenu ?? []) as Item[];
const all = (items: Item[]): Item[] => items.flatMap((item) => [item, ...all(submenu(item))]);
const byLabel = (items: Item[], label: string) => items.find((item) => item.label === label);

/** The page's menu words and bindings, as the renderer makes them, through the route's schema. */
function pageUpdate(language: 'en' | 'zh-CN', bindings = DEFAULT_SHORTCUTS) {
  const i18n = initI18n(language);
  return MenuUpdate.parse(menuUpdate(i18n.t, bindings));
}

function build(options: { mac: boolean; packaged?: boolean; language?: 'en' | 'zh-CN'; bindings?: Record<string, string> }) {
  const onAction = vi.fn();
  const update = pageUpdate(options.language ?? 'en', (options.bindings as typeof DEFAULT_SHORTCUTS | undefined) ?? DEFAULT_SHORTCUTS);
  const template = buildAppMenuTemplate({ mac: options.mac, appName: 'Ferry', packaged: options.packaged ?? true, ...update, onAction });
  return { template, onAction, items: all(template) };
}

describe('the desktop menu bar', () => {
  it('lists every one of Ferry\'s actions with its binding shown but not registered', () => {
    const { items } = build({ mac: false });
    const ferry = items.filter((item) => item.id?.startsWith('ferry.'));
    expect(ferry.map((item) => item.id?.slice('ferry.'.length)).sort()).toEqual(Object.keys(DEFAULT_SHORTCUTS).sort());
    for (const item of ferry) expect(item.registerAccelerator, item.id).toBe(false);
    expect(items.find((item) => item.id === 'ferry.newChat')).toMatchObject({ label: 'New chat', accelerator: 'CmdOrCtrl+Shift+O' });
    expect(items.find((item) => item.id === 'ferry.nextConversation')?.accelerator).toBe('Alt+Down');
    expect(items.find((item) => item.id === 'ferry.settings')?.accelerator).toBe('CmdOrCtrl+,');
  });

  it('shows the user\'s own binding, and a click runs that action', () => {
    const bindings = effectiveShortcuts({ newChat: 'Mod+Alt+N' });
    const { items, onAction } = build({ mac: false, bindings });
    const newChat = items.find((item) => item.id === 'ferry.newChat')!;
    expect(newChat.accelerator).toBe('CmdOrCtrl+Alt+N');
    (newChat.click as () => void)();
    expect(onAction).toHaveBeenCalledWith('newChat');
  });

  it('keeps the standard Edit roles with their own accelerators (copy and paste on macOS need them)', () => {
    for (const mac of [true, false]) {
      const { template } = build({ mac });
      const edit = submenu(byLabel(template, 'Edit'));
      expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
      for (const item of edit) {
        expect(item.registerAccelerator).toBeUndefined();
        expect(item.accelerator).toBeUndefined();
      }
    }
  });

  it('macOS: an app menu named Ferry with About, Hide and Quit; Quit is not in File', () => {
    const { template } = build({ mac: true });
    expect(template[0]!.label).toBe('Ferry');
    expect(submenu(template[0]).map((i) => i.role).filter(Boolean)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(submenu(byLabel(template, 'File')).map((i) => i.role).filter(Boolean)).toEqual(['close']);
    expect(submenu(byLabel(template, 'Window')).map((i) => i.role).filter(Boolean)).toEqual(['minimize', 'zoom', 'front']);
  });

  it('Windows and Linux: no app menu; Quit ends File', () => {
    const { template } = build({ mac: false });
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Conversation', 'Window']);
    expect(submenu(template[0]).at(-1)).toMatchObject({ role: 'quit', label: 'Quit Ferry' });
    expect(all(template).some((i) => i.role === 'about')).toBe(false);
  });

  it('reads natively in zh-CN: menus, Ferry\'s items and the standard items', () => {
    const { template, items } = build({ mac: true, language: 'zh-CN' });
    expect(template.map((m) => m.label)).toEqual(['Ferry', '文件', '编辑', '显示', '对话', '窗口']);
    expect(items.find((i) => i.id === 'ferry.newChat')?.label).toBe('新对话');
    expect(items.find((i) => i.role === 'copy')?.label).toBe('复制');
    expect(items.find((i) => i.role === 'quit')?.label).toBe('退出 Ferry');
    // No English word except the app's name.
    for (const item of items) if (item.label) expect(item.label.replace('Ferry', ''), item.id ?? item.role).not.toMatch(/[a-z]{3,}/i);
  });

  it('has Reload and developer tools in a development run only', () => {
    const roles = (packaged: boolean) => build({ mac: false, packaged }).items.map((i) => i.role);
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('before the page has sent its words: the standard items with English titles, no empty menu', () => {
    const template = buildAppMenuTemplate({ mac: false, appName: 'Ferry', packaged: true, items: [], onAction: () => {} });
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'Window']);
    expect(all(template).find((i) => i.role === 'copy')?.label).toBeUndefined();
  });

  it('the route refuses an unknown action or a missing label', () => {
    const update = pageUpdate('en');
    expect(MenuUpdate.safeParse({ ...update, items: [{ action: 'rm -rf', label: 'x', binding: 'Mod+K' }] }).success).toBe(false);
    expect(MenuUpdate.safeParse({ ...update, labels: { ...update.labels, edit: '' } }).success).toBe(false);
  });

  it('a host without a menu bar (the browser host) answers menu.update as done; the Electron host gets the update', async () => {
    const update = pageUpdate('zh-CN');
    expect(await menuHandlers(undefined)['menu.update'](update)).toEqual({});
    const apply = vi.fn();
    await menuHandlers(apply)['menu.update'](update);
    expect(apply).toHaveBeenCalledWith(update);
  });
});
