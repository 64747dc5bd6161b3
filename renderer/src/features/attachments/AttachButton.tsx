import { useRef } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useDraftStore } from './draft-store';
import { PaperclipIcon } from '../../ui/icons';

/** The file picker: the browser's own, so main never hands the page a path. */
export function AttachButton({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const add = useDraftStore((s) => s.add);
  return (
    <>
      <button
        type="button"
        className="composer-button composer-attach"
        onClick={() => input.current?.click()}
        disabled={disabled}
        aria-label={t('rich.attach.button')}
        title={t('rich.attach.button')}
      >
        <PaperclipIcon />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="attach-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) add(files);
        }}
      />
    </>
  );
}
