import type { Handlers } from '../router';
import type { AttachmentService } from '../../services/attachments/attachment-service';

type AttachmentHandlers = Pick<Handlers, 'attachments.begin' | 'attachments.chunk' | 'attachments.finish' | 'attachments.cancel' | 'attachments.image'>;

/** Adding files in chunks, and reading a stored image back for the full-size view. */
export function attachmentHandlers(attachments: AttachmentService): AttachmentHandlers {
  return {
    'attachments.begin': (input) => attachments.begin(input),
    'attachments.chunk': (input) => attachments.chunk(input),
    'attachments.finish': ({ uploadId }) => attachments.finish(uploadId),
    'attachments.cancel': ({ uploadId }) => attachments.cancel(uploadId),
    'attachments.image': ({ id }) => attachments.imageDataUrl(id),
  };
}
