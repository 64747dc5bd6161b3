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
 * One `Entry` per account, reused: every new `Entry` opens its own Secret Service connection (a
 * D-Bus socket plus a session with the daemon) that lives as long as the JavaScript object, and a
 * thread that is rarely garbage-collected kept one socket per call — measured: +1 fd per read,
 * the file limit reached after hours of use. A call that fails drops its entry and is tried once
 * more on a fresh one when the failure looks like a stale connection: after the keyring daemon
 * restarted, the old entry's session no longer exists ("The session does not exist") while a new
 * one works. Never after a prompt the user dismissed: that would pop the prompt up again. `dropped` in every reply counts the
 * entries thrown away, so the owner can recycle the thread (freeing their sockets) once it is idle.
 *
 * On Linux the entry is pinned to the Secret Service: the library's default silently falls back to
 * the kernel keyring, which does not survive a reboot, so "saved in the keychain" would be a lie.
 *
 * Protocol: requests `{ id, op: 'get'|'set'|'delete', service, account, secret? }`,
 * replies `{ id, ok: true, value, dropped }` or `{ id, ok: false, message, dropped }`.
 */
export const KEYCHAIN_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Entry } = require(workerData.keyringModulePath);
const options = { linux: { store: 'secret-service' } };
const entries = new Map();
let dropped = 0;

function entryFor(service, account) {
  const key = service + '\\u0000' + account;
  let entry = entries.get(key);
  if (!entry) {
    entry = new Entry(service, account, options);
    entries.set(key, entry);
  }
  return entry;
}

function drop(service, account) {
  if (entries.delete(service + '\\u0000' + account)) dropped += 1;
}

// A connection or session that went away; not a prompt, a locked keyring or a missing item.
const STALE = /session does not exist|UnknownObject|ServiceUnknown|NoReply|Did not receive a reply|Disconnected|connection/i;
const USER = /prompt|dismiss|locked|cancel/i;

function run(request) {
  const entry = entryFor(request.service, request.account);
  if (request.op === 'get') return entry.getPassword() ?? null;
  if (request.op === 'set') return entry.setPassword(request.secret);
  if (request.op === 'delete') return entry.deleteCredential();
  throw new Error('unknown keychain operation ' + request.op);
}

parentPort.on('message', (request) => {
  let value;
  try {
    try {
      value = run(request);
    } catch (first) {
      drop(request.service, request.account);
      const message = first instanceof Error ? first.message : String(first);
      if (!STALE.test(message) || USER.test(message)) throw first;
      value = run(request);
    }
    parentPort.postMessage({ id: request.id, ok: true, value: value ?? null, dropped });
  } catch (error) {
    drop(request.service, request.account);
    parentPort.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error), dropped });
  }
});
`;
