import { join } from 'node:path';
import { createLogger } from '../../../electron/core/logger';
import { AttachmentService } from '../../../electron/services/attachments/attachment-service';
import { createBlobFiles } from '../../../electron/services/attachments/blob-files';
import { Extractor } from '../../../electron/services/attachments/extractor';
import { openHistory } from '../../../electron/services/storage/open-history';

/**
 * The import service's attachment door as the core wires it (a real AttachmentService on the data
 * folder's history and attachments store), for tests and benchmarks that build an import service
 * without a whole core.
 */
export function attachmentPreparer(dataDir: string, dbFile = join(dataDir, 'ferry.db')) {
  const history = openHistory(dbFile);
  const attachmentsDir = join(dataDir, 'attachments');
  const service = new AttachmentService({ history, blobs: createBlobFiles(attachmentsDir), extractor: new Extractor(), logger: createLogger(() => {}) });
  return {
    attachmentsDir,
    prepareAttachment: (bytes: Buffer, name: string) => service.prepare(bytes, name),
    close() {
      service.close();
      history.close();
    },
  };
}
