/**
 * Draws the add-in's icons (assets/icon-16|32|64|80|128.png): a "tablero" glyph — three rising
 * bars on a rounded navy tile — as real PNG files, with Node's zlib only (no image tools).
 *
 *   npx tsx scripts/make-icons.ts        (re-run after changing the drawing; the PNGs are committed)
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { crc32 } from '../src/xlsx/zip';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA pixels (row-major, 4 bytes each) → PNG bytes. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

type Rgb = [number, number, number];
const NAVY: Rgb = [0x1f, 0x38, 0x64];
const BARS: Rgb[] = [
  [0xff, 0xc0, 0x00],
  [0x70, 0xad, 0x47],
  [0x5b, 0x9b, 0xd5],
];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** Draws the glyph at `size` px with 4×4 supersampling for smooth edges. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const ss = 4;
  const radius = 0.18;
  const sample = (u: number, v: number): [Rgb, number] | undefined => {
    // Rounded tile.
    const dx = Math.max(radius - u, 0, u - (1 - radius));
    const dy = Math.max(radius - v, 0, v - (1 - radius));
    if (dx * dx + dy * dy > radius * radius) return undefined;
    // Baseline.
    if (v > 0.78 && v < 0.83 && u > 0.16 && u < 0.84) return [WHITE, 1];
    // Three rising bars.
    const bars = [
      { l: 0.2, r: 0.36, top: 0.52 },
      { l: 0.42, r: 0.58, top: 0.36 },
      { l: 0.64, r: 0.8, top: 0.18 },
    ];
    for (let i = 0; i < bars.length; i++) {
      const b = bars[i];
      if (u >= b.l && u <= b.r && v >= b.top && v <= 0.78) return [BARS[i], 1];
    }
    return [NAVY, 1];
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const s = sample((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!s) continue;
          r += s[0][0];
          g += s[0][1];
          b += s[0][2];
          a++;
        }
      }
      const i = (y * size + x) * 4;
      if (a) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
      }
      px[i + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return px;
}

export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = path.join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  for (const f of writeIcons(path.join(__dirname, '..', 'assets'))) console.log(f);
}
