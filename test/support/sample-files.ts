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

/**
 * A one-page PDF as many Chinese office tools and older generators write it: the text in STSong-Light,
 * one of the CJK fonts PDF readers must supply themselves, so nothing is embedded and the codes
 * (UCS-2) reach characters only through the predefined CMaps UniGB-UCS2-H and Adobe-GB1-UCS2, which
 * pdf.js reads from its cmaps/ folder. `latin` is set in Helvetica (a standard font, not embedded either).
 * PDFKit always embeds its fonts, so this one is put together by hand.
 */
export function sampleCidPdf(chinese: readonly string[], latin: string): Buffer {
  const ucs2 = (text: string) => [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = [
    ...chinese.map((line, i) => `BT /F1 20 Tf 72 ${760 - i * 32} Td <${ucs2(line)}> Tj ET`),
    `BT /F2 12 Tf 72 ${760 - chinese.length * 32} Td (${latin.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`,
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 7 0 R >> >> /Contents 8 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 6 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
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
