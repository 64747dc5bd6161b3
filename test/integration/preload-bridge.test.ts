import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_EVENT, IPC_INVOKE, IPC_WATCH, type FerryBridge } from '../../shared/bridge';

const BUNDLE = resolve(import.meta.dirname, '../../dist-electron/preload.cjs');

/** The built preload bundle, run against a recording stand-in for Electron's renderer-side module. */
function loadPreload() {
  const calls: unknown[][] = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const exposed: Record<string, FerryBridge> = {};
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: FerryBridge) => (exposed[key] = api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => (calls.push(['invoke', ...args]), Promise.resolve({ ok: true, data: 'answer' })),
      send: (...args: unknown[]) => calls.push(['send', ...args]),
      on: (channel: string, handler: (...args: unknown[]) => void) => (calls.push(['on', channel]), listeners.set(channel, handler)),
      removeListener: (channel: string) => calls.push(['removeListener', channel]),
    },
  };
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first (npm test does)`);
  const module = { exports: {} };
  const requireInPreload = (id: string) => {
    if (id === 'electron') return electron;
    throw new Error(`the sandboxed preload may only require electron, not ${id}`);
  };
  new Function('require', 'module', 'exports', readFileSync(BUNDLE, 'utf8'))(requireInPreload, module, module.exports);
  return { exposed, calls, listeners };
}

describe('the preload bundle', () => {
  it('exposes window.ferry as a forwarder: requests, events and the watch go to their IPC channels as they are', async () => {
    const { exposed, calls, listeners } = loadPreload();
    expect(Object.keys(exposed)).toEqual(['ferry']);
    const ferry = exposed.ferry!;
    expect(Object.keys(ferry).sort()).toEqual(['invoke', 'onEvent', 'watch']);

    await expect(ferry.invoke('app.info', { a: 1 })).resolves.toEqual({ ok: true, data: 'answer' });
    ferry.watch('conv-a');
    ferry.watch(null);
    const got: unknown[] = [];
    const off = ferry.onEvent((event) => got.push(event));
    listeners.get(IPC_EVENT)!({ sender: 'ipc event object' }, { name: 'connections.changed', payload: {} });
    off();
    expect(got).toEqual([{ name: 'connections.changed', payload: {} }]);
    expect(calls).toEqual([
      ['invoke', IPC_INVOKE, 'app.info', { a: 1 }],
      ['send', IPC_WATCH, 'conv-a'],
      ['send', IPC_WATCH, null],
      ['on', IPC_EVENT],
      ['removeListener', IPC_EVENT],
    ]);
  });
});
