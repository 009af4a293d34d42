/**
 * Promo banners for the demo's news, drawn as real PNGs (SVG is refused as a banner type: it can
 * carry scripts): a two-colour diagonal gradient, a few soft "chips", a small tag line and a big
 * headline in a 5×7 pixel font, 960 × 400 px.
 */
import { encodePng } from './png.ts';

const FONT: Record<string, string> = {
  A: '01110 10001 10001 11111 10001 10001 10001',
  B: '11110 10001 10001 11110 10001 10001 11110',
  C: '01111 10000 10000 10000 10000 10000 01111',
  D: '11110 10001 10001 10001 10001 10001 11110',
  E: '11111 10000 10000 11110 10000 10000 11111',
  F: '11111 10000 10000 11110 10000 10000 10000',
  G: '01111 10000 10000 10111 10001 10001 01111',
  H: '10001 10001 10001 11111 10001 10001 10001',
  I: '11111 00100 00100 00100 00100 00100 11111',
  J: '00111 00010 00010 00010 00010 10010 01100',
  K: '10001 10010 10100 11000 10100 10010 10001',
  L: '10000 10000 10000 10000 10000 10000 11111',
  M: '10001 11011 10101 10101 10001 10001 10001',
  N: '10001 11001 10101 10011 10001 10001 10001',
  O: '01110 10001 10001 10001 10001 10001 01110',
  P: '11110 10001 10001 11110 10000 10000 10000',
  Q: '01110 10001 10001 10001 10101 10010 01101',
  R: '11110 10001 10001 11110 10100 10010 10001',
  S: '01111 10000 10000 01110 00001 00001 11110',
  T: '11111 00100 00100 00100 00100 00100 00100',
  U: '10001 10001 10001 10001 10001 10001 01110',
  V: '10001 10001 10001 10001 10001 01010 00100',
  W: '10001 10001 10001 10101 10101 10101 01010',
  X: '10001 10001 01010 00100 01010 10001 10001',
  Y: '10001 10001 01010 00100 00100 00100 00100',
  Z: '11111 00001 00010 00100 01000 10000 11111',
  '0': '01110 10001 10011 10101 11001 10001 01110',
  '1': '00100 01100 00100 00100 00100 00100 01110',
  '2': '01110 10001 00001 00010 00100 01000 11111',
  '3': '11110 00001 00001 01110 00001 00001 11110',
  '4': '00010 00110 01010 10010 11111 00010 00010',
  '5': '11111 10000 11110 00001 00001 10001 01110',
  '6': '00110 01000 10000 11110 10001 10001 01110',
  '7': '11111 00001 00010 00100 01000 01000 01000',
  '8': '01110 10001 10001 01110 10001 10001 01110',
  '9': '01110 10001 10001 01111 00001 00010 01100',
  '+': '00000 00100 00100 11111 00100 00100 00000',
  '%': '11001 11010 00010 00100 01000 01011 10011',
  '!': '00100 00100 00100 00100 00100 00000 00100',
  '-': '00000 00000 00000 11111 00000 00000 00000',
  '.': '00000 00000 00000 00000 00000 01100 01100',
  ' ': '00000 00000 00000 00000 00000 00000 00000',
};

type Rgb = readonly [number, number, number];

export interface BannerDesign {
  /** The headline, one entry per line (upper case; letters, digits and + % ! - .). */
  lines: string[];
  /** A small line above it. */
  tag: string;
  from: Rgb;
  to: Rgb;
}

export const BANNER_WIDTH = 960;
export const BANNER_HEIGHT = 400;

/** The banner as PNG bytes. */
export function drawBanner(design: BannerDesign): Uint8Array {
  const w = BANNER_WIDTH;
  const h = BANNER_HEIGHT;
  const px = new Uint8Array(w * h * 4);
  const blend = (x: number, y: number, c: Rgb, alpha: number) => {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    const i = (y * w + x) * 4;
    for (let k = 0; k < 3; k++) px[i + k] = Math.round(px[i + k]! * (1 - alpha) + c[k]! * alpha);
  };
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const t = (x / w) * 0.7 + (y / h) * 0.3;
      const i = (y * w + x) * 4;
      for (let k = 0; k < 3; k++) px[i + k] = Math.round(design.from[k]! * (1 - t) + design.to[k]! * t);
      px[i + 3] = 255;
    }
  // Soft chips on the right: rings of white at low opacity.
  const chips = [
    [800, 110, 90],
    [700, 300, 60],
    [890, 330, 40],
  ] as const;
  for (const [cx, cy, r] of chips)
    for (let y = cy - r; y <= cy + r; y++)
      for (let x = cx - r; x <= cx + r; x++) {
        const d = Math.hypot(x - cx, y - cy);
        if (d <= r) blend(x, y, [255, 255, 255], d > r * 0.8 ? 0.28 : 0.12);
      }
  const text = (line: string, left: number, top: number, scale: number, colour: Rgb, alpha = 1) => {
    [...line].forEach((ch, n) => {
      const rows = (FONT[ch] ?? FONT[' ']!).split(' ');
      rows.forEach((row, ry) =>
        [...row].forEach((bit, rx) => {
          if (bit !== '1') return;
          for (let dy = 0; dy < scale; dy++)
            for (let dx = 0; dx < scale; dx++)
              blend(left + n * 6 * scale + rx * scale + dx, top + ry * scale + dy, colour, alpha);
        }),
      );
    });
  };
  text(design.tag, 60, 60, 3, [255, 236, 179]);
  const scale = design.lines.some((l) => l.length > 13) ? 7 : 9;
  const lineHeight = 9 * scale;
  const top = Math.round((h - design.lines.length * lineHeight) / 2) + 20;
  design.lines.forEach((line, n) => {
    // A shadow, then the letters.
    text(line, 64, top + n * lineHeight + 4, scale, [0, 0, 0], 0.3);
    text(line, 60, top + n * lineHeight, scale, [255, 255, 255]);
  });
  return encodePng(w, h, px);
}
