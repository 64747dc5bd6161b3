import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import sharp from 'sharp';

/**
 * Real files of each kind, made by the tests themselves (nothing downloaded, nothing checked in):
 * images through sharp, a PDF through PDFKit with the system's Noto CJK font (the Debian package
 * fonts-noto-cjk the suite already needs), a Word file through the docx package.
 */

export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** A gradient with a few shapes, so an encoder has something to work on. */
export async function sampleImage(format: 'png' | 'jpeg' | 'webp', width = 640, height = 480): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#2563eb"/><stop offset="1" stop-color="#f97316"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width / 3}" cy="${height / 2}" r="${Math.min(width, height) / 5}" fill="#fff" opacity="0.8"/>
    <rect x="${width / 2}" y="${height / 4}" width="${width / 4}" height="${height / 2}" fill="#111" opacity="0.6"/>
  </svg>`;
  const image = sharp(Buffer.from(svg));
  if (format === 'png') return image.png().toBuffer();
  if (format === 'jpeg') return image.jpeg({ quality: 90 }).toBuffer();
  return image.webp({ quality: 90 }).toBuffer();
}

/** A multi-page PDF whose pages say `pages[i]` (Chinese works: the font is embedded). */
export function samplePdf(pages: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, compress: true });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.registerFont('cjk', CJK_FONT, 'NotoSansCJKsc-Regular');
    for (const text of pages) {
      doc.addPage();
      doc.font('cjk').fontSize(14).text(text);
    }
    doc.end();
  });
}

/** A Word document with one paragraph per entry. */
export function sampleDocx(paragraphs: readonly string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
  return Packer.toBuffer(doc);
}

/** What a renamed Windows program starts with. */
export function sampleExe(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'ascii');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'binary');
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'ascii');
  return bytes;
}

/** The start of a PDF and then garbage: what a truncated download looks like. */
export function corruptPdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'), Buffer.alloc(2048, 0x41)]);
}
