/**
 * `npm run icons`: every app icon from build/icon.svg — Linux PNGs (build/icons/NxN.png), the
 * Windows .ico and the macOS .icns. The outputs are committed, so packaging needs no image tools on
 * any runner; test/unit/packaging-rules.test.ts fails when they no longer match the SVG.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const BUILD = resolve(import.meta.dirname, '..');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const render = (svg: string, size: number): Buffer => Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());

/** Relative path under build/ → file contents. */
export function renderIcons(svg: string = readFileSync(join(BUILD, 'icon.svg'), 'utf8')): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const size of LINUX_SIZES) out.set(`icons/${size}x${size}.png`, render(svg, size));
  const master = out.get('icons/1024x1024.png')!;
  const icns = png2icons.createICNS(master, png2icons.BICUBIC, 0);
  // PNG chunks for the large sizes, BMP for the small ones: what Windows Explorer and the NSIS installer read.
  const ico = png2icons.createICO(out.get('icons/256x256.png')!, png2icons.BICUBIC, 0, false, true);
  if (!icns || !ico) throw new Error('png2icons could not convert the icon');
  out.set('icon.icns', icns);
  out.set('icon.ico', ico);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  for (const [rel, data] of renderIcons()) {
    mkdirSync(dirname(join(BUILD, rel)), { recursive: true });
    writeFileSync(join(BUILD, rel), data);
    console.log(`build/${rel} (${data.length} bytes)`);
  }
}
