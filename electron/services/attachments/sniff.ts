/** What a file is, judged by its bytes first and its name only where bytes cannot tell (plain text). */
export type Sniffed =
  | { kind: 'image'; format: 'png' | 'jpeg' | 'webp' | 'gif' }
  | { kind: 'pdf' }
  | { kind: 'docx' }
  | { kind: 'text' }
  | { kind: 'executable' }
  | { kind: 'unsupported' };

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

// Programs: Windows PE ("MZ"), ELF, Mach-O (32/64, both byte orders, fat), and shebang scripts are text.
const EXECUTABLE_SIGNATURES: readonly (readonly number[])[] = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
];

const extension = (name: string) => /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';

/**
 * Decides how a file is handled. A renamed program ("invoice.pdf" that starts with MZ) is a program;
 * a ZIP is a Word document only when it holds word/document.xml; anything else is text only when
 * its start decodes as text.
 */
export function sniff(bytes: Uint8Array, name: string): Sniffed {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', format: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'image', format: 'webp' };
  if (ascii(bytes, 0, 4) === 'GIF8') return { kind: 'image', format: 'gif' };
  // Binary headers hold NUL bytes; a text that happens to start with "MZ" does not.
  if (EXECUTABLE_SIGNATURES.some((sig) => startsWith(bytes, sig)) && bytes.subarray(0, 64).includes(0)) return { kind: 'executable' };
  // A PDF may have a little junk before its header; readers accept it within the first KB.
  if (ascii(bytes, 0, Math.min(bytes.length, 1024)).includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // The ZIP's local headers name its entries; a .docx has word/document.xml among the first ones.
    const head = ascii(bytes, 0, Math.min(bytes.length, 64 * 1024));
    return head.includes('word/') || extension(name) === 'docx' ? { kind: 'docx' } : { kind: 'unsupported' };
  }
  return looksLikeText(bytes) ? { kind: 'text' } : { kind: 'unsupported' };
}

/** No NUL bytes in the first 8 KB (UTF-16 text carries a BOM and is accepted by it). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const head = bytes.subarray(0, 8192);
  return !head.includes(0);
}
