import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { BackupFile, Preferences } from '../../../shared/schemas';
import { ATTACHMENT_COLUMNS, LINK_COLUMNS, toStored, type AttachmentRow } from '../attachments/attachment-store';
import { blobPath } from '../attachments/blob-files';
import {
  ASSISTANT_RECORD_COLUMNS,
  assistantRecord,
  CONVERSATION_RECORD_COLUMNS,
  conversationRecord,
  MESSAGE_RECORD_COLUMNS,
  messageRecord,
  PROMPT_RECORD_COLUMNS,
  promptRecord,
} from '../storage/record-rows';
import { openDatabase } from '../storage/sqlite-engine';
import { FERRY_BACKUP_FORMAT, FERRY_BACKUP_VERSION, type BackupAttachment, type BackupConversation, type BackupMessage } from './ferry-backup-schema';
import { exportableConnection, exportableSettings } from './sanitize-settings';

interface Row {
  [key: string]: unknown;
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Writes every conversation (all branches), the assistants, prompts, settings and connections, and
 * each attachment the messages name (once, with its bytes) into one JSON file, streamed item by item
 * from one read transaction (a consistent snapshot while Ferry keeps working). Written to a `.part`
 * file and renamed when complete, so a half-written backup never looks like a backup.
 */
export async function writeFerryBackup(opts: {
  dbFile: string;
  dataDir: string;
  attachmentsDir: string;
  prefs: Preferences;
  appVersion: string;
  now?: Date;
}): Promise<BackupFile> {
  const now = opts.now ?? new Date();
  const dir = join(opts.dataDir, 'exports');
  mkdirSync(dir, { recursive: true });
  const fileName = `ferry-backup-${stamp(now)}.json`;
  const path = join(dir, fileName);
  const part = `${path}.part`;
  const db = openDatabase(opts.dbFile, { readonly: true, fileMustExist: true });
  const out = createWriteStream(part);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  /** Writes `items` as a JSON array under `key`, one element at a time. */
  const writeList = async <T>(key: string, items: Iterable<T>, last = false) => {
    await write(`${JSON.stringify(key)}:[`);
    let first = true;
    for (const item of items) {
      await write(`${first ? '' : ','}${JSON.stringify(item)}`);
      first = false;
    }
    await write(last ? ']' : '],');
  };
  let conversations = 0;
  let messages = 0;
  try {
    db.exec('BEGIN');
    await write(`{"format":${JSON.stringify(FERRY_BACKUP_FORMAT)},"version":${FERRY_BACKUP_VERSION},`);
    await write(`"exportedAt":${now.getTime()},"app":${JSON.stringify({ name: 'Ferry', version: opts.appVersion })},`);
    await write(`"settings":${JSON.stringify(exportableSettings(opts.prefs))},`);
    await write(`"connections":${JSON.stringify(opts.prefs.connections.map(exportableConnection))},`);
    const assistantRows = db.prepare(`SELECT id, ${ASSISTANT_RECORD_COLUMNS} FROM assistants ORDER BY created_at, id`).all() as Row[];
    await writeList('assistants', assistantRows.map((a) => ({ id: String(a.id), ...assistantRecord(a) })));
    const promptRows = db.prepare(`SELECT id, ${PROMPT_RECORD_COLUMNS} FROM prompts ORDER BY created_at, id`).all() as Row[];
    await writeList('prompts', promptRows.map((p) => ({ id: String(p.id), ...promptRecord(p) })));

    const listMessages = db.prepare(`SELECT id, ${MESSAGE_RECORD_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq`);
    const linksOf = db.prepare(
      `SELECT ${LINK_COLUMNS} FROM message_attachments l JOIN messages m ON m.id = l.message_id WHERE m.conversation_id = ? ORDER BY l.message_id, l.position`,
    );
    const named = new Set<string>();
    const rows = db.prepare(`SELECT id, ${CONVERSATION_RECORD_COLUMNS} FROM conversations WHERE deleted_at IS NULL ORDER BY created_at, id`).all() as Row[];
    function* conversationEntries(): Generator<BackupConversation> {
      for (const c of rows) {
        const links = new Map<string, { id: string; name: string }[]>();
        for (const l of linksOf.all(c.id) as Row[]) {
          const id = String(l.attachment_id);
          named.add(id);
          links.set(String(l.message_id), [...(links.get(String(l.message_id)) ?? []), { id, name: String(l.name) }]);
        }
        const list: BackupMessage[] = (listMessages.all(c.id) as Row[]).map((m) => {
          const { conversationId: _conversation, errorJson, ...fields } = messageRecord(m);
          return { id: String(m.id), ...fields, error: errorJson, attachments: links.get(String(m.id)) ?? [] };
        });
        const { systemPrompt, contextMessages, temperature, topP, maxTokens, deletedAt: _deleted, ...fields } = conversationRecord(c);
        messages += list.length;
        conversations++;
        yield { id: String(c.id), ...fields, settings: { systemPrompt, contextMessages, temperature, topP, maxTokens }, messages: list };
      }
    }
    await writeList('conversations', conversationEntries());

    // Each file once, whatever number of messages name it; read one at a time (a file is at most
    // ATTACHMENT_LIMITS.maxFileBytes).
    const attachmentRow = db.prepare(`SELECT ${ATTACHMENT_COLUMNS} FROM attachments WHERE id = ?`);
    function* attachmentEntries(): Generator<BackupAttachment> {
      for (const id of named) {
        const row = attachmentRow.get(id) as AttachmentRow | undefined;
        if (!row) continue;
        const file = blobPath(opts.attachmentsDir, id);
        yield { ...toStored(row), data: existsSync(file) ? readFileSync(file).toString('base64') : null };
      }
    }
    await writeList('attachments', attachmentEntries(), true);
    await write('}\n');
    db.exec('COMMIT');
  } finally {
    db.close();
    out.end();
    await once(out, 'close');
  }
  renameSync(part, path);
  return { fileName, path, size: statSync(path).size, conversations, messages };
}

/** Backup files a user may download again, newest first. */
export const BACKUP_FILE_NAME = /^ferry-backup-\d{8}T\d{6}Z\.json$/;
export const backupFilePath = (dataDir: string, fileName: string) => join(dataDir, 'exports', fileName);
