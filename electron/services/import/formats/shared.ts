import { asArray, asObject, asText, type ImportedAttachment } from '../model';

/** Pieces several formats share: OpenAI-style content parts and data: URLs. */

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)?(;[\w-]+=[^;,]*)*;base64,(.*)$/s;

/** A data: URL's bytes (images pasted into NextChat and the like), or null. */
export function fromDataUrl(url: string, name: string): ImportedAttachment | null {
  const match = DATA_URL.exec(url);
  if (!match) return null;
  const data = Buffer.from(match[3]!, 'base64');
  if (data.length === 0) return null;
  const mime = match[1] ?? 'application/octet-stream';
  return { name: `${name}.${mime.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin'}`, mime, data };
}

/** `string | [{type:'text',text} | {type:'image_url',image_url:{url}}]` → text and attachments. */
export function openAiContent(content: unknown, name: string): { text: string; attachments: ImportedAttachment[] } {
  if (typeof content === 'string') return { text: content, attachments: [] };
  const texts: string[] = [];
  const attachments: ImportedAttachment[] = [];
  asArray(content).forEach((raw, i) => {
    const part = asObject(raw);
    if (!part) return;
    if (part.type === 'text') texts.push(asText(part.text));
    else if (part.type === 'image_url') {
      const url = asText(asObject(part.image_url)?.url);
      const inline = fromDataUrl(url, `${name}-${i + 1}`);
      attachments.push(inline ?? { name: url.slice(0, 200) || 'image', mime: null, data: null });
    }
  });
  return { text: texts.filter(Boolean).join('\n\n'), attachments };
}

/** Field names that hold secrets in the apps we import from. Their values are never read into Ferry. */
export const isSecretField = (key: string): boolean => /(api_?key|openai_?key|access_?code|token|secret|password|license_?key)$/i.test(key);

/** Non-empty secret fields of an object (and of the objects inside it, a few levels down), counted for the preview. */
export function countSecrets(object: Record<string, unknown> | null, depth = 3): number {
  if (!object || depth === 0) return 0;
  let count = 0;
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'string') count += isSecretField(key) && value.trim() !== '' ? 1 : 0;
    else count += countSecrets(asObject(value), depth - 1);
  }
  return count;
}
