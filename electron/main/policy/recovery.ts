/** Something that left the window without a working page. */
export type PageFailure =
  | { kind: 'load-failed'; errorCode: number; errorDescription: string; url: string; isMainFrame: boolean }
  | { kind: 'renderer-gone'; reason: string; exitCode: number };

/** Chromium's net error for a navigation that was cancelled (by us refusing it, or a newer load). */
const ERR_ABORTED = -3;

/**
 * Whether the window must switch to the recovery page, and the reason it shows. A refused navigation,
 * a failed iframe or a renderer that exited cleanly (window closing) are not failures.
 */
export function recoveryTrigger(failure: PageFailure): string | null {
  if (failure.kind === 'load-failed') {
    if (!failure.isMainFrame || failure.errorCode === ERR_ABORTED) return null;
    return `${failure.errorDescription || 'load failed'} (${failure.errorCode}) ${failure.url}`.trim();
  }
  if (failure.reason === 'clean-exit') return null;
  return `renderer ${failure.reason} (exit code ${failure.exitCode})`;
}
