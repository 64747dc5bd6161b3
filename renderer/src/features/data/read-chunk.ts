/**
 * A piece of a file as base64, read by the browser itself (FileReader's data: URL): the bridge
 * carries JSON, and building base64 by hand over megabytes of bytes would stall the page.
 */
export function readBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(blob);
  });
}
