import { getApi } from '../../api';

/** Hands a file to the browser's (or Electron's) download flow. */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once click() returns; a little later is safe everywhere.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const toBytes = (base64: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

/** A Ferry backup written in main's data folder, fetched piece by piece and saved as a download. */
export async function downloadBackup(fileName: string): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const piece = await getApi().call('export.readBackup', { fileName, offset });
    const bytes = toBytes(piece.data);
    parts.push(bytes);
    offset += bytes.length;
    if (piece.eof || bytes.length === 0) break;
  }
  saveFile(fileName, new Blob(parts, { type: 'application/json' }));
}
