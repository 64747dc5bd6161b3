import type { Page } from '@playwright/test';

interface FileSpec {
  name: string;
  type: string;
  bytes: Buffer;
}

/**
 * A paste or a drop carrying files, as the browser delivers it (a ClipboardEvent / DragEvent with a
 * real DataTransfer of File objects). Playwright cannot fill the OS clipboard or drag from the
 * desktop, so the page builds the event from the bytes.
 */
async function dispatchWithFiles(page: Page, kind: 'paste' | 'drop', selector: string, files: FileSpec[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') }));
  await page.evaluate(
    ({ kind, selector, payload }) => {
      const transfer = new DataTransfer();
      for (const f of payload) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: f.type }));
      }
      const target = document.querySelector(selector) ?? document.body;
      if (kind === 'paste') {
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
        return;
      }
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { kind, selector, payload },
  );
}

export const pasteFiles = (page: Page, selector: string, files: FileSpec[]) => dispatchWithFiles(page, 'paste', selector, files);
export const dropFiles = (page: Page, selector: string, files: FileSpec[]) => dispatchWithFiles(page, 'drop', selector, files);
