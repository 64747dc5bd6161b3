import { ATTACHMENT_LIMITS } from '../../../shared/schemas';

/**
 * Text of a text file. UTF-8 first (a BOM is dropped); UTF-16 by its BOM; otherwise GB18030, the
 * superset of GBK that Chinese Windows still writes .txt and .csv files in. Null when the bytes
 * decode as none of them.
 */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      // Try the next one.
    }
  }
  return null;
}

/** Pages of a PDF as one text, each page introduced so the model can cite it. */
export function joinPages(pages: readonly string[]): string {
  return pages.map((text, i) => `[Page ${i + 1}]\n${text.trim()}`).join('\n\n');
}

/** Cuts text to the per-document limit; `truncated` says whether anything was left out. */
export function limitText(text: string, max: number = ATTACHMENT_LIMITS.maxDocumentChars): { text: string; truncated: boolean } {
  const clean = text.replace(/\r\n?/g, '\n').replaceAll(String.fromCharCode(0), '');
  if (clean.length <= max) return { text: clean, truncated: false };
  // Never end on half of a surrogate pair.
  let end = max;
  const code = clean.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: clean.slice(0, end), truncated: true };
}

const escapeAttr = (value: string) => value.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!);

/**
 * How a document reaches the model: inside a <file> element naming it, with a note when it was cut,
 * so the model neither mistakes it for the user's own words nor claims to have read all of it.
 */
export function documentBlock(doc: { name: string; text: string; truncated: boolean; pages: number | null }): string {
  const pages = doc.pages !== null ? ` pages="${doc.pages}"` : '';
  const note = doc.truncated
    ? `\n[Ferry: this document was too long and was cut here; only the first ${doc.text.length} characters were sent.]`
    : '';
  return `<file name="${escapeAttr(doc.name)}"${pages}>\n${doc.text}${note}\n</file>`;
}
