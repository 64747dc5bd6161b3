import { useCallback, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { toApiError, type ApiError } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { useAppStore } from '../../state/app-store';
import { selectStreamingMessage, useChatStore } from '../../state/chat-store';
import { sendMessage, stopMessage } from '../../state/conversation-actions';
import { AlertIcon, CloseIcon } from '../../ui/icons';
import type { AttachmentRef } from '../../../../shared/schemas';
import { DropOverlay } from '../attachments/DropOverlay';
import { MessageUndo } from '../message-control/MessageUndo';
import { useNewChatTarget } from '../model-picker/new-chat-target';
import { selectNewChatAssistant, useAssistantsStore } from '../assistants/assistants-store';
import { ChosenAssistant } from '../assistants/ChosenAssistant';
import { useVisionBlock } from '../attachments/use-vision-block';
import { Composer } from './Composer';
import { isSendErrorStale, type SendFailureContext } from './send-error-staleness';

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
  const keychain = useAppStore((s) => s.info?.keychain);
  // Remembered with the conversation it belongs to, so switching chats hides it; a setup error also
  // goes once it may no longer be true (send-error-staleness.ts).
  const [failure, setFailure] = useState<{ openId: string | null; error: ApiError; context: SendFailureContext } | null>(null);
  const stale = failure !== null && isSendErrorStale(failure.context, { connections, keychain });
  const error = failure?.openId === openId && !stale ? failure.error : null;
  const setError = useCallback(
    (err: ApiError | null) => {
      const app = useAppStore.getState();
      setFailure(err ? { openId, error: err, context: { code: err.code, connections: app.connections, keychain: app.info?.keychain } } : null);
    },
    [openId],
  );

  // Esc (or the user's own binding) stops the reply from anywhere: see features/shortcuts.

  const visionBlock = useVisionBlock();
  const [visionWarning, setVisionWarning] = useState<string | null>(null);
  const onSend = useCallback(
    async (text: string, attachments: AttachmentRef[]) => {
      setError(null);
      // A model marked text-only would refuse the images: say so before anything is sent.
      if (visionBlock && attachments.some((a) => a.kind === 'image')) {
        setVisionWarning(visionBlock);
        return false;
      }
      setVisionWarning(null);
      try {
        const assistant = selectNewChatAssistant(useAssistantsStore.getState());
        await sendMessage(text, attachments, useNewChatTarget.getState().target, assistant?.id);
        useAssistantsStore.getState().choose(null);
        return true;
      } catch (err) {
        setError(toApiError(err));
        return false;
      }
    },
    [setError, visionBlock],
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
      {visionWarning && (
        <p className="composer-warning" role="alert">
          {t('rich.attach.visionOff', { model: visionWarning })}
        </p>
      )}
      <ChosenAssistant />
      <DropOverlay />
      <MessageUndo />
      <Composer streaming={streaming} onSend={onSend} onStop={stopStreaming} focusKey={openId} />
    </div>
  );
}
