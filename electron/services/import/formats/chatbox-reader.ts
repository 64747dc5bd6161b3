import { createReadStream } from 'node:fs';
import { streamJson } from '../json-stream';
import { asArray, asObject, asText, type ImportItem, type ImportReader } from '../model';
import { chatboxSettingsSecrets, convertChatboxCopilot, convertChatboxSession } from './chatbox';

/**
 * Chatbox's export, top-level key by key (each `session:<id>` is one value, so memory is bounded by
 * the largest session; the older single `chat-sessions` array is read whole, as Chatbox wrote it).
 */
export const readChatbox: ImportReader = async function* (source, ctx): AsyncGenerator<ImportItem> {
  const metas = new Map<string, Record<string, unknown>>();
  const sessionItems = function* (raw: unknown): Generator<ImportItem> {
    const id = asText(asObject(raw)?.id);
    const { conversations, skipped } = convertChatboxSession(raw, metas.get(id) ?? null);
    for (const [reason, count] of Object.entries(skipped)) yield { kind: 'skipped', reason: reason as never, count: count ?? 0 };
    for (const conversation of conversations) yield { kind: 'conversation', conversation };
  };
  for await (const hit of streamJson(createReadStream(source.file, { highWaterMark: 256 * 1024 }), ['$.*'], (b) => ctx.onBytes(b))) {
    const key = String(hit.key ?? '');
    if (key.startsWith('session:')) yield* sessionItems(hit.value);
    else if (key === 'chat-sessions') for (const session of asArray(hit.value)) yield* sessionItems(session);
    else if (key === 'chat-sessions-list') {
      for (const meta of asArray(hit.value)) {
        const object = asObject(meta);
        if (object && asText(object.id)) metas.set(asText(object.id), object);
      }
    } else if (key === 'myCopilots') {
      for (const raw of asArray(hit.value)) {
        const assistant = convertChatboxCopilot(raw);
        if (assistant) yield { kind: 'assistant', assistant };
      }
    } else if (key === 'settings') {
      const { secrets, offers } = chatboxSettingsSecrets(hit.value);
      if (secrets > 0) yield { kind: 'skipped', reason: 'secret', count: secrets };
      for (const offer of offers) yield { kind: 'offer', offer };
    } else if (key === 'configVersion') yield { kind: 'version', version: asText(hit.value).slice(0, 100) };
  }
};
