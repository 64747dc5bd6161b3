import { StringDecoder } from 'node:string_decoder';
import { asFetchBodyError, takeNodeBody } from '../network/event-stream-fetch';

/**
 * Reads a response body as UTF-8 text, chunk by chunk, until it ends or `onText` returns false
 * (the body is then cancelled). A body from eventStreamFetch is read as Node's stream, one event per
 * network read and no promise per chunk; any other (Electron's net.fetch) through its web stream.
 * Either way a failure rejects as fetch's body reader would: the abort reason, or "terminated".
 */
export async function readBodyText(response: Response, onText: (text: string) => boolean, signal: AbortSignal): Promise<void> {
  const node = takeNodeBody(response);
  if (!node) return readWebBody(response, onText);
  // Not node.setEncoding: undici's body only records the encoding and still emits Buffers.
  const decoder = new StringDecoder('utf8');
  let first = true;
  try {
    await new Promise<void>((resolve, reject) => {
      const onData = (bytes: Buffer) => {
        const chunk = decoder.write(bytes);
        // TextDecoder drops a leading byte-order mark; Node's decoder keeps it.
        const text = first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
        if (chunk) first = false;
        let more: boolean;
        try {
          more = onText(text);
        } catch (error) {
          // Thrown out of the read, as from a loop over the reader (not into the stream's events).
          more = false;
          reject(error);
        }
        if (!more) {
          node.off('data', onData);
          resolve();
        }
      };
      node.on('data', onData);
      node.once('end', resolve);
      node.once('close', resolve);
      node.once('error', (error) => reject(asFetchBodyError(error, signal)));
    });
  } finally {
    node.destroy();
  }
}

async function readWebBody(response: Response, onText: (text: string) => boolean): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    if (!onText(decoder.decode(value, { stream: true }))) {
      reader.cancel().catch(() => {});
      return;
    }
  }
}
