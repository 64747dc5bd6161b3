import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HISTORY_READS, HISTORY_WRITES } from '../../electron/core/history-holder';
import { openHistory } from '../../electron/services/storage/open-history';

const dir = mkdtempSync(join(tmpdir(), 'ferry-holder-methods-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the history holder knows every repository method', () => {
  // A write it does not know is not refused in read-only mode and a full disk on it raises no banner.
  it('has each one either as a write or as a read, never both', () => {
    const repository = openHistory(join(dir, 'ferry.db'));
    try {
      const methods = Object.keys(repository);
      expect(methods.filter((m) => !HISTORY_WRITES.has(m) && !HISTORY_READS.has(m))).toEqual([]);
      expect(methods.filter((m) => HISTORY_WRITES.has(m) && HISTORY_READS.has(m))).toEqual([]);
      // And nothing it lists is gone from the repository.
      expect([...HISTORY_WRITES, ...HISTORY_READS].filter((m) => !methods.includes(m))).toEqual([]);
    } finally {
      repository.close();
    }
  });
});
