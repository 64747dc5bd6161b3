import { open } from 'node:fs/promises';
import type { ImportFormat } from '../../../shared/schemas';
import { CONVERSATIONS_JSON } from './formats/chatgpt-reader';
import { CHERRY_DATA_JSON, isCherryDirectBackup } from './formats/cherry-reader';
import { headText } from './json-stream';
import { ImportFileError } from './model';
import { isZip, openZip, type ZipArchive } from './zip';

const HEAD_BYTES = 64 * 1024;

/** The format named by the file's first bytes (and, for a zip, its entry names). */
export function formatFromJsonHead(text: string): ImportFormat | null {
  const start = text.trimStart();
  if (start.startsWith('[')) return 'chatgpt';
  if (!start.startsWith('{')) return null;
  if (/"format"\s*:\s*"ferry-backup"/.test(start)) return 'ferry';
  if (start.includes('"chat-next-web-store"')) return 'nextchat';
  if (start.includes('"persist:cherry-studio"') || (/"localStorage"\s*:/.test(start) && /"time"\s*:/.test(start))) return 'cherry';
  if (/"(__exported_items|__exported_at|chat-sessions|chat-sessions-list|configVersion|myCopilots)"\s*:/.test(start) || /"session:[^"]+"\s*:/.test(start)) {
    return 'chatbox';
  }
  return null;
}

export async function detectFormat(file: string): Promise<{ format: ImportFormat; zip: ZipArchive | null }> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw new ImportFileError('io', error instanceof Error ? error.message : String(error));
  });
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.length === 0) throw new ImportFileError('empty', 'the file is empty');
  if (isZip(head)) {
    const zip = await openZip(file);
    if (zip.names.some((n) => CONVERSATIONS_JSON.test(n))) return { format: 'chatgpt', zip };
    if (isCherryDirectBackup(zip.names) || zip.names.some((n) => CHERRY_DATA_JSON.test(n))) return { format: 'cherry', zip };
    zip.close();
    throw new ImportFileError('unknown_format', 'the zip holds neither conversations.json (ChatGPT) nor data.json (Cherry Studio)');
  }
  const format = formatFromJsonHead(headText(head));
  if (!format) throw new ImportFileError('unknown_format', 'not a ChatGPT, NextChat, Chatbox, Cherry Studio or Ferry file');
  return { format, zip: null };
}
