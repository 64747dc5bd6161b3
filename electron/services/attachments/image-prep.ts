import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { ATTACHMENT_LIMITS } from '../../../shared/schemas';

export interface PreparedImage {
  bytes: Buffer;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  /** data:image/webp;base64,… at most THUMB_SIDE on its longest side. */
  thumbnail: string;
}

const THUMB_SIDE = 256;
const JPEG_QUALITIES = [85, 75, 60, 45];
// A decompression bomb (a tiny PNG of 50,000 × 50,000 pixels) is refused before it is decoded.
const MAX_INPUT_PIXELS = 100_000_000;

/** An image too odd to decode (damaged, a bomb, not really an image). */
export class ImageError extends Error {
  override name = 'ImageError';
}

/**
 * What is stored and sent for an image: at most `maxImageSide` on its longest side (models scale
 * larger ones down anyway, and the upload shrinks by the square), rotated as its EXIF says,
 * metadata stripped (no GPS position leaves the machine), PNG kept for screenshots that stay small
 * (text stays crisp), JPEG otherwise; re-encoded at lower quality, then smaller, until it fits
 * `maxImageBytes`.
 */
export async function prepareImage(input: Uint8Array, format: 'png' | 'jpeg' | 'webp' | 'gif'): Promise<PreparedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch (error) {
    throw new ImageError(error instanceof Error ? error.message : String(error));
  }
  const hasAlpha = meta.hasAlpha === true;
  let side: number = ATTACHMENT_LIMITS.maxImageSide;
  try {
    for (let round = 0; round < 4; round++, side = Math.round(side * 0.7)) {
      // animated: false — a GIF's first frame only (what vision models read anyway).
      const base = () =>
        sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
          .rotate()
          .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
      if (format === 'png' || (hasAlpha && format !== 'jpeg')) {
        const { data, info } = await base().png({ compressionLevel: 9, palette: false }).toBuffer({ resolveWithObject: true });
        if (data.length <= ATTACHMENT_LIMITS.maxImageBytes) return finish(data, 'image/png', info);
      }
      for (const quality of JPEG_QUALITIES) {
        const { data, info } = await base()
          .flatten({ background: '#ffffff' })
          .jpeg({ quality, mozjpeg: true })
          .toBuffer({ resolveWithObject: true });
        if (data.length <= ATTACHMENT_LIMITS.maxImageBytes) return finish(data, 'image/jpeg', info);
      }
    }
  } catch (error) {
    throw new ImageError(error instanceof Error ? error.message : String(error));
  }
  throw new ImageError('the image could not be made small enough');
}

async function finish(bytes: Buffer, mime: PreparedImage['mime'], info: OutputInfo): Promise<PreparedImage> {
  const thumb = await sharp(bytes).resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
  return { bytes, mime, width: info.width, height: info.height, thumbnail: `data:image/webp;base64,${thumb.toString('base64')}` };
}

/**
 * Tokens an image costs at OpenAI's "high" detail: scaled to fit 2048 × 2048, then its short side
 * to 768, 170 per 512-pixel tile plus 85. Other providers count differently; it is an estimate.
 */
export function imageTokens(width: number, height: number): number {
  let w = width;
  let h = height;
  const fit = Math.min(1, 2048 / Math.max(w, h));
  w *= fit;
  h *= fit;
  const short = Math.min(1, 768 / Math.min(w, h));
  w *= short;
  h *= short;
  return 85 + 170 * Math.ceil(w / 512) * Math.ceil(h / 512);
}
