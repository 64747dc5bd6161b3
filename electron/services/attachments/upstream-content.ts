import type { ContentPart } from '../upstream/types';
import { documentBlock } from './document-text';
import type { LinkedAttachment } from './attachment-store';

/** An attachment as the next request needs it: a document's text, or an image's data URL (null: its file is gone). */
export type ResolvedAttachment =
  | { kind: 'document'; name: string; text: string; truncated: boolean; pages: number | null }
  | { kind: 'image'; name: string; dataUrl: string | null };

/**
 * A user turn with its attachments. Documents go as text after the user's words (each in a <file>
 * element); images as `image_url` parts. Without images the content stays one string: many relays
 * and text-only models refuse the array form.
 */
export function userContent(text: string, attachments: readonly ResolvedAttachment[]): string | ContentPart[] {
  const blocks = attachments.flatMap((a) => (a.kind === 'document' ? [documentBlock(a)] : []));
  const missing = attachments.flatMap((a) => (a.kind === 'image' && a.dataUrl === null ? [`[Image "${a.name}" is no longer available.]`] : []));
  const body = [text, ...blocks, ...missing].filter((part) => part.trim() !== '').join('\n\n');
  const images = attachments.flatMap((a) => (a.kind === 'image' && a.dataUrl !== null ? [a.dataUrl] : []));
  if (images.length === 0) return body;
  return [
    ...(body ? [{ type: 'text' as const, text: body }] : []),
    ...images.map((url) => ({ type: 'image_url' as const, image_url: { url } })),
  ];
}

/** Loads what `userContent` needs: the stored text, or the image file as a data URL. */
export async function resolveAttachments(
  linked: readonly LinkedAttachment[],
  readFile: (id: string) => Promise<Buffer>,
): Promise<ResolvedAttachment[]> {
  return Promise.all(
    linked.map(async (a): Promise<ResolvedAttachment> => {
      if (a.kind === 'document') return { kind: 'document', name: a.name, text: a.text ?? '', truncated: a.truncated, pages: a.pages };
      try {
        const bytes = await readFile(a.id);
        return { kind: 'image', name: a.name, dataUrl: `data:${a.mime};base64,${bytes.toString('base64')}` };
      } catch {
        return { kind: 'image', name: a.name, dataUrl: null };
      }
    }),
  );
}
