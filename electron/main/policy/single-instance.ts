/** The part of a BrowserWindow that bringing it back needs. */
export interface RevealableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isVisible(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * A second launch (double-click on the icon while Ferry runs) brings the running window to the front,
 * whether it was minimised or hidden. Returns false when there is no usable window: the caller opens one.
 */
export function revealWindow(win: RevealableWindow | undefined): boolean {
  if (!win || win.isDestroyed()) return false;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
  return true;
}
