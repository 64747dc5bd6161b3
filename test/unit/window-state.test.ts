import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { PreferencesService } from '../../electron/services/settings/preferences-service';

vi.mock('electron', () => ({ screen: { getAllDisplays: () => [] } }));
const { trackWindowState } = await import('../../electron/main/window-state');

function fakeWindow() {
  const win = new EventEmitter() as EventEmitter & Record<string, unknown>;
  Object.assign(win, {
    isDestroyed: () => false,
    isMinimized: () => false,
    isMaximized: () => false,
    getBounds: () => ({ x: 40, y: 60, width: 900, height: 700 }),
    getNormalBounds: () => ({ x: 40, y: 60, width: 900, height: 700 }),
  });
  return win;
}

afterEach(() => vi.useRealTimers());

describe('the window position is remembered', () => {
  it('after a resize settles, and once more on close', () => {
    vi.useFakeTimers();
    const update = vi.fn();
    const win = fakeWindow();
    trackWindowState(win as unknown as BrowserWindow, { update, read: () => ({}) } as unknown as PreferencesService);
    win.emit('resize');
    win.emit('move');
    vi.advanceTimersByTime(500);
    expect(update).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith({ window: { x: 40, y: 60, width: 900, height: 700, maximized: false } });
    win.emit('close');
    expect(update).toHaveBeenCalledTimes(2);
  });

  it('a settings file that cannot be written (full or read-only disk) does not break closing the window', () => {
    vi.useFakeTimers();
    const update = vi.fn(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    const win = fakeWindow();
    trackWindowState(win as unknown as BrowserWindow, { update, read: () => ({}) } as unknown as PreferencesService);
    win.emit('resize');
    expect(() => vi.advanceTimersByTime(500)).not.toThrow();
    expect(() => win.emit('close')).not.toThrow();
    expect(update).toHaveBeenCalledTimes(2);
  });
});
