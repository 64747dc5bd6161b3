import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportJob } from '../../../shared/schemas';
import type { TestCore } from './test-core';

/** Sends a file through the import routes the way the UI does (chunks, parse, wait for the preview). */
export async function stageImport(t: TestCore, file: string, chunkBytes = 64 * 1024): Promise<ImportJob> {
  const bytes = readFileSync(file);
  let job = await t.call('import.start', { fileName: basename(file), size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    job = await t.call('import.upload', { jobId: job.id, offset, data: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
  }
  job = await t.call('import.parse', { jobId: job.id });
  for (let i = 0; i < 600 && (job.state === 'parsing' || job.state === 'uploading'); i++) {
    await new Promise((r) => setTimeout(r, 20));
    job = await t.call('import.status', { jobId: job.id });
  }
  return job;
}

export async function importFile(t: TestCore, file: string): Promise<ImportJob> {
  const staged = await stageImport(t, file);
  if (staged.state !== 'ready') throw new Error(`import of ${file} ended ${staged.state}: ${JSON.stringify(staged.error)}`);
  return t.call('import.commit', { jobId: staged.id });
}
