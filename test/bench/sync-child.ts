/**
 * Sync measured in a process of its own against a real `rclone serve webdav`: device A holds a
 * generated history, device B is empty. Prints one JSON line.
 *   node --import tsx test/bench/sync-child.ts <conversations> <messages>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runSync } from '../../electron/services/sync/sync-engine';
import { openSyncStore } from '../../electron/services/sync/sync-store';
import { createWebDavClient } from '../../electron/services/sync/webdav-client';
import { openHistory } from '../../electron/services/storage/open-history';
import { startWebDavServer } from '../integration/support/webdav-server';
import { generateHistory } from './generate';

const [conversations, messages] = process.argv.slice(2).map(Number);
if (!conversations || !messages) throw new Error('usage: sync-child.ts <conversations> <messages>');
const PASSPHRASE = 'benchmark passphrase';
const dir = mkdtempSync(join(tmpdir(), 'ferry-bench-sync-'));
const dav = await startWebDavServer();
let peakRss = 0;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
try {
  const a = join(dir, 'a.db');
  const b = join(dir, 'b.db');
  const genStart = performance.now();
  const gen = generateHistory(a, { conversations, messages, longConversation: Math.min(2000, Math.floor(messages / 10)), seed: 20261201 });
  const genMs = performance.now() - genStart;
  openHistory(b).close();

  const run = async (dbFile: string) => {
    const store = openSyncStore(dbFile);
    const t = performance.now();
    try {
      store.setEnabled(true);
      const client = createWebDavClient({ url: `${dav.url}Ferry`, username: dav.user, password: dav.pass, fetch });
      const result = await runSync({ client, store, passphrase: PASSPHRASE, now: Date.now });
      return { ms: performance.now() - t, ...result };
    } finally {
      store.close();
    }
  };
  const rssBefore = process.memoryUsage().rss;
  const firstPush = await run(a);
  const firstPull = await run(b);
  const idle = await run(a);
  const history = openHistory(a);
  const [first] = history.listConversationsPage({ limit: 1 });
  history.insertMessage({ conversationId: first!.id, parentId: null, role: 'user', content: 'one more message', status: 'done', model: null });
  history.close();
  const onePush = await run(a);
  const onePull = await run(b);
  clearInterval(timer);
  console.log(
    JSON.stringify({
      conversations: gen.conversations,
      messages: gen.messages,
      textMB: gen.bytes / 1e6,
      genMs,
      serverMB: Number((await import('node:child_process')).execSync(`du -sm ${dav.dir}`).toString().split('\t')[0]),
      rssBeforeMB: rssBefore / 2 ** 20,
      peakRssMB: peakRss / 2 ** 20,
      firstPush,
      firstPull,
      idle,
      onePush,
      onePull,
    }),
  );
} finally {
  clearInterval(timer);
  await dav.stop();
  rmSync(dir, { recursive: true, force: true });
}
