/**
 * One import measured in a process of its own, so its peak memory is the import's and nothing
 * else's: `node --import tsx test/bench/import-child.ts <file> <dataDir>` prints one JSON line.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger } from '../../electron/core/logger';
import { createImportService } from '../../electron/services/import/import-service';
import { openHistory } from '../../electron/services/storage/open-history';
import { attachmentPreparer } from '../integration/support/attachment-preparer';

const [file, dataDir] = process.argv.slice(2);
if (!file || !dataDir) throw new Error('usage: import-child.ts <file> <dataDir>');
const dbFile = join(dataDir, 'ferry.db');
openHistory(dbFile).close();

let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};
sample();
const baselineRss = process.memoryUsage().rss;
const timer = setInterval(sample, 20);

const preparer = attachmentPreparer(dataDir, dbFile);
const imports = createImportService({
  dataDir,
  dbFile,
  attachmentsDir: preparer.attachmentsDir,
  prepareAttachment: preparer.prepareAttachment,
  logger: createLogger(() => {}),
  onChange: sample,
  onCommitted: () => {},
  addConnections: () => {},
});
const t0 = performance.now();
const staged = await imports.fromFile(file);
const parsedAt = performance.now();
if (staged.state !== 'ready') throw new Error(`import ended ${staged.state}: ${JSON.stringify(staged.error)}`);
const done = imports.commit(staged.id);
const t1 = performance.now();
sample();
clearInterval(timer);
await imports.shutdown();
preparer.close();
console.log(
  JSON.stringify({
    parseMs: parsedAt - t0,
    commitMs: t1 - parsedAt,
    conversations: done.result?.conversations ?? 0,
    messages: done.result?.messages ?? 0,
    previewMessages: staged.preview?.messages ?? 0,
    baselineRssMB: baselineRss / 2 ** 20,
    peakRssMB: peakRss / 2 ** 20,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    peakHeapMB: peakHeap / 2 ** 20,
  }),
);
