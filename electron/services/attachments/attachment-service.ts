import { createHash, randomUUID } from 'node:crypto';
import { ATTACHMENT_LIMITS, type AttachmentProblem, type AttachmentRef, type Message } from '../../../shared/schemas';
import { FerryError } from '../../core/app-error';
import type { Logger } from '../../core/logger';
import type { HistoryRepository } from '../storage/types';
import type { StoredAttachment } from './attachment-store';
import { toRef } from './attachment-store';
import type { BlobFiles } from './blob-files';
import { decodeText, joinPages, limitText } from './document-text';
import { ExtractError, type Extractor } from './extractor';
import { imageTokens, ImageError, prepareImage } from './image-prep';
import { sniff } from './sniff';
import type { ContentPart } from '../upstream/types';
import { resolveAttachments, userContent } from './upstream-content';

export interface AttachmentServiceDeps {
  history: HistoryRepository;
  blobs: BlobFiles;
  extractor: Extractor;
  logger: Logger;
  now?: () => number;
}

interface Upload {
  name: string;
  size: number;
  parts: Buffer[];
  received: number;
  startedAt: number;
}

/** An upload not finished within this is dropped (a tab closed mid-way). */
const UPLOAD_TTL_MS = 10 * 60_000;
const MAX_OPEN_UPLOADS = 16;
/** A file not sent within this (a draft abandoned) is deleted by the clean-up. */
const UNSENT_TTL_MS = 24 * 60 * 60_000;

const refuse = (problem: AttachmentProblem, message: string, name?: string) =>
  new FerryError('attachment_rejected', message, { problem, ...(name ? { name } : {}) });

/**
 * Takes files from the UI in chunks, checks them by their bytes, converts them (images downscaled
 * and re-encoded, documents turned into text on a worker thread) and stores each once under the
 * hash of its bytes. Also cleans up files no message uses.
 */
export class AttachmentService {
  private readonly uploads = new Map<string, Upload>();
  private readonly now: () => number;

  constructor(private readonly deps: AttachmentServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  begin(input: { name: string; size: number }): { uploadId: string } {
    this.expireUploads();
    if (input.size === 0) throw refuse('empty', 'The file is empty', input.name);
    if (input.size > ATTACHMENT_LIMITS.maxFileBytes) throw refuse('too_large', 'The file is larger than the limit', input.name);
    if (this.uploads.size >= MAX_OPEN_UPLOADS) throw new FerryError('busy', 'Too many files are being added at once');
    const uploadId = randomUUID();
    this.uploads.set(uploadId, { name: input.name, size: input.size, parts: [], received: 0, startedAt: this.now() });
    return { uploadId };
  }

  chunk(input: { uploadId: string; index: number; data: string }): { received: number } {
    const upload = this.upload(input.uploadId);
    if (input.index !== upload.parts.length) throw new FerryError('invalid_input', 'Chunks must arrive in order');
    const bytes = Buffer.from(input.data, 'base64');
    if (upload.received + bytes.length > upload.size) {
      this.uploads.delete(input.uploadId);
      throw refuse('too_large', 'More bytes arrived than the file was said to have', upload.name);
    }
    upload.parts.push(bytes);
    upload.received += bytes.length;
    return { received: upload.received };
  }

  cancel(uploadId: string): { cancelled: boolean } {
    return { cancelled: this.uploads.delete(uploadId) };
  }

  async finish(uploadId: string): Promise<AttachmentRef> {
    const upload = this.upload(uploadId);
    this.uploads.delete(uploadId);
    if (upload.received !== upload.size) throw new FerryError('invalid_input', 'The file did not arrive whole');
    const prepared = await this.prepare(Buffer.concat(upload.parts), upload.name);
    if (prepared.bytes) {
      await this.deps.blobs.write(prepared.stored.id, prepared.bytes);
      this.deps.history.putAttachment(prepared.stored);
    }
    return toRef(this.deps.history.getAttachment(prepared.stored.id) ?? prepared.stored, upload.name);
  }

  /**
   * What these bytes become as an attachment — checked by their bytes, an image downscaled and
   * re-encoded, a document's text extracted — without storing anything: the composer's upload
   * stores it at once, an import when the user confirms. `bytes` is null when this data folder holds
   * the file already. Refuses (FerryError `attachment_rejected`) what the composer would refuse.
   */
  async prepare(input: Buffer, name: string): Promise<{ stored: StoredAttachment; bytes: Buffer | null }> {
    if (input.length === 0) throw refuse('empty', 'The file is empty', name);
    if (input.length > ATTACHMENT_LIMITS.maxFileBytes) throw refuse('too_large', 'The file is larger than the limit', name);
    const id = createHash('sha256').update(input).digest('hex');
    const known = this.deps.history.getAttachment(id);
    if (known && (await this.hasFile(id))) return { stored: known, bytes: null };
    return this.convert(id, input, name);
  }

  /** The stored image as a data URL, for the full-size view. */
  async imageDataUrl(id: string): Promise<{ dataUrl: string }> {
    const stored = this.deps.history.getAttachment(id);
    if (!stored || stored.kind !== 'image') throw new FerryError('not_found', 'No such image');
    const bytes = await this.deps.blobs.read(id).catch(() => {
      throw new FerryError('not_found', 'The image file is missing from the data folder');
    });
    return { dataUrl: `data:${stored.mime};base64,${bytes.toString('base64')}` };
  }

  /** The refs for a message about to be sent; refuses ids that are not (or no longer) stored. */
  refsFor(items: ReadonlyArray<{ id: string; name: string }>): AttachmentRef[] {
    return items.map((item) => {
      const stored = this.deps.history.getAttachment(item.id);
      if (!stored) throw refuse('expired', 'The attachment is no longer stored; add it again', item.name);
      return toRef(stored, item.name);
    });
  }

  /**
   * Deletes files that no message uses (kept a day after they were added, so a draft survives),
   * and files whose row is gone. Returns how many went.
   */
  async collectGarbage(): Promise<number> {
    const { history, blobs, logger } = this.deps;
    let removed = 0;
    for (const id of history.unusedAttachments(this.now() - UNSENT_TTL_MS)) {
      if (!history.removeAttachment(id)) continue;
      await blobs.remove(id).catch((error: unknown) => logger.warn(`could not delete attachment file ${id}: ${String(error)}`));
      removed += 1;
    }
    const known = history.attachmentIds();
    for (const id of await blobs.list()) {
      if (known.has(id)) continue;
      await blobs.remove(id).catch(() => {});
      removed += 1;
    }
    return removed;
  }

  /**
   * The content of every user turn in `path` that has attachments: documents as text, images as
   * data URLs read from their files. Keyed by message id; turns without attachments are absent.
   */
  async turnContents(conversationId: string, path: readonly Message[]): Promise<Map<string, string | ContentPart[]>> {
    const linked = this.deps.history.conversationAttachments(conversationId);
    const out = new Map<string, string | ContentPart[]>();
    for (const message of path) {
      const items = message.role === 'user' ? linked.get(message.id) : undefined;
      if (!items?.length) continue;
      const resolved = await resolveAttachments(items, (id) => this.deps.blobs.read(id));
      out.set(message.id, userContent(message.content, resolved));
    }
    return out;
  }

  /** Every message of the conversation with its attachments, as the UI shows them. */
  withRefs<M extends Message>(conversationId: string, messages: M[]): M[] {
    const linked = this.deps.history.conversationAttachments(conversationId);
    if (linked.size === 0) return messages;
    return messages.map((m) => {
      const items = linked.get(m.id);
      return items ? { ...m, attachments: items.map((a) => toRef(a, a.name)) } : m;
    });
  }

  /**
   * The same for a few messages (a conversation's window), one indexed look-up each: the whole
   * conversation's look-up reads every one of its rows, which is most of what opening a window costs.
   */
  withRefsOf<M extends Message>(messages: M[]): M[] {
    return messages.map((m) => {
      const items = this.deps.history.messageAttachments(m.id);
      return items.length ? { ...m, attachments: items.map((a) => toRef(a, a.name)) } : m;
    });
  }

  close(): void {
    this.uploads.clear();
    this.deps.extractor.close();
  }

  private upload(uploadId: string): Upload {
    this.expireUploads();
    const upload = this.uploads.get(uploadId);
    if (!upload) throw refuse('expired', 'The upload is unknown or took too long; add the file again');
    return upload;
  }

  private expireUploads(): void {
    const cutoff = this.now() - UPLOAD_TTL_MS;
    for (const [id, upload] of this.uploads) if (upload.startedAt < cutoff) this.uploads.delete(id);
  }

  private async hasFile(id: string): Promise<boolean> {
    return this.deps.blobs.read(id).then(
      () => true,
      () => false,
    );
  }

  private async convert(id: string, bytes: Buffer, name: string): Promise<{ stored: StoredAttachment; bytes: Buffer }> {
    const kind = sniff(bytes, name);
    const base = { id, originalSize: bytes.length, width: null, height: null, pages: null, text: null, truncated: false, thumbnail: null };
    switch (kind.kind) {
      case 'executable':
        throw refuse('executable', 'The file is a program, not a document or an image', name);
      case 'unsupported':
        throw refuse('unsupported', 'This kind of file cannot be read', name);
      case 'image': {
        let image;
        try {
          image = await prepareImage(bytes, kind.format);
        } catch (error) {
          if (error instanceof ImageError) throw refuse('unreadable', `The image could not be read: ${error.message}`, name);
          throw error;
        }
        const stored: StoredAttachment = {
          ...base,
          kind: 'image',
          mime: image.mime,
          size: image.bytes.length,
          width: image.width,
          height: image.height,
          tokens: imageTokens(image.width, image.height),
          thumbnail: image.thumbnail,
        };
        return { stored, bytes: image.bytes };
      }
      default: {
        const { text, pages, mime, cut } = await this.documentText(kind.kind, bytes, name);
        if (text.replace(/\[Page \d+\]/g, '').trim() === '') throw refuse('no_text', 'No text could be found in the document', name);
        const limited = limitText(text);
        const tokens = await this.deps.extractor.tokens(limited.text);
        const truncated = limited.truncated || cut === true;
        return { stored: { ...base, kind: 'document', mime, size: bytes.length, pages, text: limited.text, truncated, tokens }, bytes };
      }
    }
  }

  private async documentText(
    kind: 'pdf' | 'docx' | 'text',
    bytes: Buffer,
    name: string,
  ): Promise<{ text: string; pages: number | null; mime: string; cut?: boolean }> {
    try {
      if (kind === 'pdf') {
        const pdf = await this.deps.extractor.pdf(new Uint8Array(bytes), ATTACHMENT_LIMITS.maxDocumentChars);
        // Pages left unread count as cut: the note then says the model saw only the first ones.
        return { text: joinPages(pdf.pages), pages: pdf.totalPages, mime: 'application/pdf', cut: pdf.cut };
      }
      if (kind === 'docx') {
        const { text } = await this.deps.extractor.docx(new Uint8Array(bytes));
        return { text, pages: null, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
      }
    } catch (error) {
      if (error instanceof ExtractError) {
        const problem = error.problem === 'encrypted' ? 'encrypted' : 'unreadable';
        throw refuse(problem, `The document could not be read: ${error.message}`, name);
      }
      throw error;
    }
    const text = decodeText(bytes);
    if (text === null) throw refuse('unreadable', 'The file is not text in an encoding Ferry knows', name);
    return { text, pages: null, mime: 'text/plain' };
  }
}
