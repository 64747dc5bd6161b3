import { isAllowedOrigin } from './origin';

/** What main knows about the frame behind an IPC call (Electron's `event.senderFrame` and friends). */
export interface SenderFacts {
  /** `senderFrame.url`; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** `senderFrame.origin` as Chromium computes it (e.g. `app://ferry`, or `null` for opaque origins). */
  frameOrigin: string | undefined;
  /** The frame is its page's top frame, not an iframe. */
  isMainFrame: boolean;
  /** The page lives in a window this app created. */
  inOwnWindow: boolean;
}

/**
 * Only our own page, in its window's top frame, inside a window we created, may call the router.
 * Both the URL and Chromium's origin must be ours: a frame whose URL looks right but whose origin is
 * opaque (sandboxed, data:, a failed load) is refused.
 */
export function isTrustedSender(facts: SenderFacts, allowedOrigins: readonly string[]): boolean {
  if (!facts.isMainFrame || !facts.inOwnWindow) return false;
  if (!isAllowedOrigin(facts.frameUrl, allowedOrigins)) return false;
  return facts.frameOrigin === undefined || isAllowedOrigin(facts.frameOrigin, allowedOrigins);
}
