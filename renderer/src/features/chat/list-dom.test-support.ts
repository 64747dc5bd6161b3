/**
 * What the virtual message list needs from a DOM that jsdom lacks, for tests that render it:
 * ResizeObserver (never fires: rows keep their estimated sizes) and scrollTo (a no-op).
 */
export function stubListDom(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollTo ??= function scrollTo() {};
}
