/**
 * Prints, as one JSON line, what Ferry's key vault says about the OS keychain reachable from this
 * process's environment, and how long it took: `{"status":{"available":false,"reason":"..."},"ms":12}`.
 * Used by the keychain tests to probe a "no Secret Service" environment from outside, and handy when
 * a user's machine reports "keychain unavailable".
 *
 *   tsx test/harness/keychain-status.ts [--timeout-ms 5000]
 */
import { parseArgs } from 'node:util';
import { createKeyVault } from '../../electron/services/secrets/key-vault';
import { createKeychainStore } from '../../electron/services/secrets/keychain-store';
import { createMemoryStore } from '../../electron/services/secrets/memory-store';

const { values } = parseArgs({ options: { 'timeout-ms': { type: 'string', default: '5000' }, service: { type: 'string', default: 'Ferry' } } });

const vault = createKeyVault({
  keychain: createKeychainStore(values.service),
  memory: createMemoryStore(),
  probeTimeoutMs: Number(values['timeout-ms']),
});
const started = performance.now();
const status = await vault.status();
console.log(JSON.stringify({ status, ms: Math.round(performance.now() - started) }));
