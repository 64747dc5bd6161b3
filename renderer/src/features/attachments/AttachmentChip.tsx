import { useTranslation } from '../../i18n/use-translation';
import type { AttachmentRef } from '../../../../shared/schemas';
import { CloseIcon, FileIcon } from '../../ui/icons';

interface ChipProps {
  attachment: AttachmentRef;
  onRemove?(): void;
  onOpen?(): void;
}

/** One attachment: a thumbnail for an image, name, pages and token estimate for a document. */
export function AttachmentChip({ attachment: a, onRemove, onOpen }: ChipProps) {
  const { t, i18n } = useTranslation();
  const image = a.kind === 'image' && a.thumbnail;
  const details = [
    a.pages !== null ? t('rich.attach.pages', { count: a.pages }) : null,
    t('rich.attach.tokens', { tokens: a.tokens.toLocaleString(i18n.language) }),
  ].filter(Boolean);
  return (
    <div className={`attachment-chip${image ? ' attachment-chip-image' : ''}`} data-attachment={a.name}>
      {image ? (
        <button type="button" className="attachment-thumb" onClick={onOpen} aria-label={t('rich.attach.view', { name: a.name })} title={a.name}>
          <img src={a.thumbnail ?? ''} alt={t('rich.attach.imageAlt', { name: a.name })} />
        </button>
      ) : (
        <div className="attachment-doc">
          <FileIcon width={18} height={18} />
          <div className="attachment-doc-text">
            <span className="attachment-name" title={a.name}>
              {a.name}
            </span>
            <span className="attachment-meta">{details.join(' · ')}</span>
            {a.truncated && <span className="attachment-note">{t('rich.attach.truncated')}</span>}
          </div>
        </div>
      )}
      {onRemove && (
        <button type="button" className="attachment-remove" onClick={onRemove} aria-label={t('rich.attach.remove', { name: a.name })} title={t('rich.attach.remove', { name: a.name })}>
          <CloseIcon width={12} height={12} />
        </button>
      )}
    </div>
  );
}
