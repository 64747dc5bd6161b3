import { ATTACHMENT_LIMITS, type AttachmentProblem, type AttachmentRef } from '../../../../shared/schemas';
import { getApi, toApiError } from '../../api';

/** Why a file did not make it: one of main's reasons, or the browser could not read it from disk. */
export type DraftProblem = AttachmentProblem | 'local_unreadable' | 'other';

export class UploadError extends Error {
  constructor(
    readonly problem: DraftProblem,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** Base64 of a chunk, in slices: String.fromCharCode with too many arguments overflows the stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends a file to main in chunks through the typed API (no path ever leaves the page) and returns
 * what main stored. Sizes are checked before anything is read: a 200 MB video is refused at once.
 */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<AttachmentRef> {
  if (file.size === 0) throw new UploadError('empty', 'empty file');
  if (file.size > ATTACHMENT_LIMITS.maxFileBytes) throw new UploadError('too_large', 'file too large');
  const api = getApi();
  let uploadId: string | null = null;
  try {
    ({ uploadId } = await api.call('attachments.begin', { name: file.name.slice(0, 255) || 'file', type: file.type.slice(0, 200), size: file.size }));
    for (let index = 0, at = 0; at < file.size; index++, at += ATTACHMENT_LIMITS.chunkBytes) {
      if (signal?.aborted) throw new UploadError('other', 'cancelled');
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.slice(at, at + ATTACHMENT_LIMITS.chunkBytes).arrayBuffer());
      } catch {
        // NotReadableError / NotFoundError: no permission, moved, or changed since it was picked.
        throw new UploadError('local_unreadable', 'the browser could not read the file');
      }
      await api.call('attachments.chunk', { uploadId, index, data: toBase64(bytes) });
    }
    const ref = await api.call('attachments.finish', { uploadId });
    uploadId = null;
    return ref;
  } catch (error) {
    if (uploadId) void api.call('attachments.cancel', { uploadId }).catch(() => {});
    if (error instanceof UploadError) throw error;
    const apiError = toApiError(error);
    const problem = apiError.code === 'attachment_rejected' ? (apiError.details?.problem as AttachmentProblem | undefined) : undefined;
    throw new UploadError(problem ?? 'other', apiError.message);
  }
}
