import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ImportFileError, LIMITS } from './model';

export interface ZipArchive {
  names: string[];
  has(name: string): boolean;
  /** The entry's uncompressed size, or -1 when absent. */
  size(name: string): number;
  open(name: string): Promise<Readable>;
  /** The whole entry, when it is at most `max` bytes; null when absent or larger. */
  read(name: string, max?: number): Promise<Buffer | null>;
  close(): void;
}

const ioError = (error: unknown) => new ImportFileError('malformed', `not a readable zip archive: ${error instanceof Error ? error.message : String(error)}`);

/**
 * Opens a zip through yauzl: the central directory is read once, then each entry is streamed on
 * demand (a 500 MB export is never loaded whole). Entry names are only looked up, never used as
 * paths on disk.
 */
export async function openZip(file: string): Promise<ZipArchive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (error, z) =>
      error || !z ? reject(ioError(error)) : resolve(z),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', (error) => reject(ioError(error)));
    zip.readEntry();
  }).catch((error: unknown) => {
    zip.close();
    throw error;
  });

  const open = (name: string) =>
    new Promise<Readable>((resolve, reject) => {
      const entry = entries.get(name);
      if (!entry) return reject(new ImportFileError('malformed', `${name} is missing from the archive`));
      zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(ioError(error)) : resolve(stream)));
    });

  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    size: (name) => entries.get(name)?.uncompressedSize ?? -1,
    open,
    async read(name, max = LIMITS.attachmentBytes) {
      const entry = entries.get(name);
      if (!entry || entry.uncompressedSize > max) return null;
      const stream = await open(name);
      const parts: Buffer[] = [];
      try {
        for await (const part of stream) parts.push(part as Buffer);
      } catch (error) {
        throw ioError(error);
      }
      return Buffer.concat(parts);
    },
    close: () => zip.close(),
  };
}

export const isZip = (head: Buffer): boolean => head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
