import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { CloseIcon } from '../../ui/icons';
import { AttachmentChip } from './AttachmentChip';
import { useDraftStore } from './draft-store';
import { problemText } from './format';
import { ImageViewer } from './ImageViewer';
import './attachments.css';

/** The files waiting in the composer: ready ones as chips, ones being added, refused ones with why. */
export function AttachmentTray() {
  const { t, i18n } = useTranslation();
  const items = useDraftStore((s) => s.items);
  const remove = useDraftStore((s) => s.remove);
  const [viewing, setViewing] = useState<{ id: string; name: string } | null>(null);
  if (items.length === 0) return null;
  const total = items.reduce((sum, i) => sum + (i.ref?.tokens ?? 0), 0);
  return (
    <div className="attachment-tray" role="group" aria-label={t('rich.attach.tray')}>
      <div className="attachment-list">
        {items.map((item) => {
          if (item.status === 'ready' && item.ref) {
            const ref = item.ref;
            return (
              <AttachmentChip key={item.key} attachment={ref} onRemove={() => remove(item.key)} onOpen={() => setViewing({ id: ref.id, name: ref.name })} />
            );
          }
          const failed = item.status === 'failed';
          return (
            <div key={item.key} className={`attachment-chip attachment-pending${failed ? ' attachment-failed' : ''}`} role={failed ? 'alert' : 'status'}>
              <span className="attachment-pending-text">{failed ? problemText(t, item.problem, item.name) : `${item.name} · ${t('rich.attach.adding')}`}</span>
              <button type="button" className="attachment-remove" onClick={() => remove(item.key)} aria-label={t('rich.attach.remove', { name: item.name })} title={t('rich.attach.remove', { name: item.name })}>
                <CloseIcon width={12} height={12} />
              </button>
            </div>
          );
        })}
      </div>
      {total > 0 && <p className="attachment-total">{t('rich.attach.total', { tokens: total.toLocaleString(i18n.language) })}</p>}
      {viewing && <ImageViewer {...viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}
