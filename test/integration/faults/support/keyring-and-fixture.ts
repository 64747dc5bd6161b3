import { afterAll, beforeAll } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../fixture';
import { startKeyringSession, type KeyringSession } from '../../../harness/keyring-session';

/**
 * For a test file that hangs, kills or restarts the keyring: its own private D-Bus + gnome-keyring
 * (never the one the rest of `npm test` shares) and a fixture server that requires `key`, both for
 * the whole file. The setters hand them to the file's own variables.
 */
export function withPrivateKeyringAndFixture(key: string, setSession: (s: KeyringSession) => void, setFixture: (f: FixtureServer) => void): void {
  let session: KeyringSession | undefined;
  let fixture: FixtureServer | undefined;
  beforeAll(async () => {
    session = await startKeyringSession();
    setSession(session);
    fixture = await startFixtureServer({ scenario: { requireKey: key } });
    setFixture(fixture);
  }, 30_000);
  afterAll(async () => {
    session?.signalKeyring('SIGCONT');
    await fixture?.close();
    await session?.stop();
  });
}
