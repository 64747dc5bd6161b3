import { randomUUID } from 'node:crypto';
import { FerryError } from '../app-error';
import type { EventBus } from '../event-bus';
import type { Handlers } from '../router';
import type { KeyVault } from '../../services/secrets/types';
import type { PreferencesService } from '../../services/settings/preferences-service';
import { toConnectionView } from './connection-views';

type ConnectionHandlers = Pick<Handlers, 'connections.list' | 'connections.save' | 'connections.setKey' | 'connections.clearKey'>;

export function connectionHandlers(prefs: PreferencesService, vault: KeyVault, events: EventBus): ConnectionHandlers {
  const find = (id: string) => {
    const connection = prefs.read().connections.find((c) => c.id === id);
    if (!connection) throw new FerryError('not_found', 'Connection not found');
    return connection;
  };
  const changed = () => events.emit('connections.changed', {});

  return {
    'connections.list': () => Promise.all(prefs.read().connections.map((c) => toConnectionView(c, vault))),

    'connections.save': async (input) => {
      const current = prefs.read();
      const id = input.id ?? randomUUID();
      if (input.id) find(input.id);
      const saved = { id, name: input.name, baseUrl: input.baseUrl, model: input.model };
      const connections = input.id
        ? current.connections.map((c) => (c.id === id ? saved : c))
        : [...current.connections, saved];
      prefs.update({ connections, lastConnectionId: current.lastConnectionId ?? id });
      changed();
      return toConnectionView(saved, vault);
    },

    'connections.setKey': async ({ id, key, storage }) => {
      const connection = find(id);
      await vault.setKey(id, key, storage);
      changed();
      return toConnectionView(connection, vault);
    },

    'connections.clearKey': async ({ id }) => {
      const connection = find(id);
      await vault.deleteKey(id);
      changed();
      return toConnectionView(connection, vault);
    },
  };
}
