import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { getApi } from '../../api';
import { Modal } from '../../ui/Modal';

/** The stored image at full size; it comes from the data folder, so it shows offline too. */
export function ImageViewer({ id, name, onClose }: { id: string; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    getApi()
      .call('attachments.image', { id })
      .then(({ dataUrl }) => live && setUrl(dataUrl))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <Modal title={name} onClose={onClose} closeLabel={t('common.close')} className="image-viewer">
      <div className="image-viewer-body">
        {url && <img src={url} alt={t('rich.attach.imageAlt', { name })} />}
        {failed && <p role="alert">{t('rich.attach.problem.expired', { name })}</p>}
      </div>
    </Modal>
  );
}
