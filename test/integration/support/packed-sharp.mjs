// Runs sharp the way the installed app's main process does, from a copy of the packed app laid out
// like resources/: `require('sharp')` from app.asar/dist-electron/ (the extracted archive stands for
// what Electron shows JavaScript of it), and native code from app.asar.unpacked/, as Electron
// loads a .node file that asarUnpack put there. Its own process: the test's sharp must not share it.
// Usage: node packed-sharp.mjs <resources> <png file>; prints what it made and which files it loaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';

const [resources, pngFile] = process.argv.slice(2);
const archive = `${sep}app.asar${sep}`;
const dlopened = [];
const dlopen = process.dlopen;
process.dlopen = (module, filename, ...rest) => {
  const real = filename.replace(archive, `${sep}app.asar.unpacked${sep}`);
  dlopened.push(real);
  return dlopen(module, real, ...rest);
};

async function main() {
  const require = createRequire(join(resources, 'app.asar', 'dist-electron', 'main.cjs'));
  const sharp = require('sharp');
  const input = readFileSync(pngFile);
  // What image-prep.ts does with a large screenshot: metadata, rotate, fit in 2048, PNG, JPEG, a WebP thumbnail.
  const meta = await sharp(input).metadata();
  const resize = () => sharp(input, { animated: false }).rotate().resize({ width: 2048, height: 2048, fit: 'inside', withoutEnlargement: true });
  const png = await resize().png({ compressionLevel: 9, palette: false }).toBuffer({ resolveWithObject: true });
  const jpeg = await resize().flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  const thumb = await sharp(png.data).resize({ width: 256, height: 256, fit: 'inside' }).webp({ quality: 70 }).toBuffer({ resolveWithObject: true });
  const made = (r) => ({ format: r.info.format, width: r.info.width, height: r.info.height, bytes: r.data.length });
  process.stdout.write(
    JSON.stringify({ input: { width: meta.width, height: meta.height }, png: made(png), jpeg: made(jpeg), thumb: made(thumb), loaded: Object.keys(require.cache), dlopened }),
  );
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
