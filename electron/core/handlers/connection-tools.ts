import { randomUUID } from 'node:crypto';
import { nextChatConfigUrl } from '../../../shared/presets';
import type { Handlers } from '../router';
import { fetchModelIds, readNextChatConfig } from '../../services/connections/models';
import { runDiagnostics } from '../../services/diagnostics/run';
import type { Network } from '../../services/network/network';
import { effectiveProxyPasswordAccount, proxyPasswordAccount } from '../../services/network/proxy';
import type { KeyVault } from '../../services/secrets/types';
import type { PreferencesService } from '../../services/settings/preferences-service';
import type { EventBus } from '../event-bus';
import { connectionOrigin } from '../../services/connections/key-binding';
import { applyDraft, findConnection, storeConnection } from './connections';

type ToolHandlers = Pick<
  Handlers,
  'connections.test' | 'connections.testDraft' | 'connections.models' | 'connections.nextChatConfig' | 'prefs.setProxy' | 'prefs.setTimeouts' | 'proxy.setPassword' | 'proxy.passwordState'
>;


/** Test connection, model lists, NextChat's /api/config, and the proxy settings. */
export function connectionToolHandlers(prefs: PreferencesService, vault: KeyVault, network: Network, events: EventBus): ToolHandlers {
  const changed = () => events.emit('connections.changed', {});
  return {
    'connections.test': async ({ id }) => {
      const connection = findConnection(prefs, id);
      const report = await runDiagnostics(connection, { vault, network });
      if (report.models && report.models.length > 0) {
        storeConnection(prefs, { ...findConnection(prefs, id), modelCache: { ids: [...new Set(report.models)].sort().slice(0, 5000), fetchedAt: Date.now() } });
        changed();
      }
      return report;
    },

    'connections.testDraft': async ({ draft, key, proxyPassword }) => {
      const previous = draft.id ? findConnection(prefs, draft.id) : null;
      // An id no saved connection has: the saved keys of others are never looked up for it.
      const connection = applyDraft(previous, draft, previous?.id ?? `draft:${randomUUID()}`);
      if (!key && !proxyPassword) return runDiagnostics(connection, { vault, network });
      // What the form holds and has not saved: the key goes only to the host the form names, the
      // proxy password only to the proxy it names; neither is kept.
      const typedSecrets = new Map<string, string>();
      if (key) typedSecrets.set(connection.id, key);
      if (proxyPassword) typedSecrets.set(effectiveProxyPasswordAccount(connection), proxyPassword);
      const typed: KeyVault = {
        status: () => vault.status(),
        retry: () => vault.retry(),
        setKey: (account, value, storage) => vault.setKey(account, value, storage),
        deleteKey: (account) => vault.deleteKey(account),
        getKey: async (account, lookup) => {
          const secret = typedSecrets.get(account);
          return secret !== undefined ? { key: secret, storage: 'session' } : vault.getKey(account, lookup);
        },
        // The app's vault outlives this test: closing it is not the test's business.
        close: () => undefined,
      };
      const tested = key ? { ...connection, keyOrigin: connectionOrigin(connection) } : connection;
      return runDiagnostics(tested, { vault: typed, network: network.using(typed) });
    },

    'connections.models': async ({ id, refresh }) => {
      const connection = findConnection(prefs, id);
      if (connection.modelCache && !refresh) return { ids: connection.modelCache.ids, fetchedAt: connection.modelCache.fetchedAt };
      const ids = await fetchModelIds(connection, vault, network.fetchFor(connection));
      const fetchedAt = Date.now();
      storeConnection(prefs, { ...findConnection(prefs, id), modelCache: { ids, fetchedAt } });
      changed();
      return { ids, fetchedAt };
    },

    'connections.nextChatConfig': ({ server }) => readNextChatConfig(nextChatConfigUrl(server), network.fetchFor(null)),

    'prefs.setProxy': ({ proxy }) => {
      const next = prefs.update({ proxy });
      changed();
      return next;
    },

    'prefs.setTimeouts': ({ timeouts }) => prefs.update({ timeouts: { ...prefs.read().timeouts, ...timeouts } }),

    'proxy.setPassword': async ({ scope, password }) => {
      if (scope !== 'app') findConnection(prefs, scope);
      if (password === null) await vault.deleteKey(proxyPasswordAccount(scope));
      else await vault.setKey(proxyPasswordAccount(scope), password, (await vault.status()).available ? 'keychain' : 'session');
      changed();
      return { set: password !== null };
    },

    'proxy.passwordState': async ({ scope }) => ({ set: !!(await vault.getKey(proxyPasswordAccount(scope)).catch(() => null)) }),
  };
}
