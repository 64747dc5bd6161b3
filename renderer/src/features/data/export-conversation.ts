import type { ConversationExportFormat } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { saveFile } from './download';

export const CONVERSATION_FORMATS: readonly ConversationExportFormat[] = ['markdown', 'json', 'html'];

/** Exports one conversation and hands the file to the browser's downloads; returns its name. */
export async function exportConversation(id: string, format: ConversationExportFormat, language: 'en' | 'zh-CN'): Promise<string> {
  const file = await getApi().call('export.conversation', { id, format, language });
  saveFile(file.fileName, new Blob([file.content], { type: `${file.mime};charset=utf-8` }));
  return file.fileName;
}
