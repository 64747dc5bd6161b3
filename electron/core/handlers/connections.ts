import { randomUUID } from 'node:crypto';
import type { ConnectionDraft } from '../../../shared/connection-routes';
import type { ConnectionConfig } from '../../../shared/schemas';
import { FerryError } from '../app-error';
import type { EventBus } from '../event-bus';
import type { Handlers } from '../router';
import { connectionOrigin } from '../../services/connections/key-binding';
import { proxyPasswordAccount } from '../../services/network/proxy';
import type { KeyVault } from '../../services/secrets/types';
import type { PreferencesService } from '../../services/settings/preferences-service';
import { toConnectionView } from './connection-views';

type ConnectionHandlers = Pick<
  Handlers,
  | 'connections.list'
  | 'connections.save'
  | 'connections.setKey'
  | 'connections.clearKey'
  | 'connections.delete'
  | 'connections.select'
  | 'connections.confirmKeyHost'
>;

export function findConnection(prefs: PreferencesService, id: string): ConnectionConfig {
  const connection = prefs.read().connections.find((c) => c.id === id);
  if (!connection) throw new FerryError('not_found', 'Connection not found');
  return connection;
}

/** Writes one connection back into preferences. */
export function storeConnection(prefs: PreferencesService, next: ConnectionConfig): void {
  prefs.update({ connections: prefs.read().connections.map((c) => (c.id === next.id ? next : c)) });
}

/** A connection as the form describes it: the saved one (if any) with the form's fields on top. */
export function applyDraft(previous: ConnectionConfig | null, input: ConnectionDraft, id: string): ConnectionConfig {
  const base = previous ?? { headers: {}, proxy: null, keyOrigin: null, keyStorage: null, customModels: [], modelCache: null, preset: 'custom' as const, asTyped: false };
  return {
    ...base,
    id,
    name: input.name,
    baseUrl: input.baseUrl,
    model: input.model,
    preset: input.preset ?? base.preset,
    asTyped: input.asTyped ?? base.asTyped,
    headers: input.headers ?? base.headers,
    proxy: input.proxy === undefined ? base.proxy : input.proxy,
    customModels: input.customModels ?? base.customModels,
  };
}

export function connectionHandlers(prefs: PreferencesService, vault: KeyVault, events: EventBus): ConnectionHandlers {
  const find = (id: string) => findConnection(prefs, id);
  const changed = () => events.emit('connections.changed', {});

  return {
    'connections.list': async () => {
      const views = await Promise.all(prefs.read().connections.map((c) => toConnectionView(c, vault)));
      // Keys saved before Ferry recorded where they went: record it now that the keychain answered.
      const unrecorded = views.filter((v) => v.keyStorage === null && v.key.set && v.key.storage && !v.key.unreadable);
      if (unrecorded.length > 0) {
        const place = new Map(unrecorded.map((v) => [v.id, v.key.storage]));
        prefs.update({ connections: prefs.read().connections.map((c) => (place.has(c.id) ? { ...c, keyStorage: place.get(c.id)! } : c)) });
      }
      return views;
    },

    'connections.save': async (input) => {
      const current = prefs.read();
      const previous = input.id ? find(input.id) : null;
      const saved = applyDraft(previous, input, previous?.id ?? randomUUID());
      const id = saved.id;
      // A key saved before binding existed is bound to the host it was used with until now.
      if (previous && previous.keyOrigin === null) {
        const found = await vault.getKey(id).catch(() => null);
        if (found) Object.assign(saved, { keyOrigin: connectionOrigin(previous), keyStorage: found.storage });
      }
      // The model list belongs to the server it came from.
      if (previous && connectionOrigin(previous) !== connectionOrigin(saved)) saved.modelCache = null;
      const connections = previous ? current.connections.map((c) => (c.id === id ? saved : c)) : [...current.connections, saved];
      prefs.update({ connections, lastConnectionId: previous ? current.lastConnectionId ?? id : id });
      if (previous?.proxy && !saved.proxy) await vault.deleteKey(proxyPasswordAccount(id)).catch(() => {});
      changed();
      return toConnectionView(saved, vault);
    },

    'connections.setKey': async ({ id, key, storage }) => {
      const connection = find(id);
      await vault.setKey(id, key, storage);
      // A key typed for this connection is bound to the host it points to now, and recorded where it
      // went: a request must not go out without it when the keychain cannot be read later.
      const bound = { ...connection, keyOrigin: connectionOrigin(connection), keyStorage: storage };
      storeConnection(prefs, bound);
      changed();
      return toConnectionView(bound, vault);
    },

    'connections.clearKey': async ({ id }) => {
      const connection = find(id);
      await vault.deleteKey(id);
      const cleared = { ...connection, keyOrigin: null, keyStorage: null };
      storeConnection(prefs, cleared);
      changed();
      return toConnectionView(cleared, vault);
    },

    'connections.confirmKeyHost': async ({ id }) => {
      const connection = find(id);
      const origin = connectionOrigin(connection);
      if (!origin) throw new FerryError('invalid_input', 'The connection has no valid base URL');
      const confirmed = { ...connection, keyOrigin: origin };
      storeConnection(prefs, confirmed);
      changed();
      return toConnectionView(confirmed, vault);
    },

    'connections.delete': async ({ id }) => {
      find(id);
      // Keychain first: a connection must not vanish from the list while its key stays behind.
      await vault.deleteKey(id);
      await vault.deleteKey(proxyPasswordAccount(id));
      const current = prefs.read();
      const connections = current.connections.filter((c) => c.id !== id);
      prefs.update({ connections, lastConnectionId: current.lastConnectionId === id ? (connections[0]?.id ?? null) : current.lastConnectionId });
      changed();
      return { id };
    },

    'connections.select': ({ id }) => {
      find(id);
      const next = prefs.update({ lastConnectionId: id });
      changed();
      return next;
    },
  };
}
