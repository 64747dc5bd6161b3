import type { Language } from '../../../shared/schemas';

/**
 * What the main process itself says: the startup error dialog and the recovery page, shown when the
 * UI (and its i18n) may not be running at all.
 */
export interface MainMessages {
  startupFailedTitle: string;
  startupFailed(reason: string, logFile: string): string;
  /** An error nothing caught, after a successful start. */
  unexpectedErrorTitle: string;
  pageFailedTitle: string;
  pageFailed: string;
  reason: string;
  logFile: string;
  reload: string;
}

export const MAIN_MESSAGES: Record<Language, MainMessages> = {
  en: {
    startupFailedTitle: 'Ferry could not start',
    startupFailed: (reason, logFile) => `${reason}\n\nDetails are in the log file:\n${logFile}`,
    unexpectedErrorTitle: 'Ferry ran into an unexpected error',
    pageFailedTitle: 'Ferry’s window stopped working',
    pageFailed: 'Your conversations are safe on disk. Reload the window to continue.',
    reason: 'Reason',
    logFile: 'Log file',
    reload: 'Reload',
  },
  'zh-CN': {
    startupFailedTitle: 'Ferry 无法启动',
    startupFailed: (reason, logFile) => `${reason}\n\n详细信息请查看日志文件：\n${logFile}`,
    unexpectedErrorTitle: 'Ferry 遇到了意外错误',
    pageFailedTitle: 'Ferry 窗口出现故障',
    pageFailed: '你的对话仍完好地保存在本机。重新加载窗口即可继续使用。',
    reason: '原因',
    logFile: '日志文件',
    reload: '重新加载',
  },
};
