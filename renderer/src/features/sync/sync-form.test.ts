import { describe, expect, it } from 'vitest';
import type { SyncView } from '../../../../shared/schemas';
import { draftOf, isDirty, patchOf, problemOf } from './sync-form';

const view = (patch: Partial<SyncView> = {}): SyncView => ({
  settings: { enabled: false, url: '', username: '', folder: 'Ferry', intervalMinutes: 15 },
  passwordSet: false,
  passphraseSet: false,
  deviceId: 'dev-1',
  status: { running: false, lastRunAt: null, lastSuccessAt: null, code: null, detail: null, pulled: 0, pushed: 0, devices: 0, unreadableFiles: 0, rekeyed: false },
  ...patch,
});

describe('the Sync form', () => {
  it('is clean as loaded, dirty with a typed secret', () => {
    const v = view();
    expect(isDirty(draftOf(v), v)).toBe(false);
    expect(isDirty({ ...draftOf(v), password: 'x' }, v)).toBe(true);
    expect(isDirty({ ...draftOf(v), url: ' ' }, v)).toBe(false);
  });

  it('refuses what the server would refuse, in the order a user fixes it', () => {
    const v = view();
    const d = draftOf(v);
    expect(problemOf({ ...d, url: 'dav.jianguoyun.com/dav' }, v)).toBe('urlInvalid');
    expect(problemOf({ ...d, url: 'ftp://nas.local/' }, v)).toBe('urlInvalid');
    expect(problemOf({ ...d, interval: '0' }, v)).toBe('intervalInvalid');
    expect(problemOf({ ...d, interval: '2.5' }, v)).toBe('intervalInvalid');
    expect(problemOf({ ...d, passphrase: 'short' }, v)).toBe('passphraseShort');
    expect(problemOf({ ...d, enabled: true }, v)).toBe('needUrl');
    expect(problemOf({ ...d, enabled: true, url: 'https://dav.jianguoyun.com/dav/' }, v)).toBe('needPassphrase');
    expect(problemOf({ ...d, enabled: true, url: 'https://dav.jianguoyun.com/dav/' }, view({ passphraseSet: true }))).toBeNull();
  });

  it('sends a secret only when one was typed', () => {
    const d = { ...draftOf(view()), url: ' https://nas.local/dav ', interval: '30', folder: ' ' };
    expect(patchOf(d)).toEqual({ enabled: false, url: 'https://nas.local/dav', username: '', folder: 'Ferry', intervalMinutes: 30 });
    expect(patchOf({ ...d, password: 'p', passphrase: 'long enough' })).toMatchObject({ password: 'p', passphrase: 'long enough' });
  });
});
