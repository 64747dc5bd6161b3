// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../shared/events';
import type { MenuUpdate } from '../../../../shared/menu-routes';
import { setApi, type ApiClient } from '../../api';
import { initI18n, setLanguage } from '../../i18n';
import { useAppStore } from '../../state/app-store';
import { useUiStore } from '../../state/ui-store';
import { AppMenuBridge } from './AppMenuBridge';

/** A client that keeps what the bridge sends and lets the test push `menu.action`. */
function fakeApi() {
  const updates: MenuUpdate[] = [];
  const listeners = new Set<(payload: EventPayload<'menu.action'>) => void>();
  const client = {
    call: (route: string, input: unknown) => {
      if (route === 'menu.update') updates.push(input as MenuUpdate);
      return Promise.resolve({});
    },
    on: (name: string, handler: (payload: EventPayload<'menu.action'>) => void) => {
      if (name !== 'menu.action') return () => {};
      listeners.add(handler);
      return () => listeners.delete(handler);
    },
  };
  setApi(client as unknown as ApiClient);
  return { updates, push: (payload: EventPayload<'menu.action'>) => listeners.forEach((l) => l(payload)), listeners };
}

beforeAll(() => {
  initI18n('en');
});
afterEach(() => {
  cleanup();
  setLanguage('en');
  useUiStore.setState({ shortcutListOpen: false });
});

describe('the page and the desktop menu bar', () => {
  it('sends the menu in the page\'s language and bindings, again when either changes', async () => {
    const api = fakeApi();
    render(<AppMenuBridge />);
    await act(async () => {});
    expect(api.updates.at(-1)?.labels.edit).toBe('Edit');
    expect(api.updates.at(-1)?.items.find((i) => i.action === 'newChat')).toEqual({ action: 'newChat', label: 'New chat', binding: 'Mod+Shift+O' });

    await act(async () => setLanguage('zh-CN'));
    expect(api.updates.at(-1)?.labels.edit).toBe('编辑');
    expect(api.updates.at(-1)?.items.find((i) => i.action === 'newChat')?.label).toBe('新对话');

    const before = api.updates.length;
    await act(async () => useAppStore.setState({ prefs: { ...(useAppStore.getState().prefs ?? {}), shortcuts: { newChat: 'Mod+Alt+N' } } as never }));
    expect(api.updates.length).toBe(before + 1);
    expect(api.updates.at(-1)?.items.find((i) => i.action === 'newChat')?.binding).toBe('Mod+Alt+N');
  });

  it('runs the action of a picked menu item, as its keys would', async () => {
    const api = fakeApi();
    const { unmount } = render(<AppMenuBridge />);
    await act(async () => {});
    await act(async () => api.push({ action: 'shortcutList' }));
    expect(useUiStore.getState().shortcutListOpen).toBe(true);
    unmount();
    expect(api.listeners.size).toBe(0);
  });
});
