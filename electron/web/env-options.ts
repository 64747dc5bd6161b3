/**
 * `FERRY_STORAGE_RETRY_MS`: the first pause, in milliseconds, before answers the disk refused are
 * written again without a click. Unset: the default (2 s). The end-to-end test of the Retry button
 * sets it long, so the automatic write cannot take the click's place.
 */
export function storageRetryMs(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100) throw new Error(`FERRY_STORAGE_RETRY_MS must be a whole number of milliseconds (at least 100), got ${value}`);
  return ms;
}
