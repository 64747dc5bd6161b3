/**
 * Source of the thread that reads documents (PDF through pdf.js, Word through mammoth) and counts
 * tokens, kept as plain JavaScript text so that it runs unchanged under Vitest, tsx and the bundled
 * CommonJS main process without a separate build entry (as the keychain thread does).
 *
 * Why a thread: pdf.js and mammoth parse in JavaScript; a 300-page PDF keeps a core busy for
 * seconds, which on the main thread would stall every window's stream and request.
 *
 * Protocol: requests `{ id, op: 'pdf'|'docx'|'tokens', bytes?, text?, maxChars? }`; replies
 * `{ id, ok: true, value }` or `{ id, ok: false, problem: 'encrypted'|'unreadable', message }`.
 * `pdf` answers `{ pages: string[], totalPages, cut }`: it stops reading pages once `maxChars` is
 * reached (`cut`), so a huge PDF costs only what is kept.
 */
export const EXTRACT_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
let pdfjs = null;
async function loadPdfjs() {
  // pdf.js constructs a DOMMatrix as it loads (and one per bitmap Type3 glyph), which Node lacks; it
  // would take one from the optional native @napi-rs/canvas, which the installer leaves out.
  globalThis.DOMMatrix ??= require(workerData.domMatrixPath);
  return (pdfjs ??= await import(pathToFileURL(workerData.pdfjsPath).href));
}

async function readPdf(bytes, maxChars) {
  const lib = await loadPdfjs();
  const task = lib.getDocument({
    data: bytes,
    cMapUrl: workerData.cMapDir,
    cMapPacked: true,
    standardFontDataUrl: workerData.fontDir,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages = [];
    let chars = 0;
    let cut = false;
    for (let n = 1; n <= doc.numPages; n++) {
      if (chars >= maxChars) { cut = true; break; }
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        text += item.str;
        if (item.hasEOL) text += '\\n';
      }
      page.cleanup();
      pages.push(text);
      chars += text.length;
    }
    return { pages, totalPages: doc.numPages, cut };
  } finally {
    await doc.destroy();
  }
}

async function readDocx(bytes) {
  const mammoth = require(workerData.mammothPath);
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return { text: result.value };
}

function countTokens(text) {
  return require(workerData.tokenizerPath).countTokens(text);
}

function problemOf(error) {
  const name = error && error.name;
  if (name === 'PasswordException') return 'encrypted';
  return 'unreadable';
}

parentPort.on('message', async (request) => {
  try {
    let value;
    if (request.op === 'pdf') value = await readPdf(request.bytes, request.maxChars);
    else if (request.op === 'docx') value = await readDocx(request.bytes);
    else if (request.op === 'tokens') value = countTokens(request.text);
    else throw new Error('unknown operation ' + request.op);
    parentPort.postMessage({ id: request.id, ok: true, value });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, problem: problemOf(error), message: String(error && error.message || error).slice(0, 500) });
  }
});
`;
