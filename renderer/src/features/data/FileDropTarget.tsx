import { useEffect, useState } from 'react';
import './data.css';
import { useTranslation } from '../../i18n/use-translation';
import { useAppStore } from '../../state/app-store';
import { hasUnsavedChanges } from '../settings/unsaved';
import { destinationOf } from './drop-destination';
import { startImport } from './import-store';

const carriesFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');

/**
 * An export dropped on the window (or any file dropped on Settings) is imported: Settings › Data
 * opens on its progress and preview. Other drops are the composer's attachments (see
 * drop-destination.ts). Listening in the capture phase also keeps the browser (or Electron) from
 * opening the file in place of the app.
 */
export function FileDropTarget() {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(destinationOf(e) === 'import');
    };
    const dragOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      if (destinationOf(e) !== 'import') return;
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      void startImport(file);
      const app = useAppStore.getState();
      // Another section's unsaved edits are not thrown away for this: the import runs meanwhile.
      if (app.settingsSection !== 'data' && !(app.settingsSection && hasUnsavedChanges())) app.openSettings('data');
    };
    const options = { capture: true };
    window.addEventListener('dragenter', enter, options);
    window.addEventListener('dragover', dragOver, options);
    window.addEventListener('dragleave', leave, options);
    window.addEventListener('drop', drop, options);
    return () => {
      window.removeEventListener('dragenter', enter, options);
      window.removeEventListener('dragover', dragOver, options);
      window.removeEventListener('dragleave', leave, options);
      window.removeEventListener('drop', drop, options);
    };
  }, []);

  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p className="drop-overlay-text">{t('data.import.dropHint')}</p>
    </div>
  );
}
