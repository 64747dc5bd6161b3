import { createReadStream } from 'node:fs';
import { streamJson } from '../json-stream';
import { asObject, ImportFileError, type ImportItem, type ImportReader } from '../model';
import { convertNextChatMask, convertNextChatPrompt, convertNextChatSession, nextChatAccess } from './nextchat';
import { countSecrets } from './shared';

/** NextChat's `Backup-<date>.json`: sessions, masks and saved prompts streamed one by one; keys counted, never read in. */
export const readNextChat: ImportReader = async function* (source, ctx): AsyncGenerator<ImportItem> {
  const paths = ['$.chat-next-web-store.sessions.*', '$.mask-store.masks.*', '$.prompt-store.prompts.*', '$.access-control', '$.sync', '$.app-config'];
  let sessions = 0;
  for await (const hit of streamJson(createReadStream(source.file, { highWaterMark: 256 * 1024 }), paths, (b) => ctx.onBytes(b))) {
    const [, store, list] = hit.path;
    if (store === 'chat-next-web-store' && list === 'sessions') {
      sessions++;
      const { conversation, skipped } = convertNextChatSession(hit.value);
      for (const [reason, count] of Object.entries(skipped)) yield { kind: 'skipped', reason: reason as never, count: count ?? 0 };
      if (conversation) yield { kind: 'conversation', conversation };
    } else if (store === 'mask-store') {
      const assistant = convertNextChatMask(hit.value, hit.key);
      if (assistant) yield { kind: 'assistant', assistant };
    } else if (store === 'prompt-store') {
      const prompt = convertNextChatPrompt(hit.value, hit.key);
      if (prompt) yield { kind: 'prompt', prompt };
    } else if (hit.key === 'access-control') {
      const { secrets, offers } = nextChatAccess(hit.value);
      if (secrets > 0) yield { kind: 'skipped', reason: 'secret', count: secrets };
      for (const offer of offers) yield { kind: 'offer', offer };
    } else if (hit.key === 'sync') {
      const secrets = countSecrets(asObject(hit.value));
      if (secrets > 0) yield { kind: 'skipped', reason: 'secret', count: secrets };
    }
    // NextChat's backup carries no version of its own (app-config.lastUpdate is a time): none is shown.
  }
  if (sessions === 0) throw new ImportFileError('empty', 'the NextChat backup has no chat sessions');
};
