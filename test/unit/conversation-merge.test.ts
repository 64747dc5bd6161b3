import { describe, expect, it } from 'vitest';
import { type AgreedConversation, agreedFromRecord, type FieldVersions, mergeConversation, outgoingFieldVersions, type Version } from '../../electron/services/sync/conversation-merge';
import type { ConversationData } from '../../electron/services/sync/sync-records';

const start: ConversationData = {
  title: 'Capitals',
  titleIsAuto: true,
  createdAt: 1_000,
  updatedAt: 2_000,
  connectionId: null,
  model: 'gpt-4o',
  activeLeafId: 'a1',
  systemPrompt: null,
  contextMessages: null,
  temperature: null,
  topP: null,
  maxTokens: null,
  pinned: false,
  deletedAt: null,
  assistantId: null,
};

interface Sent {
  data: ConversationData;
  fv: FieldVersions;
  version: Version;
}

/** One device's copy of one conversation, driven the way sync-store drives the two functions. */
class Device {
  row: ConversationData = start;
  agreed: AgreedConversation | null = null;
  dirty = false;
  lamport = 0;
  readonly seen = new Set<Sent>();
  constructor(readonly id: string) {}

  edit(patch: Partial<ConversationData>) {
    this.row = { ...this.row, ...patch };
    this.dirty = true;
  }
  receive(record: Sent) {
    if (this.seen.has(record)) return;
    this.seen.add(record);
    const merged = mergeConversation({ local: this.row, agreed: this.agreed, rowVersion: null, dirty: this.dirty, incoming: record });
    this.row = merged.row;
    this.agreed = merged.agreed;
    this.lamport = Math.max(this.lamport, record.version[0]);
  }
  upload(log: Sent[]) {
    if (!this.dirty) return;
    const version: Version = [++this.lamport, this.id];
    const fv = outgoingFieldVersions(this.row, this.agreed, version);
    const record = { data: this.row, fv, version };
    this.seen.add(record);
    log.push(record);
    this.agreed = { base: this.row, fv };
    this.dirty = false;
  }
  /** A sync run: the others' records first, then this device's changes. */
  sync(log: Sent[]) {
    for (const record of [...log]) this.receive(record);
    this.upload(log);
  }
}

/** Two devices that agree on `start`, then edit before either syncs again. */
function twoDevices(editA: Partial<ConversationData>, editB: Partial<ConversationData>) {
  const log: Sent[] = [];
  const a = new Device('aaaa');
  const b = new Device('bbbb');
  a.edit({});
  a.sync(log);
  b.sync(log);
  a.edit(editA);
  b.edit(editB);
  return { log, a, b };
}

const orders: Record<string, (a: Device, b: Device, log: Sent[]) => void> = {
  'A first': (a, b, log) => [a, b, a, b].forEach((d) => d.sync(log)),
  'B first': (a, b, log) => [b, a, b, a].forEach((d) => d.sync(log)),
  'both upload before either reads': (a, b, log) => {
    a.upload(log);
    b.upload(log);
    [a, b, a, b].forEach((d) => d.sync(log));
  },
};

describe('a conversation edited on two devices at once', () => {
  for (const [order, run] of Object.entries(orders)) {
    it(`keeps a rename on one and a pin and new answer on the other (${order})`, () => {
      const { log, a, b } = twoDevices({ pinned: true, activeLeafId: 'a-extra', updatedAt: 5_000 }, { title: 'Renamed on B', titleIsAuto: false, updatedAt: 4_000 });
      run(a, b, log);
      expect(a.row).toEqual(b.row);
      expect(a.row).toMatchObject({ title: 'Renamed on B', titleIsAuto: false, pinned: true, activeLeafId: 'a-extra', updatedAt: 5_000 });
    });

    it(`settles a field changed on both on one value everywhere (${order})`, () => {
      const { log, a, b } = twoDevices({ title: 'Title from A' }, { title: 'Title from B' });
      run(a, b, log);
      expect(a.row.title).toBe(b.row.title);
      expect(['Title from A', 'Title from B']).toContain(a.row.title);
    });
  }

  it('takes the later activity time whichever version wins', () => {
    const { log, a, b } = twoDevices({ updatedAt: 9_000 }, { title: 'Later version, older activity', updatedAt: 3_000 });
    orders['both upload before either reads']!(a, b, log);
    expect(a.row.updatedAt).toBe(9_000);
    expect(b.row.updatedAt).toBe(9_000);
  });

  it('does not count a field it took from the other device as its own change', () => {
    const { log, a, b } = twoDevices({ pinned: true }, { title: 'Renamed on B' });
    b.sync(log);
    a.sync(log);
    // A's upload claims the pin (new here) but not the title it took from B.
    const fromA = log.at(-1)!;
    expect(fromA.version[1]).toBe('aaaa');
    expect(fromA.fv.pinned).toEqual(fromA.version);
    expect(fromA.fv.title?.[1]).toBe('bbbb');
  });
});

describe('records and rows from before field versions', () => {
  const older = (data: ConversationData, version: Version) => ({ data, fv: {}, version });

  it('a record without field versions replaces the row when its version is newer, field by field', () => {
    const merged = mergeConversation({ local: start, agreed: null, rowVersion: [3, 'aaaa'], dirty: false, incoming: older({ ...start, title: 'Newer' }, [4, 'bbbb']) });
    expect(merged).toMatchObject({ changed: true, row: { title: 'Newer' } });
    expect(merged.agreed.fv.title).toEqual([4, 'bbbb']);
  });

  it('a row first received without field versions is not overwritten by an older record after it', () => {
    const agreed = agreedFromRecord({ ...start, title: 'Newer' }, undefined, [6, 'bbbb']);
    const merged = mergeConversation({ local: agreed.base, agreed, rowVersion: [6, 'bbbb'], dirty: false, incoming: older({ ...start, title: 'Older' }, [4, 'cccc']) });
    expect(merged).toMatchObject({ changed: false, row: { title: 'Newer' } });
  });

  it('an older record changes nothing', () => {
    const merged = mergeConversation({ local: start, agreed: null, rowVersion: [5, 'aaaa'], dirty: false, incoming: older({ ...start, title: 'Older' }, [4, 'bbbb']) });
    expect(merged).toMatchObject({ changed: false, row: { title: 'Capitals' } });
  });

  it('a row changed here without a known agreed state keeps every field it has (it goes out next)', () => {
    const local = { ...start, pinned: true };
    const merged = mergeConversation({ local, agreed: null, rowVersion: [3, 'aaaa'], dirty: true, incoming: older({ ...start, title: 'Newer' }, [4, 'bbbb']) });
    expect(merged.row).toMatchObject({ title: 'Capitals', pinned: true });
    // What it agreed with the other device is remembered: the title then goes out as changed here.
    expect(outgoingFieldVersions(merged.row, merged.agreed, [5, 'aaaa']).title).toEqual([5, 'aaaa']);
    expect(outgoingFieldVersions(merged.row, merged.agreed, [5, 'aaaa']).model).toEqual([4, 'bbbb']);
  });
});
