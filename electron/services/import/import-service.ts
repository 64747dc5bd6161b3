import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportErrorCode, ImportFormat, ImportJob, ImportPreview, SkipReason } from '../../../shared/schemas';
import { MAX_IMPORT_BYTES } from '../../../shared/data-routes';
import { FerryError } from '../../core/app-error';
import type { Logger } from '../../core/logger';
import type { BackupConnection } from '../export/ferry-backup-schema';
import { commitStaged, compareWithHistory, moveStagedFiles } from './commit';
import { detectFormat } from './detect';
import { readChatbox } from './formats/chatbox-reader';
import { readChatGpt } from './formats/chatgpt-reader';
import { readCherry } from './formats/cherry-reader';
import { ferryReader } from './formats/ferry-reader';
import { readNextChat } from './formats/nextchat-reader';
import { ImportFileError, type ImportedConversation, type ImportReader, type PreparedAttachment } from './model';
import { normalizeConversation } from './normalize';
import { StagingStore } from './staging';
import type { ZipArchive } from './zip';

export interface ImportServiceDeps {
  dataDir: string;
  dbFile: string;
  /** The attachments store's folder (content-addressed, see attachments/blob-files.ts). */
  attachmentsDir: string;
  /**
   * An image or document as Ferry keeps attachments (AttachmentService.prepare): checked, converted,
   * not stored. Throws for what Ferry cannot read.
   */
  prepareAttachment(bytes: Buffer, name: string): Promise<PreparedAttachment>;
  logger: Logger;
  /** Every state change of a job (throttled while parsing). */
  onChange(job: ImportJob): void;
  /** After a commit: the history changed under the UI. */
  onCommitted(result: { conversations: number; messages: number; assistants: number; prompts: number; touched: string[] }): void;
  /** Ferry backups carry connections (without keys): added when their id is unknown. */
  addConnections(connections: BackupConnection[]): void;
  now?: () => number;
}

interface Job {
  view: ImportJob;
  dir: string;
  file: string;
  abort: AbortController;
  staging: StagingStore | null;
  format: ImportFormat | null;
  connections: BackupConnection[];
  running: Promise<void> | null;
}

class Cancelled extends Error {}

const readers: Record<Exclude<ImportFormat, 'ferry'>, ImportReader> = {
  chatgpt: readChatGpt,
  nextchat: readNextChat,
  chatbox: readChatbox,
  cherry: readCherry,
};

/**
 * Import in three steps the UI can follow: the file arrives (uploaded in chunks, or given as a path),
 * is parsed into a scratch database while the UI shows counts (Cancel stops it), and a preview
 * waits for the user; "Import" then moves everything into the history in one transaction.
 * A refused file leaves the history exactly as it was.
 */
export function createImportService(deps: ImportServiceDeps) {
  const now = deps.now ?? Date.now;
  const root = join(deps.dataDir, 'imports');
  // Whatever an earlier run left (a crash mid-import) is scratch.
  rmSync(root, { recursive: true, force: true });
  const jobs = new Map<string, Job>();
  let lastEmit = 0;

  const emit = (job: Job, force = false) => {
    const at = Date.now();
    if (!force && at - lastEmit < 100) return;
    lastEmit = at;
    deps.onChange({ ...job.view });
  };
  const find = (id: string): Job => {
    const job = jobs.get(id);
    if (!job) throw new FerryError('not_found', 'No such import');
    return job;
  };
  const fail = (job: Job, code: ImportErrorCode, detail?: string) => {
    job.view = { ...job.view, state: 'failed', error: { code, ...(detail ? { detail: detail.slice(0, 500) } : {}) } };
    cleanup(job);
    emit(job, true);
  };
  const cleanup = (job: Job) => {
    job.staging?.discard();
    job.staging = null;
    rmSync(job.dir, { recursive: true, force: true });
  };

  const create = (fileName: string, totalBytes: number, file?: string): Job => {
    const id = randomUUID();
    const dir = join(root, id);
    mkdirSync(dir, { recursive: true });
    const job: Job = {
      view: { id, fileName: fileName.slice(0, 300), state: 'uploading', bytes: 0, totalBytes, conversations: 0, messages: 0, preview: null, error: null, result: null },
      dir,
      file: file ?? join(dir, 'upload.bin'),
      abort: new AbortController(),
      staging: null,
      format: null,
      connections: [],
      running: null,
    };
    if (!file) writeFileSync(job.file, '');
    jobs.set(id, job);
    return job;
  };

  /**
   * Turns the bytes of each attachment into one Ferry keeps (the same checks and conversion as a file
   * added in the composer). What Ferry cannot read keeps its bytes out and a placeholder line in the
   * message. Returns how many were unreadable.
   */
  async function prepareAttachments(conversation: ImportedConversation): Promise<number> {
    let unreadable = 0;
    for (const message of conversation.messages) {
      for (const attachment of message.attachments) {
        if (!attachment.data || attachment.prepared) continue;
        try {
          attachment.prepared = await deps.prepareAttachment(attachment.data, attachment.name);
        } catch (error) {
          if (!(error instanceof FerryError)) deps.logger.warn(`an imported attachment could not be read: ${String(error)}`);
          unreadable++;
        }
      }
    }
    return unreadable;
  }

  async function parse(job: Job): Promise<void> {
    job.view = { ...job.view, state: 'parsing', bytes: 0 };
    emit(job, true);
    let zip: ZipArchive | null = null;
    const skipped = new Map<SkipReason, number>();
    try {
      const detected = await detectFormat(job.file);
      zip = detected.zip;
      job.format = detected.format;
      const staging = (job.staging = new StagingStore(join(job.dir, 'staging'), detected.format));
      const reader = detected.format === 'ferry' ? ferryReader(job.connections) : readers[detected.format];
      const size = statSync(job.file).size;
      job.view.totalBytes = size;
      const ctx = {
        scratchDir: job.dir,
        onBytes: (bytes: number, total?: number) => {
          if (total !== undefined) job.view.totalBytes = total;
          job.view.bytes = bytes;
          emit(job);
        },
      };
      for await (const item of reader({ file: job.file, size, zip }, ctx)) {
        if (job.abort.signal.aborted) throw new Cancelled();
        if (item.kind === 'conversation') {
          skipped.set('unreadable_attachment', (skipped.get('unreadable_attachment') ?? 0) + (await prepareAttachments(item.conversation)));
          if (job.abort.signal.aborted) throw new Cancelled();
          staging.addConversation(normalizeConversation(detected.format, item.conversation, now()));
          job.view.conversations = staging.conversations;
          job.view.messages = staging.messages;
        } else if (item.kind === 'assistant') staging.addAssistant(item.assistant);
        else if (item.kind === 'prompt') staging.addPrompt(item.prompt);
        else if (item.kind === 'attachment') staging.addAttachment(item.attachment);
        else if (item.kind === 'skipped') skipped.set(item.reason, (skipped.get(item.reason) ?? 0) + item.count);
        else if (item.kind === 'offer') staging.addOffer(item.offer);
        else staging.sourceVersion = item.version;
      }
      if (job.abort.signal.aborted) throw new Cancelled();
      if (staging.conversations === 0 && staging.assistants === 0 && staging.prompts === 0) throw new ImportFileError('empty', 'nothing to import in this file');
      staging.finish();
      const compared = compareWithHistory(deps.dbFile, staging.dbFile);
      const preview: ImportPreview = {
        format: detected.format,
        sourceVersion: staging.sourceVersion,
        conversations: staging.conversations,
        messages: staging.messages,
        branched: staging.branched,
        attachments: staging.attachments,
        missingAttachments: staging.missingAttachments,
        assistants: staging.assistants,
        prompts: staging.prompts,
        alreadyImported: compared.alreadyImported,
        newMessages: compared.newMessages,
        firstAt: staging.firstAt,
        lastAt: staging.lastAt,
        skipped: [...skipped].filter(([, count]) => count > 0).map(([reason, count]) => ({ reason, count })),
        connectionOffers: staging.offers.slice(0, 50),
      };
      job.view = { ...job.view, state: 'ready', bytes: job.view.totalBytes, preview };
      emit(job, true);
    } catch (error) {
      if (error instanceof Cancelled || job.abort.signal.aborted) {
        job.view = { ...job.view, state: 'cancelled' };
        cleanup(job);
        emit(job, true);
      } else if (error instanceof ImportFileError) fail(job, error.code, error.message);
      else {
        deps.logger.error('import failed unexpectedly', error);
        fail(job, 'malformed', error instanceof Error ? error.message : String(error));
      }
    } finally {
      zip?.close();
    }
  }

  const startParse = (job: Job) => {
    job.running = parse(job).finally(() => (job.running = null));
    return job.running;
  };

  return {
    /** Begins an upload of `size` bytes; chunks follow with `upload`. */
    start(fileName: string, size: number): ImportJob {
      if (size > MAX_IMPORT_BYTES) throw new FerryError('invalid_input', 'The file is too large to import');
      return { ...create(fileName, size).view };
    },
    upload(id: string, offset: number, data: Buffer): ImportJob {
      const job = find(id);
      if (job.view.state !== 'uploading') throw new FerryError('busy', 'This import is not receiving a file');
      if (offset !== job.view.bytes) throw new FerryError('invalid_input', `Expected the chunk at ${job.view.bytes}, got ${offset}`);
      if (job.view.bytes + data.length > job.view.totalBytes) throw new FerryError('invalid_input', 'More data than announced');
      appendFileSync(job.file, data);
      job.view.bytes += data.length;
      emit(job);
      return { ...job.view };
    },
    /** Upload complete: parsing runs in the background; progress arrives as events. */
    parse(id: string): ImportJob {
      const job = find(id);
      if (job.view.state !== 'uploading') throw new FerryError('busy', 'This import has already been read');
      if (job.view.bytes !== job.view.totalBytes) {
        fail(job, 'upload_incomplete', `${job.view.bytes} of ${job.view.totalBytes} bytes arrived`);
        return { ...job.view };
      }
      void startParse(job);
      return { ...job.view };
    },
    /** For the host and tests: imports a file already on disk (it is only read, never moved). */
    async fromFile(file: string, fileName = file): Promise<ImportJob> {
      const job = create(fileName, statSync(file).size, file);
      await startParse(job);
      return { ...job.view };
    },
    status(id: string): ImportJob {
      return { ...find(id).view };
    },
    async cancel(id: string): Promise<ImportJob> {
      const job = find(id);
      if (job.view.state === 'uploading' || job.view.state === 'parsing' || job.view.state === 'ready') {
        job.abort.abort();
        if (job.running) await job.running;
        if ((job.view.state as ImportJob['state']) !== 'cancelled') {
          job.view = { ...job.view, state: 'cancelled' };
          cleanup(job);
          emit(job, true);
        }
      }
      return { ...job.view };
    },
    commit(id: string): ImportJob {
      const job = find(id);
      if (job.view.state !== 'ready' || !job.staging) throw new FerryError('busy', 'This import is not ready');
      job.view = { ...job.view, state: 'committing' };
      emit(job, true);
      try {
        moveStagedFiles(job.staging.filesDir, deps.attachmentsDir);
        const result = commitStaged(deps.dbFile, job.staging.dbFile, now());
        if (job.format === 'ferry' && job.connections.length > 0) deps.addConnections(job.connections);
        job.view = { ...job.view, state: 'done', result: { conversations: result.conversations, messages: result.messages, assistants: result.assistants } };
        cleanup(job);
        emit(job, true);
        deps.onCommitted(result);
      } catch (error) {
        deps.logger.error('import commit failed; the history was left as it was', error);
        fail(job, 'io', error instanceof Error ? error.message : String(error));
      }
      return { ...job.view };
    },
    async shutdown(): Promise<void> {
      for (const job of jobs.values()) {
        job.abort.abort();
        await job.running?.catch(() => {});
        cleanup(job);
      }
      jobs.clear();
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
