import { afterAll, beforeAll } from 'vitest';
import { startTestCore, type TestCore } from './test-core';
import { startWebDavServer, type WebDavServer } from './webdav-server';

export interface SyncedDevices {
  dav: WebDavServer;
  a: TestCore;
  b: TestCore;
}

/**
 * The usual setup of a sync test file: a real WebDAV server and two data folders (two devices) with
 * sync turned on against it under one passphrase, torn down after the file. Read the fields inside tests.
 */
export function useSyncedDevices(passphrase: string): SyncedDevices {
  const devices = {} as SyncedDevices;
  beforeAll(async () => {
    devices.dav = await startWebDavServer();
    [devices.a, devices.b] = await Promise.all([startTestCore(), startTestCore()]);
    for (const device of [devices.a, devices.b]) {
      await device.call('sync.save', { enabled: true, url: devices.dav.url, username: devices.dav.user, folder: 'Ferry', password: devices.dav.pass, passphrase });
    }
  }, 60_000);
  afterAll(async () => {
    await devices.a?.dispose();
    await devices.b?.dispose();
    await devices.dav?.stop();
  });
  return devices;
}
