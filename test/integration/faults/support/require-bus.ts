import { it } from 'vitest';

/**
 * Fails, never skips, when the private Secret Service of `npm test` is missing: a green run
 * without a keychain would prove nothing. Call at the top of a describe block.
 */
export function requireSecretService(): void {
  if (process.env.DBUS_SESSION_BUS_ADDRESS) return;
  it('needs the private Secret Service that `npm test` starts', () => {
    throw new Error(
      'DBUS_SESSION_BUS_ADDRESS is not set: run these tests through `npm test` (test/harness/run-all.ts), which starts a private D-Bus session with gnome-keyring',
    );
  });
}
