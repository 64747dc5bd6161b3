import { create } from 'zustand';
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES } from '../../../../shared/data-routes';
import type { ImportJob } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { isRunning, mergeJob } from './import-job';
import { readBase64 } from './read-chunk';

/**
 * The one import on screen, wherever it was started (the file button in Settings › Data, or a file
 * dropped on the window): the file goes to main in chunks, main reads it and reports progress as
 * `import.progress` events, a preview waits for "Import" or "Cancel".
 */
interface ImportState {
  job: ImportJob | null;
  /** A request to main that failed (the bridge dropped…), or a file refused before sending it; the job may not exist. */
  failure: unknown;
  /** True between "Import" and main's answer. */
  committing: boolean;
}

export const useImportStore = create<ImportState>()(() => ({ job: null, failure: null, committing: false }));

/** A file over the limit is refused here, with the import's own sentence for it. */
export const TOO_LARGE = 'too_large' as const;

let listening = false;
/** The upload in flight; Cancel flips it so the next chunk is not sent. */
let uploading: { cancelled: boolean } | null = null;

const apply = (incoming: ImportJob) => useImportStore.setState((s) => ({ job: mergeJob(s.job, incoming) }));

function listen(): void {
  if (listening) return;
  listening = true;
  getApi().on('import.progress', apply);
}

/** Starts importing `file`; a finished or previewed import on screen gives way to it. Refused while one runs. */
export async function startImport(file: File): Promise<boolean> {
  const current = useImportStore.getState();
  if (isRunning(current.job) || current.committing) return false;
  listen();
  const api = getApi();
  if (current.job?.state === 'ready') void api.call('import.cancel', { jobId: current.job.id }).catch(() => {});
  if (file.size > MAX_IMPORT_BYTES) {
    useImportStore.setState({ job: null, failure: TOO_LARGE, committing: false });
    return true;
  }
  const upload = (uploading = { cancelled: false });
  useImportStore.setState({ job: null, failure: null, committing: false });
  try {
    let job = await api.call('import.start', { fileName: file.name || 'import', size: file.size });
    useImportStore.setState({ job });
    for (let offset = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES) {
      if (upload.cancelled) return true;
      const data = await readBase64(file.slice(offset, offset + IMPORT_CHUNK_BYTES));
      if (upload.cancelled) return true;
      job = await api.call('import.upload', { jobId: job.id, offset, data });
      apply(job);
    }
    apply(await api.call('import.parse', { jobId: job.id }));
  } catch (failure) {
    // Cancelled meanwhile: main refuses the next chunk, which is what was wanted.
    if (!upload.cancelled) useImportStore.setState({ failure });
  } finally {
    if (uploading === upload) uploading = null;
  }
  return true;
}

export async function cancelImport(): Promise<void> {
  const { job } = useImportStore.getState();
  if (uploading) uploading.cancelled = true;
  if (!job) return;
  try {
    apply(await getApi().call('import.cancel', { jobId: job.id }));
  } catch (failure) {
    useImportStore.setState({ failure });
  }
}

export async function commitImport(): Promise<void> {
  const { job } = useImportStore.getState();
  if (!job || job.state !== 'ready') return;
  useImportStore.setState({ committing: true });
  try {
    apply(await getApi().call('import.commit', { jobId: job.id }));
  } catch (failure) {
    useImportStore.setState({ failure });
  } finally {
    useImportStore.setState({ committing: false });
  }
}
