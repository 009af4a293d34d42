/**
 * Brand colours that stay readable on every surface of a theme (WCAG 2.x AA).
 *
 * The operator's colour is kept exactly wherever it already passes: as a button fill it always
 * stays, with black or white text picked for at least 4.5:1. Where it is used as a foreground
 * (link text, state borders, focus ring, the accent underline) and fails, its OKLCH lightness is
 * moved in steps of 0.01 toward white on a dark theme or black on a light one, hue kept (chroma
 * only shrinks where the colour would leave sRGB), until every contrast passes.
 * Pure functions, no DOM: the portal builds its token sheet from them and the themes their defaults.
 */

/** 0–255 per channel, opaque. */
export type Rgb = readonly [number, number, number];

/** The backgrounds of one theme that brand colours must read on. */
export interface ThemeSurfaces {
  /** Page background (`--kb-color-bg`). */
  bg: string;
  /** Raised surfaces: cards, header, notices (`--kb-color-surface`). */
  surface: string;
  /** Error boxes (`--kb-color-danger-bg`). */
  dangerBg: string;
  /** Warning boxes (`--kb-color-warning-bg`). */
  warningBg: string;
}

/** The `--kb-*` colour tokens derived from the brand colours for one theme. */
export interface BrandTokens {
  /** `--kb-color-primary`: button fills; the operator's colour (made opaque). */
  primary: string;
  /** `--kb-color-on-primary`: text on `primary`, ≥ 4.5:1. */
  onPrimary: string;
  /** `--kb-color-link`: primary as a foreground (links, link buttons, state borders), ≥ 4.5:1 on every surface. */
  link: string;
  /** `--kb-focus-ring-color`: opaque, ≥ 3:1 against bg and surface. */
  focusRing: string;
  /** `--kb-color-accent`: the operator's accent colour (made opaque), for decoration. */
  accent: string;
  /** `--kb-color-accent-ui`: accent as a UI indicator (the active nav underline), ≥ 3:1 against bg and surface. */
  accentUi: string;
}

/** WCAG 2.x AA minimums: text, and non-text UI (1.4.11) including focus indicators. */
export const TEXT_CONTRAST = 4.5;
export const UI_CONTRAST = 3;

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
/** The dark text the themes already use; preferred over pure black on light fills when it passes. */
const INK: Rgb = [0x11, 0x13, 0x18];

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa` → channels and alpha (0–1); null for anything else. */
export function parseHex(hex: string): { rgb: Rgb; alpha: number } | null {
  const match = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(hex);
  if (!match) return null;
  let digits = match[1]!;
  if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
  const channel = (i: number) => parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return { rgb: [channel(0), channel(1), channel(2)], alpha: digits.length === 8 ? channel(3) / 255 : 1 };
}

/** Lower-case `#rrggbb`. */
export function toHex(rgb: Rgb): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** An opaque colour: a translucent one is painted over `under` first, as the browser would. */
function opaque(hex: string, under: Rgb): Rgb {
  const parsed = parseHex(hex);
  if (!parsed) throw new TypeError(`Not a hex colour: ${hex}`);
  const { rgb, alpha } = parsed;
  return [0, 1, 2].map((i) => Math.round(rgb[i]! * alpha + under[i]! * (1 - alpha))) as unknown as Rgb;
}

const toLinear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (l: number) => 255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055);

/** WCAG 2.x relative luminance of an sRGB colour (0 black … 1 white); a translucent hex is taken over white. */
export function relativeLuminance(colour: Rgb | string): number {
  const [r, g, b] = typeof colour === 'string' ? opaque(colour, WHITE) : colour;
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}

/** WCAG 2.x contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgb | string, b: Rgb | string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** OKLCH (Björn Ottosson's OKLab in polar form) of an sRGB colour: lightness 0–1, chroma, hue in radians. */
export function oklchOf(colour: Rgb | string): { l: number; c: number; h: number } {
  const [r, g, b] = typeof colour === 'string' ? opaque(colour, WHITE) : colour;
  const [lr, lg, lb] = [toLinear(r), toLinear(g), toLinear(b)];
  const lRoot = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
  const mRoot = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
  const sRoot = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
  const L = 0.2104542553 * lRoot + 0.793617785 * mRoot - 0.0040720468 * sRoot;
  const A = 1.9779984951 * lRoot - 2.428592205 * mRoot + 0.4505937099 * sRoot;
  const B = 0.0259040371 * lRoot + 0.7827717662 * mRoot - 0.808675766 * sRoot;
  return { l: L, c: Math.hypot(A, B), h: Math.atan2(B, A) };
}

/** Linear sRGB of an OKLCH colour; may fall outside 0–1 (out of gamut). */
function oklchToLinear(l: number, c: number, h: number): [number, number, number] {
  const A = c * Math.cos(h);
  const B = c * Math.sin(h);
  const lc = (l + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const mc = (l - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const sc = (l - 0.0894841775 * A - 1.291485548 * B) ** 3;
  return [
    4.0767416621 * lc - 3.3077115913 * mc + 0.2309699292 * sc,
    -1.2684380046 * lc + 2.6097574011 * mc - 0.3413193965 * sc,
    -0.0041960863 * lc - 0.7034186147 * mc + 1.707614701 * sc,
  ];
}

const inGamut = (linear: number[]) => linear.every((v) => v >= -1e-6 && v <= 1 + 1e-6);

/** The sRGB colour at OKLCH lightness `l` and hue `h`, with the chroma `c` shrunk as far as sRGB needs. */
function fromOklch(l: number, c: number, h: number): Rgb {
  let chroma = c;
  if (!inGamut(oklchToLinear(l, chroma, h))) {
    let low = 0;
    let high = c;
    for (let i = 0; i < 20; i++) {
      const mid = (low + high) / 2;
      if (inGamut(oklchToLinear(l, mid, h))) low = mid;
      else high = mid;
    }
    chroma = low;
  }
  const linear = oklchToLinear(l, chroma, h);
  return linear.map((v) => Math.round(fromLinear(Math.min(1, Math.max(0, v))))) as unknown as Rgb;
}

/**
 * `colour` if it reaches `ratio` against every background; else the first colour of the same hue,
 * stepping its OKLCH lightness by 0.01 toward white (`lighten`) or black, that does. Should no step
 * pass (backgrounds both light and dark), black or white, whichever has the best worst contrast.
 */
export function legibleOn(colour: Rgb, backgrounds: readonly Rgb[], ratio: number, lighten: boolean): Rgb {
  const worst = (candidate: Rgb) => Math.min(...backgrounds.map((bg) => contrastRatio(candidate, bg)));
  if (worst(colour) >= ratio) return colour;
  const { l, c, h } = oklchOf(colour);
  for (let step = 1; step <= 100; step++) {
    const lightness = lighten ? l + step / 100 : l - step / 100;
    const candidate = lightness >= 1 ? WHITE : lightness <= 0 ? BLACK : fromOklch(lightness, c, h);
    if (worst(candidate) >= ratio) return candidate;
    if (lightness >= 1 || lightness <= 0) break;
  }
  return worst(WHITE) >= worst(BLACK) ? WHITE : BLACK;
}

/** Text for a fill: white or the themes' dark ink, whichever contrasts more; pure black when neither reaches 4.5:1. */
export function textOn(fill: Rgb): Rgb {
  const best = contrastRatio(WHITE, fill) >= contrastRatio(INK, fill) ? WHITE : INK;
  if (contrastRatio(best, fill) >= TEXT_CONTRAST) return best;
  // max(white, black) is at least √21 ≈ 4.58 for any colour.
  return contrastRatio(WHITE, fill) >= contrastRatio(BLACK, fill) ? WHITE : BLACK;
}

/** Keeps the caller's spelling of a colour that needed no change (`#E11D48` stays `#E11D48`). */
const spelled = (derived: Rgb, original: Rgb, hex: string) =>
  derived.every((v, i) => v === original[i]) && parseHex(hex)?.alpha === 1 ? hex : toHex(derived);

/**
 * The colour tokens for brand colours `primary` and `accent` (hex) on a theme's `surfaces`.
 * The theme counts as dark when white contrasts more with its background than black does.
 * A translucent brand colour is first flattened onto the background.
 */
export function deriveBrandTokens(primary: string, accent: string, surfaces: ThemeSurfaces): BrandTokens {
  const bg = opaque(surfaces.bg, WHITE);
  const surface = opaque(surfaces.surface, bg);
  const boxes = [opaque(surfaces.dangerBg, bg), opaque(surfaces.warningBg, bg)];
  const lighten = contrastRatio(WHITE, bg) >= contrastRatio(BLACK, bg);
  const fill = opaque(primary, bg);
  const accentRgb = opaque(accent, bg);
  return {
    primary: spelled(fill, fill, primary),
    onPrimary: toHex(textOn(fill)),
    link: spelled(legibleOn(fill, [bg, surface, ...boxes], TEXT_CONTRAST, lighten), fill, primary),
    focusRing: spelled(legibleOn(fill, [bg, surface], UI_CONTRAST, lighten), fill, primary),
    accent: spelled(accentRgb, accentRgb, accent),
    accentUi: spelled(legibleOn(accentRgb, [bg, surface], UI_CONTRAST, lighten), accentRgb, accent),
  };
}

/** The tokens as CSS declarations; every value is a hex colour built here, so nothing can be injected. */
export function brandTokenCss(tokens: BrandTokens): string {
  const names: Record<keyof BrandTokens, string> = {
    primary: '--kb-color-primary',
    onPrimary: '--kb-color-on-primary',
    link: '--kb-color-link',
    focusRing: '--kb-focus-ring-color',
    accent: '--kb-color-accent',
    accentUi: '--kb-color-accent-ui',
  };
  return (Object.keys(names) as (keyof BrandTokens)[])
    .filter((key) => parseHex(tokens[key]))
    .map((key) => `${names[key]}: ${tokens[key]};`)
    .join('\n');
}
