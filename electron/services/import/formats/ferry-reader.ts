import { createReadStream } from 'node:fs';
import {
  BackupAssistant,
  BackupAttachment,
  BackupConnection,
  BackupConversation,
  BackupPrompt,
  FERRY_BACKUP_FORMAT,
  FERRY_BACKUP_VERSION,
  type BackupConnection as Connection,
} from '../../export/ferry-backup-schema';
import { streamJson } from '../json-stream';
import { ImportFileError, type ImportedConversation, type ImportItem, type ImportReader } from '../model';

function toImported(c: BackupConversation): ImportedConversation {
  return {
    sourceId: c.id,
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    model: c.model,
    activeLeafSourceId: c.activeLeafId,
    systemPrompt: c.settings.systemPrompt,
    pinned: c.pinned,
    extra: {
      titleIsAuto: c.titleIsAuto,
      assistantId: c.assistantId,
      connectionId: c.connectionId,
      contextMessages: c.settings.contextMessages,
      temperature: c.settings.temperature,
      topP: c.settings.topP,
      maxTokens: c.settings.maxTokens,
    },
    messages: c.messages.map((m) => ({
      sourceId: m.id,
      parentSourceId: m.parentId,
      role: m.role,
      content: m.content,
      reasoning: m.reasoning,
      model: m.model,
      createdAt: m.createdAt,
      // A backup taken while an answer streamed holds it as it was then.
      status: m.status === 'error' ? 'error' : 'done',
      attachments: m.attachments.map((a) => ({ name: a.name, mime: null, data: null, storedId: a.id })),
      extra: {
        updatedAt: m.updatedAt,
        reasoningMs: m.reasoningMs,
        errorJson: m.error,
        promptTokens: m.promptTokens,
        completionTokens: m.completionTokens,
        usageEstimated: m.usageEstimated,
      },
    })),
  };
}

/** Ferry's own backup. Connections come back without their keys (the user types them again). */
export function ferryReader(connections: Connection[]): ImportReader {
  return async function* (source, ctx): AsyncGenerator<ImportItem> {
    let format: unknown = null;
    let version: unknown = null;
    const paths = ['$.format', '$.version', '$.conversations.*', '$.assistants.*', '$.prompts.*', '$.attachments.*', '$.connections.*'];
    for await (const hit of streamJson(createReadStream(source.file, { highWaterMark: 256 * 1024 }), paths, (b) => ctx.onBytes(b))) {
      if (hit.path.length === 1 && hit.key === 'format') format = hit.value;
      else if (hit.path.length === 1 && hit.key === 'version') {
        version = hit.value;
        if (format !== FERRY_BACKUP_FORMAT) throw new ImportFileError('unknown_format', 'not a Ferry backup');
        if (version !== FERRY_BACKUP_VERSION) throw new ImportFileError('unsupported_version', `Ferry backup version ${String(version)}`);
        yield { kind: 'version', version: String(version) };
      } else {
        if (version !== FERRY_BACKUP_VERSION) throw new ImportFileError('malformed', 'format and version must come first');
        const list = hit.path[1];
        if (list === 'conversations') {
          const parsed = BackupConversation.safeParse(hit.value);
          if (!parsed.success) yield { kind: 'skipped', reason: 'invalid_item', count: 1 };
          else if (parsed.data.messages.length === 0) yield { kind: 'skipped', reason: 'empty_conversation', count: 1 };
          else yield { kind: 'conversation', conversation: toImported(parsed.data) };
        } else if (list === 'assistants') {
          const parsed = BackupAssistant.safeParse(hit.value);
          if (!parsed.success) yield { kind: 'skipped', reason: 'invalid_item', count: 1 };
          else {
            const { id, systemPrompt, temperature, topP, maxTokens, contextMessages, ...rest } = parsed.data;
            yield { kind: 'assistant', assistant: { ...rest, sourceId: id, systemPrompt, params: { temperature, topP, maxTokens, contextMessages } } };
          }
        } else if (list === 'prompts') {
          const parsed = BackupPrompt.safeParse(hit.value);
          if (!parsed.success) yield { kind: 'skipped', reason: 'invalid_item', count: 1 };
          else yield { kind: 'prompt', prompt: { sourceId: parsed.data.id, title: parsed.data.title, body: parsed.data.body } };
        } else if (list === 'attachments') {
          const parsed = BackupAttachment.safeParse(hit.value);
          if (!parsed.success) yield { kind: 'skipped', reason: 'invalid_item', count: 1 };
          // A row without its file would name bytes this data folder does not have: its messages keep no chip.
          else if (parsed.data.data !== null) {
            const { data, ...stored } = parsed.data;
            yield { kind: 'attachment', attachment: { stored, bytes: Buffer.from(data, 'base64') } };
          }
        } else if (list === 'connections') {
          const parsed = BackupConnection.safeParse(hit.value);
          if (!parsed.success) yield { kind: 'skipped', reason: 'invalid_item', count: 1 };
          else {
            connections.push(parsed.data);
            yield { kind: 'offer', offer: { kind: 'provider', name: parsed.data.name, baseUrl: parsed.data.baseUrl, model: parsed.data.model } };
          }
        }
      }
    }
    if (version !== FERRY_BACKUP_VERSION) throw new ImportFileError('unknown_format', 'not a Ferry backup');
  };
}
