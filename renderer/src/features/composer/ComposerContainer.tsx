import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError, type ApiError } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { useAppStore } from '../../state/app-store';
import { selectStreamingMessage, useChatStore } from '../../state/chat-store';
import { sendMessage, stopMessage } from '../../state/conversation-actions';
import { AlertIcon, CloseIcon } from '../../ui/icons';
import { Composer } from './Composer';

const SETTINGS_ERRORS = new Set(['no_connection', 'no_key', 'keychain_unavailable']);

function stopStreaming(): void {
  const message = selectStreamingMessage(useChatStore.getState());
  if (message) void stopMessage(message.id).catch(() => {});
}

/** Connects the composer to the stores: streaming state, send, stop, and send errors. */
export function ComposerContainer() {
  const { t } = useTranslation();
  const streaming = useChatStore((s) => !!selectStreamingMessage(s));
  const openId = useChatStore((s) => s.openId);
  const openSettings = useAppStore((s) => s.openSettings);
  const connections = useAppStore((s) => s.connections);
  // Remembered with the conversation it belongs to, so switching chats hides it; a setup error
  // ("no connection", "no key") also goes once the connections change: it may no longer be true.
  const [failure, setFailure] = useState<{ openId: string | null; error: ApiError; connections: unknown } | null>(null);
  const stale = failure !== null && SETTINGS_ERRORS.has(failure.error.code) && failure.connections !== connections;
  const error = failure?.openId === openId && !stale ? failure.error : null;
  const setError = useCallback((err: ApiError | null) => setFailure(err ? { openId, error: err, connections: useAppStore.getState().connections } : null), [openId]);

  // Esc (or the user's own binding) stops the reply from anywhere: see features/shortcuts.

  const onSend = useCallback(
    async (text: string) => {
      setError(null);
      try {
        await sendMessage(text);
        return true;
      } catch (err) {
        setError(toApiError(err));
        return false;
      }
    },
    [setError],
  );

  const text = error ? appErrorText(t, error) : null;
  return (
    <div className="composer-area">
      {error && text && (
        <div className="inline-error" role="alert">
          <AlertIcon width={16} height={16} />
          <div className="inline-error-text">
            <strong>{text.title}</strong> <span>{text.hint}</span>
          </div>
          {SETTINGS_ERRORS.has(error.code) && (
            <button type="button" className="button button-secondary button-small" onClick={openSettings}>
              {t('errorCard.openSettings')}
            </button>
          )}
          <button type="button" className="icon-button" onClick={() => setError(null)} aria-label={t('common.close')} title={t('common.close')}>
            <CloseIcon width={14} height={14} />
          </button>
        </div>
      )}
      <Composer streaming={streaming} onSend={onSend} onStop={stopStreaming} focusKey={openId} />
    </div>
  );
}
