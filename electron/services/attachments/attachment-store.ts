import type Database from 'libsql';
import { inTransaction } from '../storage/transaction';
import type { AttachmentKind, AttachmentRef } from '../../../shared/schemas';

/** What is stored about one file, apart from its name (names belong to the messages using it). */
export interface StoredAttachment {
  id: string;
  kind: AttachmentKind;
  mime: string;
  originalSize: number;
  size: number;
  width: number | null;
  height: number | null;
  pages: number | null;
  /** Documents: the extracted text sent as context. */
  text: string | null;
  tokens: number;
  truncated: boolean;
  thumbnail: string | null;
}

export interface AttachmentRow {
  id: string;
  kind: AttachmentKind;
  mime: string;
  original_size: number;
  size: number;
  width: number | null;
  height: number | null;
  pages: number | null;
  text: string | null;
  tokens: number;
  truncated: number;
  thumbnail: string | null;
}

/** Every column that describes the file (all but the local created_at): what a backup, an import and sync carry. */
export const ATTACHMENT_COLUMNS = 'id, kind, mime, original_size, size, width, height, pages, text, tokens, truncated, thumbnail';
const COLUMNS = ATTACHMENT_COLUMNS;
export const LINK_COLUMNS = 'message_id, position, attachment_id, name';
const A_COLUMNS = COLUMNS.split(', ')
  .map((c) => `a.${c}`)
  .join(', ');

export const toStored = (row: AttachmentRow): StoredAttachment => ({
  id: row.id,
  kind: row.kind,
  mime: row.mime,
  originalSize: row.original_size,
  size: row.size,
  width: row.width,
  height: row.height,
  pages: row.pages,
  text: row.text,
  tokens: row.tokens,
  truncated: row.truncated === 1,
  thumbnail: row.thumbnail,
});

/** The view a message carries: no extracted text (it can be large), a name. */
export function toRef(stored: StoredAttachment, name: string): AttachmentRef {
  return {
    id: stored.id,
    name,
    kind: stored.kind,
    mime: stored.mime,
    originalSize: stored.originalSize,
    size: stored.size,
    width: stored.width,
    height: stored.height,
    pages: stored.pages,
    chars: stored.text === null ? null : stored.text.length,
    tokens: stored.tokens,
    truncated: stored.truncated,
    thumbnail: stored.thumbnail,
  };
}

/** A message's attachment with its extracted text, as the next request needs it. */
export type LinkedAttachment = StoredAttachment & { name: string };

/** The attachments tables (schema version 4). */
export function createAttachmentStore(db: Database.Database, now: () => number, live: () => void) {
  const sql = {
    get: db.prepare(`SELECT ${COLUMNS} FROM attachments WHERE id = ?`),
    insert: db.prepare(
      `INSERT INTO attachments (${COLUMNS}, created_at)
       VALUES (@id, @kind, @mime, @originalSize, @size, @width, @height, @pages, @text, @tokens, @truncated, @thumbnail, @now)
       ON CONFLICT(id) DO NOTHING`,
    ),
    link: db.prepare('INSERT INTO message_attachments (message_id, position, attachment_id, name) VALUES (?, ?, ?, ?)'),
    forMessage: db.prepare(
      `SELECT ${A_COLUMNS}, m.name AS name, m.message_id AS message_id FROM message_attachments m
       JOIN attachments a ON a.id = m.attachment_id WHERE m.message_id = ? ORDER BY m.position`,
    ),
    forConversation: db.prepare(
      `SELECT ${A_COLUMNS}, m.name AS name, m.message_id AS message_id FROM message_attachments m
       JOIN attachments a ON a.id = m.attachment_id
       JOIN messages msg ON msg.id = m.message_id
       WHERE msg.conversation_id = ? ORDER BY m.message_id, m.position`,
    ),
    // Unused: no message (in the trash or not) refers to it, and it is old enough that no composer
    // still holds it unsent.
    unused: db.prepare(
      `SELECT id FROM attachments a WHERE created_at <= ?
       AND NOT EXISTS (SELECT 1 FROM message_attachments m WHERE m.attachment_id = a.id)`,
    ),
    remove: db.prepare(
      'DELETE FROM attachments WHERE id = ? AND NOT EXISTS (SELECT 1 FROM message_attachments m WHERE m.attachment_id = attachments.id)',
    ),
    allIds: db.prepare('SELECT id FROM attachments'),
  };

  type LinkedRow = AttachmentRow & { name: string; message_id: string };
  const toLinked = (row: LinkedRow): LinkedAttachment => ({ ...toStored(row), name: row.name });

  const linkTx = (messageId: string, items: ReadonlyArray<{ id: string; name: string }>) =>
    inTransaction(db, () => {
      items.forEach((item, position) => sql.link.run(messageId, position, item.id, item.name));
    });

  return {
    getAttachment(id: string): StoredAttachment | null {
      live();
      const row = sql.get.get(id) as AttachmentRow | undefined;
      return row ? toStored(row) : null;
    },
    /** Stores the description of a file already written under its id; a second copy is a no-op. */
    putAttachment(attachment: StoredAttachment): void {
      live();
      sql.insert.run({ ...attachment, truncated: attachment.truncated ? 1 : 0, now: now() });
    },
    linkAttachments(messageId: string, items: ReadonlyArray<{ id: string; name: string }>): void {
      live();
      if (items.length > 0) linkTx(messageId, items);
    },
    messageAttachments(messageId: string): LinkedAttachment[] {
      live();
      return (sql.forMessage.all(messageId) as LinkedRow[]).map(toLinked);
    },
    /** Every attachment of a conversation's messages, by message id. */
    conversationAttachments(conversationId: string): Map<string, LinkedAttachment[]> {
      live();
      const out = new Map<string, LinkedAttachment[]>();
      for (const row of sql.forConversation.all(conversationId) as LinkedRow[]) {
        const list = out.get(row.message_id) ?? [];
        list.push(toLinked(row));
        out.set(row.message_id, list);
      }
      return out;
    },
    /** Ids no message refers to, added at or before `before`. */
    unusedAttachments(before: number): string[] {
      live();
      return (sql.unused.all(before) as Array<{ id: string }>).map((r) => r.id);
    },
    /** Deletes the row unless a message refers to it (again). True when it went. */
    removeAttachment(id: string): boolean {
      live();
      return sql.remove.run(id).changes > 0;
    },
    attachmentIds(): Set<string> {
      live();
      return new Set((sql.allIds.all() as Array<{ id: string }>).map((r) => r.id));
    },
  };
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
