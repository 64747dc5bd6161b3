import { deriveKey, keyCheck, newKdfParams, openJson, sealJson, verifyKeyCheck } from './sync-crypto';
import { KeyFile, LOG_NAME, LogFile, logName, type SyncRecord } from './sync-records';
import type { SyncStore } from './sync-store';
import { SyncError, type WebDavClient } from './webdav-client';

export interface SyncResult {
  pulled: number;
  pushed: number;
  devices: number;
  unreadableFiles: number;
  /** This data folder was found to be a copy of another device's and now syncs under an id of its own. */
  rekeyed: boolean;
}

const RECORDS_PER_FILE = 5_000;
const KEY_FILE = 'ferry-sync.json';

/**
 * One sync run. The server folder holds `ferry-sync.json` (KDF salt and a key check, no secret)
 * and `devices/<id>/<seq>.fsl`: each device only ever adds files to its own folder, so two
 * devices syncing at once never write the same file. A run first replays the other devices'
 * new files in order (each file and its position in one transaction), then uploads what changed
 * here. Killed anywhere, the next run picks up: a file is either on the server whole or not at all,
 * positions move only with what was applied, and replaying a record twice changes nothing.
 */
export async function runSync(opts: {
  client: WebDavClient;
  store: SyncStore;
  passphrase: string;
  now: () => number;
  kdfCost?: number;
  /** This data folder's mark in the files it writes (see LogFile.origin); without it, copies are not looked for. */
  origin?: string;
}): Promise<SyncResult> {
  const { client, store } = opts;
  let me = store.state().device_id;
  await client.ensureDir('');
  await client.ensureDir('devices');
  await client.ensureDir(`devices/${me}`);

  let keyFile = await readKeyFile(client);
  if (!keyFile) {
    const kdf = newKdfParams(opts.kdfCost);
    const key = await deriveKey(opts.passphrase, kdf);
    // Two first devices at once: the first file written stays, and is the one every device uses
    // (a replaced key file would leave the other device's logs sealed with a key nobody has).
    await client.put(KEY_FILE, Buffer.from(JSON.stringify({ format: 'ferry-sync', version: 1, kdf, check: keyCheck(key) })), { keep: true });
    keyFile = await readKeyFile(client);
    if (!keyFile) throw new SyncError('server_error', 'the key file could not be written');
  }
  const key = await deriveKey(opts.passphrase, keyFile.kdf);
  if (!verifyKeyCheck(key, keyFile.check)) throw new SyncError('wrong_passphrase', 'the passphrase does not open this sync folder');

  const result: SyncResult = { pulled: 0, pushed: 0, devices: 0, unreadableFiles: 0, rekeyed: false };
  if (opts.origin && (await writtenByAnotherFolder(client, key, me, store.state().last_file, opts.origin))) {
    me = store.rekey();
    result.rekeyed = true;
    await client.ensureDir(`devices/${me}`);
  }
  const devices = ((await client.list('devices')) ?? []).map((n) => n.replace(/\/$/, '')).filter((n) => /^[\w-]{1,64}$/.test(n) && n !== me);
  for (const device of devices) {
    const seqs = ((await client.list(`devices/${device}`)) ?? [])
      .map((n) => LOG_NAME.exec(n)?.[1])
      .filter((s): s is string => !!s)
      .map(Number)
      .sort((a, b) => a - b);
    let position = store.position(device);
    const pending = seqs.filter((s) => s > position);
    if (seqs.length > 0) result.devices++;
    for (const [i, seq] of pending.entries()) {
      const bytes = await client.get(`devices/${device}/${logName(seq)}`);
      const parsed = bytes ? LogFile.safeParse(openJson(key, `${device}/${seq}`, bytes)) : null;
      if (!parsed?.success || parsed.data.device !== device || parsed.data.seq !== seq) {
        result.unreadableFiles++;
        // A damaged file with later ones after it is skipped (that device re-sends what it held);
        // the newest one may still be arriving: it is tried again next run.
        if (i < pending.length - 1) {
          store.applyFile(device, seq, [], opts.now());
          position = seq;
          continue;
        }
        break;
      }
      result.pulled += store.applyFile(device, seq, parsed.data.records, opts.now());
      position = seq;
    }
  }

  const { records, upTo } = store.pendingRecords();
  if (records.length > 0) {
    // Never reuse a number that is on the server: after a crash between upload and bookkeeping,
    // the file there stays, and the same records go out again under the next number.
    const mine = ((await client.list(`devices/${me}`)) ?? []).map((n) => Number(LOG_NAME.exec(n)?.[1] ?? 0));
    let seq = Math.max(store.state().last_file, ...mine);
    for (let i = 0; i < records.length; i += RECORDS_PER_FILE) {
      const batch: SyncRecord[] = records.slice(i, i + RECORDS_PER_FILE);
      seq++;
      await client.put(`devices/${me}/${logName(seq)}`, sealJson(key, `${me}/${seq}`, { format: 'ferry-sync-log', version: 1, device: me, seq, ...(opts.origin ? { origin: opts.origin } : {}), records: batch }));
      store.markUploaded(seq, batch);
      result.pushed += batch.length;
    }
    store.clearDirty(upTo);
  }
  return result;
}

/**
 * Files in this device's own folder past its last upload that another data folder wrote: the
 * folder was copied (same device id on two computers). A file of its own there is a run that
 * died between upload and bookkeeping, and is not a copy.
 */
async function writtenByAnotherFolder(client: WebDavClient, key: Uint8Array, me: string, lastFile: number, origin: string): Promise<boolean> {
  const ahead = ((await client.list(`devices/${me}`)) ?? [])
    .map((n) => Number(LOG_NAME.exec(n)?.[1] ?? 0))
    .filter((seq) => seq > lastFile)
    .sort((a, b) => a - b);
  for (const seq of ahead) {
    const bytes = await client.get(`devices/${me}/${logName(seq)}`);
    const parsed = bytes ? LogFile.safeParse(openJson(key, `${me}/${seq}`, bytes)) : null;
    if (parsed?.success && parsed.data.origin && parsed.data.origin !== origin) return true;
  }
  return false;
}

async function readKeyFile(client: WebDavClient): Promise<KeyFile | null> {
  const bytes = await client.get(KEY_FILE);
  if (!bytes) return null;
  try {
    const parsed = KeyFile.safeParse(JSON.parse(bytes.toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw new SyncError('bad_server_files', `${KEY_FILE} on the server is not a Ferry sync file`);
}
