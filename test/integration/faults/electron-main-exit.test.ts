/**
 * How the Electron app ends, with the built main bundle against the fake `electron` (see
 * test/integration/electron-main.test.ts): on SIGTERM / SIGINT (through the same bounded quit as the
 * menu, whatever electron-store's `when-exit` echoes), and with a keychain thread stuck in a D-Bus
 * call, which a normal quit would wait on for ever. POSIX signals and a D-Bus keychain: Linux only.
 */
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/storage/sqlite-engine';
import type { DriverState } from '../../harness/fake-electron/client';
import { invoke, useMainUnderTest } from '../support/main-under-test';

const { boot, tempDir, fixture, streamingAnswer, storedAnswer } = useMainUnderTest();

describe('the Electron app on a signal', () => {
  it('SIGTERM, and the echo of it that electron-store\'s atomic writes send, quit through the bounded path: the streaming answer is kept', { timeout: 60_000 }, async () => {
    fixture().configure({ chunkDelayMs: 150, repeat: 200 });
    const dataDir = tempDir();
    const first = await boot({ dataDir });
    const answer = await streamingAnswer(first.main);

    first.main.signal('SIGTERM');
    const quit = await first.main.send<{ quitted: boolean; elapsedMs: number; state: DriverState }>({ cmd: 'untilQuit' });
    expect(quit.quitted).toBe(true);
    expect(quit.elapsedMs).toBeLessThan(6_000);
    // Held by the quit guard once, then quit for real.
    expect(quit.state.calls.filter((c) => c.api === 'app.quit')).toHaveLength(2);
    // Still answering: the echo did not end the process before (or after) the answer was written.
    await new Promise((r) => setTimeout(r, 500));
    expect((await first.main.send<DriverState>({ cmd: 'state' })).quitted).toBe(true);
    expect(first.main.log()).toMatch(/SIGTERM: quitting/);
    expect(first.main.log()).toMatch(/shut down in \d+ ms/);
    expect(first.main.log()).not.toMatch(/SIGTERM again/);
    await first.main.stop();

    const stored = await storedAnswer(dataDir, answer);
    expect(stored?.status).toBe('interrupted');
    expect(stored?.content.length).toBeGreaterThan(0);
  });

  it('a second SIGINT, later than any echo, ends the process at once with 128 + its number', async () => {
    const { main } = await boot();
    main.signal('SIGINT');
    await new Promise((r) => setTimeout(r, 400));
    main.signal('SIGINT');
    const end = await main.exited;
    expect(end).toMatchObject({ code: 130, signal: null });
    expect(main.log()).toMatch(/SIGINT: quitting/);
    expect(main.log()).toMatch(/SIGINT again: exiting now/);
  });
});

describe('the Electron app with a keychain thread stuck in a system call', () => {
  it('quitting ends the process (killed, since app.quit() would wait for the thread) once the history is closed', async () => {
    const dataDir = tempDir();
    // Accepts the connection and never says a word: the keychain thread blocks inside libdbus with no timeout.
    const silent = createServer(() => {}).listen(join(dataDir, 'silent-bus.sock'));
    await once(silent, 'listening');
    const busCalled = once(silent, 'connection');
    try {
      const { main } = await boot({ dataDir, env: { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dataDir, 'silent-bus.sock')}` } });
      // The page asks for app.info first; its keychain probe is what gets stuck. Quit only once the
      // keychain thread has reached the bus (a fixed pause was too short on a loaded machine).
      void invoke(main, 'app.info').catch(() => {});
      await busCalled;
      await new Promise((r) => setTimeout(r, 200));
      const asked = Date.now();
      void main.send({ cmd: 'quit' }).catch(() => {});
      const end = await main.exited;
      expect(end.signal).toBe('SIGKILL');
      expect(end.at - asked).toBeLessThan(8_000);
      expect(main.log()).toMatch(/stopped in \d+ ms.*the keychain thread is stuck/);
      expect(main.log()).toMatch(/shut down in \d+ ms; the keychain thread is stuck, ending the process/);
      const db = openDatabase(join(dataDir, 'ferry.db'), { readonly: true });
      try {
        expect(db.prepare('PRAGMA integrity_check').get()).toMatchObject({ integrity_check: 'ok' });
      } finally {
        db.close();
      }
    } finally {
      silent.close();
    }
  });
});
