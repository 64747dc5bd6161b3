import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';

interface EditMessageFormProps {
  initial: string;
  onSubmit(text: string): void;
  onCancel(): void;
}

/** Edit-and-resend: the new text becomes a sibling of the original message, which is kept. */
export function EditMessageForm({ initial, onSubmit, onCancel }: EditMessageFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const submit = () => {
    if (text.trim()) onSubmit(text);
  };
  return (
    <form
      className="edit-message"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <textarea
        className="edit-message-input"
        aria-label={t('branch.editLabel')}
        value={text}
        rows={Math.min(12, Math.max(2, text.split('\n').length))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          // Same rule as the composer: Enter sends unless an IME is composing or Shift is held.
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
            e.preventDefault();
            submit();
          }
        }}
        autoFocus
      />
      <div className="edit-message-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('branch.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={!text.trim()}>
          {t('branch.send')}
        </button>
      </div>
    </form>
  );
}
