/**
 * Small PNG avatars for the demo's managers: initials in white on a two-colour gradient, drawn
 * with a 5×7 pixel font and encoded as a real PNG (zlib through fflate). Real image bytes, so the
 * photo upload checks (magic bytes, type) and the portal's <img> see what a real photo gives.
 */
import { zlibSync } from 'fflate';

/** 5×7 glyphs, one string of 5 bits per row. Only the letters the demo's initials need. */
const GLYPHS: Record<string, string[]> = {
  A: ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
  D: ['11110', '10001', '10001', '10001', '10001', '10001', '11110'],
  M: ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
  P: ['11110', '10001', '10001', '11110', '10000', '10000', '10000'],
  S: ['01111', '10000', '10000', '01110', '00001', '00001', '11110'],
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

type Rgb = readonly [number, number, number];

/** A `size`×`size` PNG (RGB) of `initials` (letters of GLYPHS) on a gradient from `top` to `bottom`. */
export function avatarPng(initials: string, top: Rgb, bottom: Rgb, size = 128): Uint8Array {
  const scale = Math.floor(size / 16);
  const letters = [...initials.toUpperCase()].map((ch) => {
    const glyph = GLYPHS[ch];
    if (!glyph) throw new Error(`No glyph for ${ch}`);
    return glyph;
  });
  const textWidth = (letters.length * 5 + (letters.length - 1) * 2) * scale;
  const left = Math.floor((size - textWidth) / 2);
  const topEdge = Math.floor((size - 7 * scale) / 2);
  const ink = (x: number, y: number): boolean => {
    const gx = Math.floor((x - left) / scale);
    const gy = Math.floor((y - topEdge) / scale);
    if (x < left || y < topEdge || gy >= 7) return false;
    const letter = Math.floor(gx / 7);
    const column = gx % 7;
    return column < 5 && letters[letter]?.[gy]?.[column] === '1';
  };
  const rows = new Uint8Array(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const at = y * (1 + size * 3);
    rows[at] = 0; // filter: none
    const mix = (i: number) => Math.round(top[i]! + ((bottom[i]! - top[i]!) * y) / (size - 1));
    for (let x = 0; x < size; x++) {
      const colour = ink(x, y) ? [255, 255, 255] : [mix(0), mix(1), mix(2)];
      rows.set(colour, at + 1 + x * 3);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method variants, no interlace
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}
