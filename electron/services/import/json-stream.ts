import { JSONParser } from '@streamparser/json';
import { ImportFileError } from './model';

export interface JsonHit {
  value: unknown;
  key: string | number | undefined;
  /** Keys from the root to the parent of the value (the root is `null`). */
  path: (string | number | null | undefined)[];
}

/**
 * Streams the values at `paths` (jsonpath subset: `$.a.*`) out of a JSON byte stream, one by one,
 * so memory is bounded by the largest single value, not the file. A syntax error or a file that
 * ends mid-value throws ImportFileError('malformed').
 */
export async function* streamJson(source: AsyncIterable<Buffer | Uint8Array>, paths: string[], onBytes?: (bytes: number) => void): AsyncGenerator<JsonHit> {
  const parser = new JSONParser({ paths, keepStack: false });
  const ready: JsonHit[] = [];
  parser.onValue = ({ value, key, stack }) => {
    ready.push({ value, key, path: stack.map((s) => s.key) });
  };
  let bytes = 0;
  let first = true;
  try {
    for await (const raw of source) {
      let chunk = raw instanceof Buffer ? raw : Buffer.from(raw);
      bytes += chunk.length;
      if (first) {
        first = false;
        // A UTF-8 byte order mark is fine; UTF-16 is not JSON as the formats write it.
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
        else if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
          throw new ImportFileError('malformed', 'the file is UTF-16 encoded; expected UTF-8 JSON');
        }
      }
      if (parser.isEnded) {
        if (chunk.toString('utf8').trim()) throw new ImportFileError('malformed', 'unexpected data after the end of the JSON document');
        continue;
      }
      parser.write(chunk);
      onBytes?.(bytes);
      while (ready.length > 0) yield ready.shift()!;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('malformed', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!parser.isEnded) throw new ImportFileError('malformed', 'the file ends in the middle of the JSON document (truncated?)');
}

/** The leading bytes of a stream as text, for sniffing the format. */
export function headText(head: Buffer): string {
  return head.toString('utf8').replace(/^\ufeff/, '');
}
