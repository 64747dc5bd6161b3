import { describe, expect, it } from 'vitest';
import { PreferencesService, type PreferencesBackend } from '../../electron/services/settings/preferences-service';

const backend = (initial: Record<string, unknown>): PreferencesBackend => {
  let store = initial;
  return {
    get store() {
      return store;
    },
    set store(value) {
      store = value;
    },
  };
};

describe('PreferencesService', () => {
  it('fills defaults for an empty file', () => {
    expect(new PreferencesService(backend({})).read()).toMatchObject({
      language: 'system',
      theme: 'system',
      lastConnectionId: null,
      connections: [],
      proxy: { mode: 'system', url: '', username: '', bypassLocal: true },
    });
  });

  it('reads connections of older files with the new fields defaulted, and a broken proxy as the default', () => {
    const prefs = new PreferencesService(
      backend({ proxy: { mode: 'carrier-pigeon' }, connections: [{ id: 'c1', name: 'Old', baseUrl: 'https://x.example/v1', model: 'm' }] }),
    ).read();
    expect(prefs.proxy.mode).toBe('system');
    expect(prefs.connections[0]).toEqual({
      id: 'c1',
      name: 'Old',
      baseUrl: 'https://x.example/v1',
      model: 'm',
      preset: 'custom',
      asTyped: false,
      headers: {},
      proxy: null,
      keyOrigin: null,
      keyStorage: null,
      customModels: [],
      modelCache: null,
    });
  });

  it('keeps the valid fields of a damaged file and drops only what is broken', () => {
    const prefs = new PreferencesService(
      backend({
        language: 'klingon',
        theme: 'dark',
        connections: [{ id: 'a', name: 'Good', baseUrl: 'https://x/v1', model: 'm' }, { id: 7 }],
      }),
    ).read();
    expect(prefs.language).toBe('system');
    expect(prefs.theme).toBe('dark');
    expect(prefs.connections.map((c) => c.name)).toEqual(['Good']);
  });

  it('writes updates through to the backend', () => {
    const b = backend({});
    new PreferencesService(b).update({ theme: 'light' });
    expect(b.store.theme).toBe('light');
  });

  it('picks the requested connection, else the last used, else the first', () => {
    const connections = [
      { id: 'a', name: 'A', baseUrl: '', model: '' },
      { id: 'b', name: 'B', baseUrl: '', model: '' },
    ];
    const prefs = new PreferencesService(backend({ connections, lastConnectionId: 'b' }));
    expect(prefs.connection('a')?.id).toBe('a');
    expect(prefs.connection(undefined)?.id).toBe('b');
    expect(new PreferencesService(backend({ connections })).connection(null)?.id).toBe('a');
    expect(new PreferencesService(backend({})).connection(null)).toBeNull();
  });
});
