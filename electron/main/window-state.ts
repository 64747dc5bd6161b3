import { screen, type BrowserWindow, type Rectangle } from 'electron';
import type { WindowState } from '../../shared/schemas';
import type { PreferencesService } from '../services/settings/preferences-service';

const DEFAULT = { width: 1180, height: 800 };

/** Where the window opens: the saved bounds if they are still on a connected display. */
export function initialBounds(saved: WindowState | undefined): Partial<Rectangle> & { width: number; height: number } {
  if (!saved) return DEFAULT;
  const { x, y, width, height } = saved;
  if (x === undefined || y === undefined) return { width, height };
  const visible = screen.getAllDisplays().some(({ workArea: a }) => x < a.x + a.width && x + width > a.x && y < a.y + a.height && y + height > a.y);
  return visible ? { x, y, width, height } : { width, height };
}

/** Remembers size, position and maximized state (debounced; written once more on close). */
export function trackWindowState(win: BrowserWindow, prefs: PreferencesService): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const maximized = win.isMaximized();
    const bounds = maximized ? (prefs.read().window ?? { ...win.getNormalBounds(), maximized }) : win.getBounds();
    try {
      prefs.update({ window: { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized } });
    } catch {
      // A full or read-only disk: the window opens where it did last time, and no error dialog
      // (an uncaught exception here would be one) is worth a window position.
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', schedule);
  win.on('move', schedule);
  win.on('maximize', schedule);
  win.on('unmaximize', schedule);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
