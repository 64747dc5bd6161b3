/**
 * Source of the thread that talks to the OS keychain, kept as plain JavaScript text so that it runs
 * unchanged under Vitest, tsx and the bundled CommonJS main process without a separate build entry.
 *
 * Why a thread at all: constructing an `Entry`/`AsyncEntry` of @napi-rs/keyring opens the D-Bus
 * connection synchronously on the calling thread. Against a bus that accepts but never answers it
 * blocks forever, against a hanging Secret Service activation for seconds. On the main thread that
 * would freeze the whole app, and no JavaScript timeout could fire.
 *
 * Inside the thread the synchronous `Entry` is used on purpose: `AsyncEntry` would park a stuck call
 * on libuv's process-wide pool, where it would starve file and crypto work of the main thread.
 *
 * On Linux the entry is pinned to the Secret Service: the library's default silently falls back to
 * the kernel keyring, which does not survive a reboot, so "saved in the keychain" would be a lie.
 *
 * Protocol: requests `{ id, op: 'get'|'set'|'delete', service, account, secret? }`,
 * replies `{ id, ok: true, value }` or `{ id, ok: false, message }`.
 */
export const KEYCHAIN_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Entry } = require(workerData.keyringModulePath);
const options = { linux: { store: 'secret-service' } };

parentPort.on('message', (request) => {
  try {
    const entry = new Entry(request.service, request.account, options);
    let value;
    if (request.op === 'get') value = entry.getPassword() ?? null;
    else if (request.op === 'set') value = entry.setPassword(request.secret);
    else if (request.op === 'delete') value = entry.deleteCredential();
    else throw new Error('unknown keychain operation ' + request.op);
    parentPort.postMessage({ id: request.id, ok: true, value: value ?? null });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
`;
