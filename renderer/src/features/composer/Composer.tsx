import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SendIcon, StopIcon } from '../../ui/icons';
import { useImeGuard } from './use-ime-guard';

export interface ComposerProps {
  /** A reply is streaming in the open conversation: Send becomes Stop. */
  streaming: boolean;
  /** Resolves true when the message was accepted (the text is then cleared). */
  onSend(text: string): Promise<boolean>;
  onStop(): void;
  /** Changing it (e.g. switching conversations) puts the cursor back in the box. */
  focusKey?: string | null;
}

/**
 * The message box. Its text lives here, not in a store, so typing re-renders only this component
 * and never the message list.
 */
export function Composer({ streaming, onSend, onStop, focusKey }: ComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const { isImeKey, handlers } = useImeGuard();
  const canSend = text.trim() !== '' && !sending && !streaming;

  // Grow with the text up to the CSS max-height, then scroll. Set through the CSSOM, which the
  // CSP allows (unlike style attributes in markup).
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [text]);

  useEffect(() => {
    box.current?.focus();
  }, [focusKey]);

  const send = useCallback(async () => {
    if (!canSend) return;
    setSending(true);
    try {
      if (await onSend(text.trim())) setText('');
    } finally {
      setSending(false);
      box.current?.focus();
    }
  }, [canSend, onSend, text]);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || isImeKey(e)) return;
    e.preventDefault();
    void send();
  };

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="composer-box">
        <textarea
          ref={box}
          className="composer-input"
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          rows={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onKeyUp={handlers.onKeyUp}
          onCompositionStart={handlers.onCompositionStart}
          onCompositionEnd={handlers.onCompositionEnd}
          data-focus-fallback
        />
        {streaming ? (
          <button key="stop" type="button" className="composer-button composer-stop" onClick={onStop} aria-label={t('composer.stop')} title={t('composer.stop')}>
            <StopIcon />
          </button>
        ) : (
          <button key="send" type="submit" className="composer-button composer-send" disabled={!canSend} aria-label={t('composer.send')} title={t('composer.send')}>
            <SendIcon />
          </button>
        )}
      </div>
      <p className="composer-hint" aria-hidden>
        {streaming ? t('composer.hintStreaming') : t('composer.hint')}
      </p>
    </form>
  );
}
