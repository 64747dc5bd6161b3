import { useTranslation } from '../../i18n/use-translation';
import { useFileDrop } from './use-file-drop';

/** "Drop files to attach them", over the whole window while files hover it. */
export function DropOverlay() {
  const { t } = useTranslation();
  const dragging = useFileDrop(true);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>{t('rich.attach.dropHere')}</p>
    </div>
  );
}
