// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { takeBridgeToken } from './token';
import { createWsTransport } from './ws-transport';

class FakeSocket {
  static last: FakeSocket | null = null;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(data: string) {
    this.sent.push(data);
  }
  open() {
    this.onopen?.();
  }
  close() {
    this.onclose?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

const make = () => createWsTransport({ url: 'ws://h/bridge?token=t', WebSocketImpl: FakeSocket as unknown as typeof WebSocket });

afterEach(() => {
  vi.useRealTimers();
  sessionStorage.clear();
});

describe('ws transport', () => {
  it('queues requests until the socket opens, then resolves them by id', async () => {
    const transport = make();
    const socket = FakeSocket.last!;
    const pending = transport.invoke('app.info', {});
    expect(socket.sent).toHaveLength(0);
    socket.open();
    const sent = JSON.parse(socket.sent[0]!) as { id: number; route: string };
    expect(sent.route).toBe('app.info');
    socket.receive({ type: 'result', id: sent.id, result: { ok: true, data: 42 } });
    await expect(pending).resolves.toEqual({ ok: true, data: 42 });
  });

  it('rejects in-flight requests when the socket closes, and reports the state', async () => {
    vi.useFakeTimers();
    const transport = make();
    const socket = FakeSocket.last!;
    socket.open();
    const states: string[] = [];
    transport.onStateChange((s) => states.push(s));
    const pending = transport.invoke('conversations.list', {});
    socket.close();
    await expect(pending).rejects.toBeInstanceOf(ApiError);
    await expect(transport.invoke('app.info', {})).rejects.toMatchObject({ code: 'disconnected' });
    expect(states).toEqual(['closed']);
    vi.advanceTimersByTime(2_000);
    expect(FakeSocket.last).not.toBe(socket);
  });

  it('tells the host which conversation is on screen: before the requests queued while opening, once per change, and again on every new socket', () => {
    vi.useFakeTimers();
    const transport = make();
    const first = FakeSocket.last!;
    transport.watch('conv-a');
    void transport.invoke('conversations.get', { id: 'conv-a' }).catch(() => {});
    first.open();
    const kinds = (socket: FakeSocket) => socket.sent.map((m) => JSON.parse(m) as { type: string; conversationId?: string | null; route?: string });
    expect(kinds(first)).toEqual([{ type: 'watch', conversationId: 'conv-a' }, expect.objectContaining({ type: 'invoke', route: 'conversations.get' })]);

    transport.watch('conv-a');
    transport.watch(null);
    expect(kinds(first).slice(2)).toEqual([{ type: 'watch', conversationId: null }]);
    transport.watch('conv-b');

    // The host keeps the watch per socket: a reconnect says it again first.
    first.close();
    vi.runOnlyPendingTimers();
    const second = FakeSocket.last!;
    expect(second).not.toBe(first);
    second.open();
    expect(kinds(second)).toEqual([{ type: 'watch', conversationId: 'conv-b' }]);
  });

  it('delivers events to listeners', () => {
    const transport = make();
    const socket = FakeSocket.last!;
    socket.open();
    const seen: unknown[] = [];
    transport.onEvent((e) => seen.push(e));
    socket.receive({ type: 'event', event: { name: 'connections.changed', payload: {} } });
    expect(seen).toEqual([{ name: 'connections.changed', payload: {} }]);
  });
});

describe('bridge token', () => {
  it('takes the token from the URL, keeps it for reloads and removes it from the address bar', () => {
    window.history.replaceState(null, '', '/?token=abc&x=1#/c/1');
    expect(takeBridgeToken()).toBe('abc');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#/c/1');
    expect(takeBridgeToken()).toBe('abc');
  });
});
