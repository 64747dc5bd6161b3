import type { Handlers } from '../router';
import type { ImportService } from '../../services/import/import-service';

type ImportHandlers = Pick<Handlers, 'import.start' | 'import.upload' | 'import.parse' | 'import.status' | 'import.cancel' | 'import.commit'>;

export function importHandlers(imports: ImportService): ImportHandlers {
  return {
    'import.start': ({ fileName, size }) => imports.start(fileName, size),
    'import.upload': ({ jobId, offset, data }) => imports.upload(jobId, offset, Buffer.from(data, 'base64')),
    'import.parse': ({ jobId }) => imports.parse(jobId),
    'import.status': ({ jobId }) => imports.status(jobId),
    'import.cancel': ({ jobId }) => imports.cancel(jobId),
    'import.commit': ({ jobId }) => imports.commit(jobId),
  };
}
