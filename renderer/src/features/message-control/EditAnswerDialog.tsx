import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Message } from '../../../../shared/schemas';
import { Modal } from '../../ui/Modal';
import { editAnswer } from './actions';

/** Edits an answer in a roomy box; saving keeps the original as a sibling (‹ 1/2 ›). */
export function EditAnswerDialog({ message, onClose, onError }: { message: Message; onClose(): void; onError(error: unknown): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(message.content);
  const box = useRef<HTMLTextAreaElement>(null);
  const save = () => {
    if (!text.trim()) return;
    onClose();
    void editAnswer(message.id, text).catch(onError);
  };
  return (
    <Modal title={t('rich.message.editAnswer')} onClose={onClose} closeLabel={t('common.close')} className="edit-answer-dialog" initialFocus={box}>
      <form
        className="modal-body"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <p className="field-help">{t('rich.message.editAnswerHint')}</p>
        <textarea
          ref={box}
          className="input edit-answer-input"
          aria-label={t('rich.message.editAnswerLabel')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save();
            }
          }}
        />
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={!text.trim() || text === message.content}>
            {t('rich.message.saveAnswer')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
