import type { ConnectionOffer, PromptFields, SkipReason } from '../../../shared/schemas';
import type { StoredAttachment } from '../attachments/attachment-store';

/**
 * The common import model every format is converted to: a conversation with its whole message
 * tree (source ids kept, so stable Ferry ids can be derived), assistants, and what was left out.
 */
export interface ImportedAttachment {
  name: string;
  mime: string | null;
  /** The file's bytes when the source holds them; null = mentioned but absent (placeholder). */
  data: Buffer | null;
  /** Where the source keeps it (a ChatGPT asset pointer, a zip entry): the reader fills `data` from it. */
  ref?: string;
  /**
   * An attachment the file itself describes as Ferry stores it (Ferry's own backup: its `attachments`
   * list holds the bytes once, messages name them by id).
   */
  storedId?: string;
  /** `data` as Ferry keeps it (checked, an image downscaled, a document's text extracted); set by the import. */
  prepared?: PreparedAttachment;
}

/** What an attachment becomes in Ferry: its row, and the bytes to store (null: already stored here). */
export interface PreparedAttachment {
  stored: StoredAttachment;
  bytes: Buffer | null;
}

export interface ImportedMessage {
  sourceId: string;
  parentSourceId: string | null;
  role: 'system' | 'user' | 'assistant';
  content: string;
  reasoning: string;
  model: string | null;
  /** ms since the epoch; null = unknown (the conversation's time is used, order kept). */
  createdAt: number | null;
  status: 'done' | 'error';
  attachments: ImportedAttachment[];
  /** Ferry's own backup carries what other formats cannot. */
  extra?: { updatedAt?: number; reasoningMs?: number | null; errorJson?: string | null; promptTokens?: number | null; completionTokens?: number | null; usageEstimated?: boolean | null };
}

export interface ImportedConversation {
  sourceId: string;
  title: string;
  createdAt: number | null;
  updatedAt: number | null;
  model: string | null;
  /** The leaf on screen in the source app; null = the newest message. */
  activeLeafSourceId: string | null;
  systemPrompt: string | null;
  pinned: boolean;
  messages: ImportedMessage[];
  extra?: {
    titleIsAuto?: boolean;
    connectionId?: string | null;
    contextMessages?: number | null;
    temperature?: number | null;
    topP?: number | null;
    maxTokens?: number | null;
    assistantId?: string | null;
  };
}

export interface ImportedPrompt extends PromptFields {
  sourceId: string;
}

export interface ImportedAssistant {
  sourceId: string;
  /** Where a Ferry backup's assistant first came from (null: made in Ferry); other formats name themselves. */
  source?: string | null;
  /** Fields only Ferry's own assistants have. */
  connectionId?: string | null;
  reasoningEffort?: 'minimal' | 'low' | 'medium' | 'high' | null;
  name: string;
  avatar: string | null;
  systemPrompt: string;
  model: string | null;
  params: {
    temperature?: number | null;
    topP?: number | null;
    maxTokens?: number | null;
    contextMessages?: number | null;
    presencePenalty?: number | null;
    frequencyPenalty?: number | null;
  };
}

/** What a reader yields, in file order. */
export type ImportItem =
  | { kind: 'conversation'; conversation: ImportedConversation }
  | { kind: 'assistant'; assistant: ImportedAssistant }
  | { kind: 'prompt'; prompt: ImportedPrompt }
  /** Ferry's backup: a stored attachment with its bytes, named by id from its messages. */
  | { kind: 'attachment'; attachment: PreparedAttachment }
  | { kind: 'skipped'; reason: SkipReason; count: number }
  | { kind: 'offer'; offer: ConnectionOffer }
  | { kind: 'version'; version: string };

/** A role the file names, if Ferry has it (`extra` maps other names, e.g. Chatbox's `tool`). */
export function asRole(value: unknown, extra: Record<string, 'system' | 'user' | 'assistant'> = {}): 'system' | 'user' | 'assistant' | null {
  if (value === 'user' || value === 'assistant' || value === 'system') return value;
  return typeof value === 'string' && Object.hasOwn(extra, value) ? extra[value]! : null;
}

/** How many items of the file were left out, by reason (the preview lists them). */
export type SkipCounts = Partial<Record<SkipReason, number>>;
export const countSkip = (skips: SkipCounts, reason: SkipReason, count = 1) => (skips[reason] = (skips[reason] ?? 0) + count);

/** What a format's converter makes of one conversation of the file: it, or why it was left out. */
export interface ConvertedConversation {
  conversation: ImportedConversation | null;
  skipped: SkipCounts;
}

/** A whole-file problem: the import is refused and nothing changes. */
export class ImportFileError extends Error {
  constructor(
    readonly code: 'unknown_format' | 'malformed' | 'unsupported_version' | 'empty' | 'too_large' | 'io',
    detail: string,
  ) {
    super(detail);
    this.name = 'ImportFileError';
  }
}

export interface ReaderContext {
  /** Called as the file is read, with the bytes consumed so far (of `total`, which a zip entry may change). */
  onBytes(bytes: number, total?: number): void;
  /** A folder the reader may use for scratch files; it is deleted with the import. */
  scratchDir: string;
}

/** Where the bytes come from: the uploaded file, and its zip directory when it is a zip. */
export interface ImportSource {
  file: string;
  size: number;
  zip: import('./zip').ZipArchive | null;
}

export type ImportReader = (source: ImportSource, ctx: ReaderContext) => AsyncGenerator<ImportItem>;

/** Caps that keep one hostile item from costing unbounded memory or a useless row. */
export const LIMITS = {
  title: 500,
  content: 2_000_000,
  model: 200,
  attachmentBytes: 50 * 1024 * 1024,
  messagesPerConversation: 100_000,
} as const;

export const clampText = (value: string, max: number): string => (value.length > max ? value.slice(0, max) : value);

/** A string from an unknown value, or '' (numbers become their text). */
export const asText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';

export const asObject = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A finite number, or null. */
export const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Seconds or milliseconds since the epoch, or an ISO/locale date string, to ms; null when it is not a plausible date. */
export function toEpochMs(value: unknown): number | null {
  let ms: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) ms = value < 1e11 ? value * 1000 : value;
  else if (typeof value === 'string' && value.trim()) {
    const numeric = Number(value);
    if (Number.isFinite(numeric)) return toEpochMs(numeric);
    const parsed = Date.parse(value);
    ms = Number.isNaN(parsed) ? null : parsed;
  }
  // 1990 .. 2100: anything else is a broken field, not a date.
  if (ms === null || ms < 631_152_000_000 || ms > 4_102_444_800_000) return null;
  return Math.round(ms);
}
