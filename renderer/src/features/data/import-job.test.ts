import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../../shared/schemas';
import { isFinished, isRunning, mergeJob } from './import-job';

const job = (patch: Partial<ImportJob>): ImportJob => ({
  id: 'j1',
  fileName: 'conversations.json',
  state: 'uploading',
  bytes: 0,
  totalBytes: 100,
  conversations: 0,
  messages: 0,
  preview: null,
  error: null,
  result: null,
  ...patch,
});

describe('import job updates', () => {
  it('never moves a job backwards: a late "parsing" answer does not hide the preview its event brought', () => {
    const ready = job({ state: 'ready', bytes: 100 });
    expect(mergeJob(ready, job({ state: 'parsing', bytes: 10 }))).toBe(ready);
    expect(mergeJob(job({ state: 'parsing', bytes: 40 }), job({ state: 'parsing', bytes: 20 }))?.bytes).toBe(40);
    expect(mergeJob(job({ state: 'parsing', bytes: 40 }), job({ state: 'parsing', bytes: 60 }))?.bytes).toBe(60);
    expect(mergeJob(job({ state: 'parsing' }), ready)).toBe(ready);
  });

  it('ignores another job\'s events, and has nothing to merge into before the job exists', () => {
    const mine = job({ state: 'parsing' });
    expect(mergeJob(mine, job({ id: 'other', state: 'ready' }))).toBe(mine);
    expect(mergeJob(null, job({ state: 'ready' }))).toBeNull();
  });

  it('tells running from finished', () => {
    expect(isRunning(job({ state: 'uploading' }))).toBe(true);
    expect(isRunning(job({ state: 'ready' }))).toBe(false);
    expect(isFinished(job({ state: 'ready' }))).toBe(false);
    expect(['done', 'failed', 'cancelled'].every((state) => isFinished(job({ state: state as ImportJob['state'] })))).toBe(true);
  });
});
