import { describe, expect, it } from 'vitest';
import { setApi, type ApiClient } from '../../api';
import { startImport, TOO_LARGE, useImportStore } from './import-store';

describe('starting an import', () => {
  it('refuses a file over 8 GB before sending any of it, with the import\'s own sentence', async () => {
    const calls: string[] = [];
    setApi({ call: (route: string) => (calls.push(route), Promise.reject(new Error('not expected'))), on: () => () => {} } as unknown as ApiClient);
    const huge = { name: 'conversations.json', size: 9 * 1024 ** 3, slice: () => new Blob() } as unknown as File;
    expect(await startImport(huge)).toBe(true);
    expect(useImportStore.getState()).toMatchObject({ job: null, failure: TOO_LARGE });
    expect(calls).toEqual([]);
  });
});
