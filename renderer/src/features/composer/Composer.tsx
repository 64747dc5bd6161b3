import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useShallow } from 'zustand/react/shallow';
import type { AttachmentRef } from '../../../../shared/schemas';
import { SendIcon, StopIcon } from '../../ui/icons';
import { AttachButton } from '../attachments/AttachButton';
import { AttachmentTray } from '../attachments/AttachmentTray';
import { selectBusy, selectReadyRefs, useDraftStore } from '../attachments/draft-store';
import { takePastedFiles } from '../attachments/use-file-drop';
import { useComposerInsert } from '../message-control/actions';
import { usePromptPalette } from '../assistants/use-prompt-palette';
import { useImeGuard } from './use-ime-guard';

export interface ComposerProps {
  /** A reply is streaming in the open conversation: Send becomes Stop. */
  streaming: boolean;
  /** Resolves true when the message was accepted (the text and attachments are then cleared). */
  onSend(text: string, attachments: AttachmentRef[]): Promise<boolean>;
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
  const attached = useDraftStore(useShallow(selectReadyRefs));
  const adding = useDraftStore(selectBusy);
  const canSend = (text.trim() !== '' || attached.length > 0) && !adding && !sending && !streaming;

  // Grow with the text up to the CSS max-height, then scroll. Set through the CSSOM, which the
  // CSP allows (unlike style attributes in markup).
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [text]);

  // preventScroll: the composer is always in view, and scrolling it there would lay out the whole
  // page inside the click that opened the conversation, before its messages are even there.
  useEffect(() => {
    box.current?.focus({ preventScroll: true });
  }, [focusKey]);

  // A quote from a message (or a prompt) goes in at the end of what is typed, and the cursor after it.
  useEffect(
    () =>
      useComposerInsert.subscribe((s) => {
        if (!s.pending) return;
        const inserted = useComposerInsert.getState().take();
        if (inserted === null) return;
        setText((current) => (current.trim() ? `${current.trimEnd()}\n\n${inserted}` : inserted));
        requestAnimationFrame(() => {
          const el = box.current;
          if (!el) return;
          el.focus();
          el.setSelectionRange(el.value.length, el.value.length);
        });
      }),
    [],
  );

  const send = useCallback(async () => {
    if (!canSend) return;
    setSending(true);
    try {
      if (await onSend(text.trim(), attached)) {
        setText('');
        useDraftStore.getState().clear();
      }
    } finally {
      setSending(false);
      box.current?.focus();
    }
  }, [attached, canSend, onSend, text]);

  const palette = usePromptPalette(text, setText, () => requestAnimationFrame(() => box.current?.focus()));
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (palette.onKeyDown(e)) return;
    if (e.key !== 'Enter' || e.shiftKey || isImeKey(e)) return;
    e.preventDefault();
    void send();
  };

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        // A form in a dialog opened from here (a prompt's variables) bubbles its submit through React.
        if (e.target !== e.currentTarget) return;
        void send();
      }}
    >
      {palette.element}
      <AttachmentTray />
      <div className="composer-box">
        <AttachButton disabled={sending} />
        <textarea
          ref={box}
          className="composer-input"
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          rows={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          {...palette.inputProps}
          onPaste={(e) => {
            // A screenshot on the clipboard comes as a file; text (even with an image beside it) pastes as text.
            if (!e.clipboardData.types.includes('text/plain') && takePastedFiles(e.clipboardData)) e.preventDefault();
          }}
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
