import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import Database from 'libsql';
import type { BackupFile, Preferences } from '../../../shared/schemas';
import { FERRY_BACKUP_FORMAT, FERRY_BACKUP_VERSION, type BackupConversation, type BackupMessage } from './ferry-backup-schema';
import { exportableConnection, exportableSettings } from './sanitize-settings';
import { CONVERSATION_RECORD_COLUMNS, conversationRecord, MESSAGE_RECORD_COLUMNS, messageRecord } from '../storage/record-rows';

interface Row {
  [key: string]: unknown;
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Writes every conversation (all branches), its attachments, the assistants, settings and
 * connections into one JSON file, streamed conversation by conversation from one read
 * transaction (a consistent snapshot while Ferry keeps working). Written to a `.part` file and
 * renamed when complete, so a half-written backup never looks like a backup.
 */
export async function writeFerryBackup(opts: { dbFile: string; dataDir: string; prefs: Preferences; appVersion: string; now?: Date }): Promise<BackupFile> {
  const now = opts.now ?? new Date();
  const dir = join(opts.dataDir, 'exports');
  mkdirSync(dir, { recursive: true });
  const fileName = `ferry-backup-${stamp(now)}.json`;
  const path = join(dir, fileName);
  const part = `${path}.part`;
  const db = new Database(opts.dbFile, { readonly: true, fileMustExist: true });
  const out = createWriteStream(part);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let conversations = 0;
  let messages = 0;
  try {
    db.exec('BEGIN');
    await write(`{"format":${JSON.stringify(FERRY_BACKUP_FORMAT)},"version":${FERRY_BACKUP_VERSION},`);
    await write(`"exportedAt":${now.getTime()},"app":${JSON.stringify({ name: 'Ferry', version: opts.appVersion })},`);
    await write(`"settings":${JSON.stringify(exportableSettings(opts.prefs))},`);
    await write(`"connections":${JSON.stringify(opts.prefs.connections.map(exportableConnection))},`);
    const assistants = (db.prepare('SELECT id, name, avatar, system_prompt, model, params_json FROM assistants ORDER BY created_at, id').all() as Row[]).map((a) => ({
      id: a.id,
      name: a.name,
      avatar: a.avatar,
      systemPrompt: a.system_prompt,
      model: a.model,
      params: JSON.parse(String(a.params_json)) as unknown,
    }));
    await write(`"assistants":${JSON.stringify(assistants)},"conversations":[`);
    const listMessages = db.prepare(`SELECT id, ${MESSAGE_RECORD_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq`);
    const attachmentsOf = db.prepare('SELECT name, mime, size, sha256 FROM message_attachments WHERE message_id = ? ORDER BY created_at, id');
    const attachmentsDir = join(opts.dataDir, 'attachments');
    const rows = db.prepare(`SELECT id, ${CONVERSATION_RECORD_COLUMNS} FROM conversations WHERE deleted_at IS NULL ORDER BY created_at, id`).all() as Row[];
    for (const c of rows) {
      const list: BackupMessage[] = (listMessages.all(c.id) as Row[]).map((m) => {
        const { conversationId: _conversation, errorJson, ...fields } = messageRecord(m);
        return {
          id: String(m.id),
          ...fields,
          error: errorJson,
          attachments: (attachmentsOf.all(m.id) as Row[]).map((a) => {
            const file = a.sha256 ? join(attachmentsDir, String(a.sha256)) : null;
            return {
              name: String(a.name),
              mime: (a.mime as string | null) ?? null,
              size: (a.size as number | null) ?? null,
              sha256: (a.sha256 as string | null) ?? null,
              data: file && existsSync(file) ? readFileSync(file).toString('base64') : null,
            };
          }),
        };
      });
      const { systemPrompt, contextMessages, temperature, topP, maxTokens, deletedAt: _deleted, ...fields } = conversationRecord(c);
      const entry: BackupConversation = { id: String(c.id), ...fields, settings: { systemPrompt, contextMessages, temperature, topP, maxTokens }, messages: list };
      await write(`${conversations > 0 ? ',' : ''}${JSON.stringify(entry)}`);
      conversations++;
      messages += list.length;
    }
    await write(']}\n');
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
