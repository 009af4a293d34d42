import { expect } from '@open-wc/testing';
import {
  TEXT_CONTRAST,
  UI_CONTRAST,
  contrastRatio,
  deriveBrandTokens,
  oklchOf,
  type BrandTokens,
  type ThemeSurfaces,
} from './brand-colours.ts';
import { describe, it } from './test-helpers.ts';
import { lightPalette, lightTokens } from '../themes/light.ts';
import { darkPalette, darkTokens } from '../themes/dark.ts';

/** `#rrggbb` of an HSL colour (h in degrees, s and l 0–1). */
function hsl(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return `#${[0, 8, 4]
    .map((n) =>
      Math.round(channel(n) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

const NAMED = ['#000000', '#ffffff', '#777', '#1e3a5f', '#0b2545', '#7c3aed', '#facc15', '#e11d48', '#f59e0b'];
/** 12 hues × 6 lightnesses × 3 saturations, then greys and the named colours: 216 + 7 + 9 = 232. */
const SPREAD = [
  ...[0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330].flatMap((h) =>
    [0.08, 0.25, 0.4, 0.55, 0.7, 0.9].flatMap((l) => [0.3, 0.7, 1].map((s) => hsl(h, s, l))),
  ),
  ...[0, 0.15, 0.3, 0.46, 0.6, 0.8, 0.97].map((l) => hsl(0, 0, l)),
  ...NAMED,
];

const THEMES: [string, ThemeSurfaces][] = [
  ['light', lightPalette.surfaces],
  ['dark', darkPalette.surfaces],
];

/** Every derived pair against its threshold; a message names the first failure. */
function failures(brand: string, t: BrandTokens, s: ThemeSurfaces): string[] {
  const checks: [string, string, string, number][] = [
    ['on-primary on primary', t.onPrimary, t.primary, TEXT_CONTRAST],
    ['link on bg', t.link, s.bg, TEXT_CONTRAST],
    ['link on surface', t.link, s.surface, TEXT_CONTRAST],
    ['link on danger-bg', t.link, s.dangerBg, TEXT_CONTRAST],
    ['link on warning-bg', t.link, s.warningBg, TEXT_CONTRAST],
    ['focus ring on bg', t.focusRing, s.bg, UI_CONTRAST],
    ['focus ring on surface', t.focusRing, s.surface, UI_CONTRAST],
    ['accent UI on bg', t.accentUi, s.bg, UI_CONTRAST],
    ['accent UI on surface', t.accentUi, s.surface, UI_CONTRAST],
  ];
  return checks
    .filter(([, fg, bg, min]) => !(contrastRatio(fg, bg) >= min))
    .map(([what, fg, bg, min]) => `${brand}: ${what} ${fg}/${bg} = ${contrastRatio(fg, bg).toFixed(2)} < ${min}`);
}

const passesAll = (colour: string, backgrounds: string[], min: number) =>
  backgrounds.every((bg) => contrastRatio(colour, bg) >= min);

describe('brand-colours', () => {
  it('computes WCAG 2.x contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.equal(21);
    expect(contrastRatio('#ffffff', '#ffffff')).to.equal(1);
    expect(contrastRatio('#777777', '#ffffff')).to.be.closeTo(4.48, 0.01);
    expect(contrastRatio('#767676', '#ffffff')).to.be.closeTo(4.54, 0.01);
    expect(contrastRatio('#fff', '#000')).to.equal(contrastRatio('#000', '#fff'));
  });

  it(`derives passing tokens for ${SPREAD.length} colours in both themes`, () => {
    expect(SPREAD.length).to.be.at.least(200);
    const problems: string[] = [];
    for (const [theme, surfaces] of THEMES) {
      for (const brand of SPREAD) {
        const t = deriveBrandTokens(brand, brand, surfaces);
        problems.push(...failures(`${theme} ${brand}`, t, surfaces));
        for (const [name, value] of Object.entries(t)) {
          if (!/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value))
            problems.push(`${theme} ${brand}: ${name} ${value} not opaque hex`);
        }
      }
    }
    expect(problems.slice(0, 10), `${problems.length} failures`).to.deep.equal([]);
  });

  it('keeps the operator colour exactly wherever it already passes', () => {
    for (const [theme, s] of THEMES) {
      for (const brand of SPREAD) {
        const t = deriveBrandTokens(brand, brand, s);
        const where = `${theme} ${brand}`;
        expect(t.primary, `${where} fill`).to.equal(brand);
        expect(t.accent, `${where} accent`).to.equal(brand);
        const asText = passesAll(brand, [s.bg, s.surface, s.dangerBg, s.warningBg], TEXT_CONTRAST);
        const asUi = passesAll(brand, [s.bg, s.surface], UI_CONTRAST);
        expect(t.link === brand, `${where} link ${t.link}`).to.equal(asText);
        expect(t.focusRing === brand, `${where} ring ${t.focusRing}`).to.equal(asUi);
        expect(t.accentUi === brand, `${where} accent UI ${t.accentUi}`).to.equal(asUi);
      }
    }
  });

  it('moves toward white on the dark theme and toward black on the light one, keeping the hue', () => {
    for (const brand of ['#1e3a5f', '#0b2545', '#7c3aed', '#e11d48']) {
      const t = deriveBrandTokens(brand, brand, darkPalette.surfaces);
      expect(oklchOf(t.link).l, `${brand} link lighter`).to.be.greaterThan(oklchOf(brand).l);
      const turn = Math.abs(oklchOf(t.link).h - oklchOf(brand).h);
      expect(Math.min(turn, 2 * Math.PI - turn), `${brand} hue kept`).to.be.lessThan(0.06);
    }
    for (const brand of ['#facc15', '#f59e0b', '#0ea5e9']) {
      const t = deriveBrandTokens(brand, brand, lightPalette.surfaces);
      expect(oklchOf(t.link).l, `${brand} link darker`).to.be.lessThan(oklchOf(brand).l);
      const turn = Math.abs(oklchOf(t.link).h - oklchOf(brand).h);
      expect(Math.min(turn, 2 * Math.PI - turn), `${brand} hue kept`).to.be.lessThan(0.06);
    }
  });

  it('flattens a translucent colour onto the background before deriving', () => {
    const t = deriveBrandTokens('#7c3aed80', '#f59e0b00', darkPalette.surfaces);
    expect(t.primary).to.match(/^#[0-9a-f]{6}$/);
    expect(failures('translucent', t, darkPalette.surfaces)).to.deep.equal([]);
  });

  it('gives the default themes a link colour and an opaque focus ring that pass', () => {
    for (const [sheet, palette] of [
      [lightTokens.cssText, lightPalette],
      [darkTokens.cssText, darkPalette],
    ] as const) {
      const token = (name: string) => new RegExp(`${name}:\\s*(#[0-9a-f]{3,8})\\s*;`, 'i').exec(sheet)?.[1];
      const t = deriveBrandTokens(palette.primary, palette.accent, palette.surfaces);
      expect(token('--kb-color-link')).to.equal(t.link);
      expect(token('--kb-focus-ring-color'), 'opaque hex ring').to.equal(t.focusRing);
      expect(token('--kb-color-accent-ui')).to.equal(t.accentUi);
      expect(token('--kb-color-primary')).to.equal(palette.primary);
      expect(failures('default', t, palette.surfaces)).to.deep.equal([]);
    }
  });
});
