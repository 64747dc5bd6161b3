import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DEFAULT_CONVERSATION_SETTINGS } from '../../../shared/schemas';
import { FerryError } from '../app-error';
import type { Handlers } from '../router';
import { conversationToHtml } from '../../services/export/conversation-html';
import { conversationToJson, conversationToMarkdown, exportFileName } from '../../services/export/conversation-markdown';
import { BACKUP_FILE_NAME, backupFilePath, writeFerryBackup } from '../../services/export/ferry-backup-writer';
import type { PreferencesService } from '../../services/settings/preferences-service';
import type { HistoryRepository } from '../../services/storage/types';

type ExportHandlers = Pick<Handlers, 'export.conversation' | 'export.backup' | 'export.readBackup'>;

const READ_CHUNK = 3 * 1024 * 1024;

export function exportHandlers(deps: {
  history: HistoryRepository;
  prefs: PreferencesService;
  dataDir: string;
  dbFile: string;
  attachmentsDir: string;
  appVersion: string;
}): ExportHandlers {
  return {
    'export.conversation': ({ id, format, language }) => {
      const conversation = deps.history.getConversation(id);
      if (!conversation || deps.history.isConversationDeleted(id)) throw new FerryError('not_found', 'Conversation not found');
      const detail = { conversation, messages: deps.history.listMessages(id), settings: deps.history.getSettings(id) ?? DEFAULT_CONVERSATION_SETTINGS };
      if (format === 'markdown') return { fileName: exportFileName(conversation.title, 'md'), mime: 'text/markdown', content: conversationToMarkdown(detail) };
      if (format === 'json') return { fileName: exportFileName(conversation.title, 'json'), mime: 'application/json', content: conversationToJson(detail) };
      return { fileName: exportFileName(conversation.title, 'html'), mime: 'text/html', content: conversationToHtml(detail, language ?? 'en') };
    },
    'export.backup': () =>
      writeFerryBackup({ dbFile: deps.dbFile, dataDir: deps.dataDir, attachmentsDir: deps.attachmentsDir, prefs: deps.prefs.read(), appVersion: deps.appVersion }),
    'export.readBackup': ({ fileName, offset }) => {
      if (!BACKUP_FILE_NAME.test(fileName)) throw new FerryError('invalid_input', 'Not a Ferry backup file name');
      const path = backupFilePath(deps.dataDir, fileName);
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        throw new FerryError('not_found', 'Backup file not found');
      }
      const fd = openSync(path, 'r');
      try {
        const buffer = Buffer.alloc(Math.max(0, Math.min(READ_CHUNK, size - offset)));
        const read = readSync(fd, buffer, 0, buffer.length, offset);
        return { data: buffer.subarray(0, read).toString('base64'), size, eof: offset + read >= size };
      } finally {
        closeSync(fd);
      }
    },
  };
}
