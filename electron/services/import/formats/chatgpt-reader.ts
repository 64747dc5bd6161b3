import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { streamJson } from '../json-stream';
import { ImportFileError, type ImportItem, type ImportReader } from '../model';
import type { ZipArchive } from '../zip';
import { convertChatGptConversation } from './chatgpt';

/** `file-service://file-AbC123` / `sediment://file_00ab…` → the export's `file-AbC123-name.png`. */
const FILE_ID = /^(file[-_][A-Za-z0-9]+)/;

function assetIndex(zip: ZipArchive): Map<string, string> {
  const index = new Map<string, string>();
  for (const name of zip.names) {
    const match = FILE_ID.exec(basename(name));
    if (match && !index.has(match[1]!)) index.set(match[1]!, name);
  }
  return index;
}

export const CONVERSATIONS_JSON = /(^|\/)conversations\.json$/;

/** ChatGPT's export: the zip (conversations.json + the images it mentions) or conversations.json alone. */
export const readChatGpt: ImportReader = async function* (source, ctx): AsyncGenerator<ImportItem> {
  let stream: AsyncIterable<Buffer>;
  let assets = new Map<string, string>();
  if (source.zip) {
    const entry = source.zip.names.find((n) => CONVERSATIONS_JSON.test(n));
    if (!entry) throw new ImportFileError('unknown_format', 'the zip has no conversations.json');
    ctx.onBytes(0, source.zip.size(entry));
    stream = await source.zip.open(entry);
    assets = assetIndex(source.zip);
  } else stream = createReadStream(source.file, { highWaterMark: 256 * 1024 });

  for await (const hit of streamJson(stream, ['$.*'], (b) => ctx.onBytes(b))) {
    if (hit.path.length !== 1 || typeof hit.key !== 'number') {
      throw new ImportFileError('unknown_format', 'conversations.json is not a list of conversations');
    }
    const { conversation, skipped } = convertChatGptConversation(hit.value);
    for (const [reason, count] of Object.entries(skipped)) yield { kind: 'skipped', reason: reason as never, count: count ?? 0 };
    if (!conversation) continue;
    if (source.zip) {
      for (const message of conversation.messages) {
        for (const attachment of message.attachments) {
          const id = FILE_ID.exec(attachment.ref?.replace(/^[a-z-]+:\/\//, '') ?? '')?.[1];
          const entry = id ? assets.get(id) : undefined;
          if (!entry) continue;
          attachment.data = await source.zip.read(entry);
          if (attachment.data) attachment.name = basename(entry);
        }
      }
    }
    yield { kind: 'conversation', conversation };
  }
};
