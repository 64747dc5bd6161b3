import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../storage/sqlite-engine';
import { streamJson } from '../json-stream';
import { asNumber, asObject, asText, ImportFileError, type ImportItem, type ImportReader } from '../model';
import { convertCherryTopic, readCherryLocalStorage, type CherryState } from './cherry';

export const CHERRY_DATA_JSON = /(^|\/)data\.json$/;
/** Cherry Studio 1.7+ backs up its IndexedDB/LocalStorage folders as they are (LevelDB): not readable here. */
export const isCherryDirectBackup = (names: string[]): boolean => names.some((n) => /^(IndexedDB|Local Storage)\//.test(n));

/**
 * Cherry's data.json keeps topics and their message blocks in two separate lists, in either order:
 * both are spooled into a scratch SQLite file as they stream by, then each topic is assembled with
 * its blocks, so memory stays bounded by one topic.
 */
export const readCherry: ImportReader = async function* (source, ctx): AsyncGenerator<ImportItem> {
  let stream: AsyncIterable<Buffer>;
  if (source.zip) {
    if (isCherryDirectBackup(source.zip.names)) {
      throw new ImportFileError('unsupported_version', 'a Cherry Studio direct backup (copied IndexedDB folders) cannot be read');
    }
    const entry = source.zip.names.find((n) => CHERRY_DATA_JSON.test(n));
    if (!entry) throw new ImportFileError('unknown_format', 'the zip has no data.json');
    ctx.onBytes(0, source.zip.size(entry));
    stream = await source.zip.open(entry);
  } else stream = createReadStream(source.file, { highWaterMark: 256 * 1024 });

  const spool = openDatabase(join(ctx.scratchDir, 'cherry-spool.db'));
  try {
    spool.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
      CREATE TABLE topics (n INTEGER PRIMARY KEY, json TEXT NOT NULL);
      CREATE TABLE blocks (message_id TEXT NOT NULL, n INTEGER NOT NULL, json TEXT NOT NULL);
      CREATE INDEX blocks_message ON blocks(message_id, n);
      BEGIN;`);
    const addTopic = spool.prepare('INSERT INTO topics (json) VALUES (?)');
    const addBlock = spool.prepare('INSERT INTO blocks (message_id, n, json) VALUES (?, ?, ?)');
    let version: number | null = null;
    let state: CherryState | null = null;
    let blockN = 0;
    const paths = ['$.version', '$.localStorage', '$.indexedDB.topics.*', '$.indexedDB.message_blocks.*'];
    for await (const hit of streamJson(stream, paths, (b) => ctx.onBytes(b))) {
      const [, , table] = hit.path;
      if (hit.key === 'version' && hit.path.length === 1) version = asNumber(hit.value);
      else if (hit.key === 'localStorage' && hit.path.length === 1) state = readCherryLocalStorage(hit.value);
      else if (table === 'topics') addTopic.run(JSON.stringify(hit.value));
      else if (table === 'message_blocks') {
        const block = asObject(hit.value);
        if (block && asText(block.messageId)) addBlock.run(asText(block.messageId), blockN++, JSON.stringify(block));
      }
    }
    spool.exec('COMMIT');
    if (version === null || version < 2 || version > 5) {
      throw new ImportFileError('unsupported_version', `Cherry Studio backup version ${version ?? 'unknown'}; versions 2 to 5 can be read`);
    }
    yield { kind: 'version', version: String(version) };
    if (state) {
      if (state.secrets > 0) yield { kind: 'skipped', reason: 'secret', count: state.secrets };
      for (const offer of state.offers) yield { kind: 'offer', offer };
      for (const assistant of state.assistants) yield { kind: 'assistant', assistant };
    }
    const blocksOf = spool.prepare('SELECT json FROM blocks WHERE message_id = ? ORDER BY n');
    const blocks = (messageId: string) =>
      (blocksOf.all(messageId) as { json: string }[]).map((r) => JSON.parse(r.json) as Record<string, unknown>);
    for (const row of spool.prepare('SELECT json FROM topics ORDER BY n').iterate() as IterableIterator<{ json: string }>) {
      const raw = JSON.parse(row.json) as unknown;
      const { conversation, skipped } = convertCherryTopic(raw, state?.topics.get(asText(asObject(raw)?.id)), blocks);
      for (const [reason, count] of Object.entries(skipped)) yield { kind: 'skipped', reason: reason as never, count: count ?? 0 };
      if (!conversation) continue;
      if (source.zip) {
        for (const message of conversation.messages) {
          for (const attachment of message.attachments) if (attachment.ref) attachment.data = await source.zip.read(attachment.ref);
        }
      }
      yield { kind: 'conversation', conversation };
    }
  } finally {
    spool.close();
  }
};
