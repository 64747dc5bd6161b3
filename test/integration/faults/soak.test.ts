/**
 * The short soak of `npm test` (npm run soak runs the same for ~10 minutes and writes BENCHMARKS.md):
 * the built host, many conversations, hundreds of sends, key reads, settings changes and page
 * reconnects; descriptors, heap after GC, listeners and handles stay flat, every answer is stored
 * and every request carried its key.
 */
import { describe, expect, it } from 'vitest';
import { runSoak, soakProblems } from '../../soak/soak';
import { requireSecretService } from './support/require-bus';

describe('a long day in under a minute', () => {
  requireSecretService();
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return;

  it('keeps descriptors, heap, listeners and handles flat over 600 sends in 20 conversations', { timeout: 180_000 }, async () => {
    const report = await runSoak({
      env: { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS },
      sends: 600,
      conversations: 20,
      warmupSends: 100,
      sampleEvery: 100,
    });
    expect(soakProblems(report), JSON.stringify({ ...report, samples: report.samples }, null, 1)).toEqual([]);
    expect(report.keyReads).toBe(600);
  });
});
