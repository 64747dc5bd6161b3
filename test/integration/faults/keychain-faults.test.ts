/**
 * The keychain failing mid-session, for real: a private D-Bus + gnome-keyring for this file whose
 * daemon is SIGSTOPped (hangs), killed (the bus then starts a new, locked one) and replaced by a
 * fresh unlocked one (a restart). Checked from the fixture server's side: no chat request ever
 * arrives without its key, the UI is told what is wrong, and requests work again once it is back.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../../shared/events';
import { startFixtureServer, type FixtureServer } from '../../fixture';
import { startKeyringSession, type KeyringSession } from '../../harness/keyring-session';
import { startTestCore, type TestCore } from '../support/test-core';

const KEY = `sk-faults-${Date.now()}-Zq9x`;
const chatRequests = (fixture: FixtureServer) => fixture.requests.filter((r) => r.path.endsWith('/chat/completions'));

let session: KeyringSession;
let fixture: FixtureServer;
let t: TestCore;
const outerBus = process.env.DBUS_SESSION_BUS_ADDRESS;

beforeAll(async () => {
  session = await startKeyringSession();
  // Vitest runs each file in its own process: the keychain thread of this file's cores talks to this bus.
  process.env.DBUS_SESSION_BUS_ADDRESS = session.busAddress;
  fixture = await startFixtureServer({ scenario: { requireKey: KEY } });
}, 30_000);
afterAll(async () => {
  session?.signalKeyring('SIGCONT');
  await fixture?.close();
  await session?.stop();
  process.env.DBUS_SESSION_BUS_ADDRESS = outerBus;
});
beforeEach(async () => {
  fixture.reset();
  fixture.configure({ requireKey: KEY });
  t = await startTestCore();
});
afterEach(async () => {
  session.signalKeyring('SIGCONT');
  await t.dispose();
});

async function connectionWithKey(): Promise<string> {
  const saved = await t.call('connections.save', { name: 'Fixture', baseUrl: fixture.baseUrl, model: 'fixture-model' });
  await t.call('connections.setKey', { id: saved.id, key: KEY, storage: 'keychain' });
  return saved.id;
}

const keychainEvents = (events: AnyEvent[]) => events.flatMap((e) => (e.name === 'keychain.status' ? [e.payload] : []));

/** Resolves once a keychain.status after the `from`-th event says it is available again. */
async function backAfter(from: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!keychainEvents(t.events.slice(from)).some((s) => s.available)) {
    if (Date.now() > deadline) throw new Error(`the keychain was not reported back within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a keychain that fails mid-session', () => {
  it('a hung keyring daemon stops the send before anything is sent, says why, and works again by itself once it answers', { timeout: 60_000 }, async () => {
    await connectionWithKey();
    const first = await t.call('chat.send', { text: 'before the hang' });
    await t.finished(first.assistantMessage.id);
    expect(chatRequests(fixture).map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`]);

    session.signalKeyring('SIGSTOP');
    const refused = await t.core.router.dispatch('chat.send', { text: 'during the hang' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'keychain_unavailable', details: { problem: 'not_responding' } } });
    const down = keychainEvents(t.events).at(-1);
    expect(down).toMatchObject({ available: false, problem: 'not_responding', retryAt: expect.any(Number) });
    // The UI reads the same, and the connection list says "can't read", never "no key".
    expect((await t.call('app.info', {})).keychain).toMatchObject({ available: false, problem: 'not_responding' });
    const [view] = await t.call('connections.list', {});
    expect(view!.key).toMatchObject({ set: true, unreadable: true, storage: 'keychain' });

    const mark = t.events.length;
    session.signalKeyring('SIGCONT');
    // Retried by itself with a pause (no user action): the next status says it is back.
    await backAfter(mark, 20_000);
    const after = await t.call('chat.send', { text: 'after the hang' });
    await t.finished(after.assistantMessage.id);
    // Exactly the two sends that were allowed, both with the key.
    expect(chatRequests(fixture).map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
    expect(chatRequests(fixture).map((r) => JSON.stringify(r.body))).not.toContain('during the hang');
  });

  it('a killed daemon comes back locked: reported as locked, nothing sent; after a restart the key is read again', { timeout: 60_000 }, async () => {
    await connectionWithKey();
    session.signalKeyring('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const refused = await t.core.router.dispatch('chat.send', { text: 'while it is gone' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    expect(chatRequests(fixture)).toEqual([]);
    // "Try again" while it is still locked keeps saying so, and what kind of problem it is.
    expect(await t.call('keychain.retry', {})).toMatchObject({ available: false, problem: 'locked' });

    await session.restartKeyring();
    expect(await t.call('keychain.retry', {})).toMatchObject({ available: true });
    const after = await t.call('chat.send', { text: 'after the restart' });
    await t.finished(after.assistantMessage.id);
    expect(chatRequests(fixture).map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`]);
    const [view] = await t.call('connections.list', {});
    expect(view!.key).toMatchObject({ set: true, unreadable: false, last4: 'Zq9x' });
  });

  it('a daemon replaced mid-session (its old connection is stale) is read again without the user noticing', { timeout: 60_000 }, async () => {
    await connectionWithKey();
    const first = await t.call('chat.send', { text: 'one' });
    await t.finished(first.assistantMessage.id);
    await session.restartKeyring();
    const second = await t.call('chat.send', { text: 'two' });
    await t.finished(second.assistantMessage.id);
    expect(chatRequests(fixture).map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
    expect(keychainEvents(t.events).filter((s) => !s.available)).toEqual([]);
  });

  it('a frozen bus (the keychain thread stuck in a call) refuses the send within its limit; nothing goes out without the key', { timeout: 60_000 }, async () => {
    await t.dispose();
    t = await startTestCore(undefined, { keychainLimits: { probeMs: 1_000, callMs: 2_500 } });
    await connectionWithKey();
    process.kill(session.busPid, 'SIGSTOP');
    try {
      const started = Date.now();
      const refused = await t.core.router.dispatch('chat.send', { text: 'through a frozen bus' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'keychain_unavailable', details: { problem: 'not_responding' } } });
      expect(Date.now() - started).toBeLessThan(10_000);
      // Asked again while frozen: still refused, still nothing sent, and the core answers at once.
      const again = await t.core.router.dispatch('chat.send', { text: 'again' });
      expect(again).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
      expect(await t.call('app.info', {})).toMatchObject({ keychain: { available: false } });
    } finally {
      process.kill(session.busPid, 'SIGCONT');
    }
    expect(chatRequests(fixture)).toEqual([]);
    const mark = t.events.length;
    await backAfter(mark, 30_000);
    const after = await t.call('chat.send', { text: 'bus thawed' });
    await t.finished(after.assistantMessage.id);
    expect(chatRequests(fixture).map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`]);
  });

  it('a connection is not deleted while its key cannot be removed from a hung keychain', { timeout: 60_000 }, async () => {
    const id = await connectionWithKey();
    session.signalKeyring('SIGSTOP');
    const refused = await t.core.router.dispatch('connections.delete', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    session.signalKeyring('SIGCONT');
    expect((await t.call('keychain.retry', {})).available).toBe(true);
    expect((await t.call('connections.list', {})).map((c) => c.id)).toEqual([id]);
  });
});
