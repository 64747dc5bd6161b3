import { useState } from 'react';
import type { AttachmentRef } from '../../../../shared/schemas';
import { AttachmentChip } from './AttachmentChip';
import { ImageViewer } from './ImageViewer';
import './attachments.css';

/** The files a sent message carries, from its stored thumbnails and details. */
export function MessageAttachments({ attachments }: { attachments: readonly AttachmentRef[] }) {
  const [viewing, setViewing] = useState<AttachmentRef | null>(null);
  if (attachments.length === 0) return null;
  return (
    <div className="message-attachments">
      {attachments.map((a, i) => (
        <AttachmentChip key={`${a.id}-${i}`} attachment={a} onOpen={() => setViewing(a)} />
      ))}
      {viewing && <ImageViewer id={viewing.id} name={viewing.name} onClose={() => setViewing(null)} />}
    </div>
  );
}
