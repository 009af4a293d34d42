import { html } from 'lit';
import '../../index.ts';
import type { PortalConfig } from '../../internal/api-client.ts';
import type { KbPortal } from './kb-portal.ts';
import { expect } from '@open-wc/testing';
import { contrastRatio, deriveBrandTokens, type Rgb } from '../../internal/brand-colours.ts';
import { darkPalette } from '../../themes/dark.ts';
import { runtimeTokenCss } from './kb-portal.styles.ts';
import {
  afterEach,
  cleanupFixtures,
  describe,
  fixture,
  it,
  jsonResponse,
  stubFetch,
  waitFor,
  type FetchStub,
} from '../../internal/test-helpers.ts';

/** Northwind's navy (their site's and the demo page's brand colour): 1.2:1 on the dark background as it is. */
const NAVY = '#0b2545';

const config: PortalConfig = {
  operator: { id: 'op_demo_northwind', name: 'Northwind Markets' },
  branding: {
    displayName: 'Northwind Partners',
    primaryColor: NAVY,
    accentColor: '#1e3a8a',
    logoUrl: null,
    theme: 'dark',
    supportEmail: 'ib@northwind.example',
    termsUrl: null,
  },
  brands: [{ id: 'br_fx', name: 'Northwind FX', currency: 'USD', websiteUrl: 'https://fx.northwind.example/' }],
  locales: ['en'],
};

/** `rgb(…)` / `rgba(…)` as channels and alpha. */
function parseColour(value: string): { rgb: Rgb; alpha: number } {
  const [r = 0, g = 0, b = 0, a = 1] = (value.match(/[\d.]+/g) ?? []).map(Number);
  return { rgb: [r, g, b], alpha: a };
}

/** The colour painted behind `el`: its own or the nearest ancestor's background, across shadow roots. */
function backgroundBehind(el: Element): Rgb {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const { rgb, alpha } = parseColour(getComputedStyle(node).backgroundColor);
      if (alpha === 1) return rgb;
      expect(alpha, `no translucent background on ${node.localName}`).to.equal(0);
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return [255, 255, 255];
}

const deep = (root: Element | ShadowRoot | null | undefined, ...selectors: string[]): HTMLElement | null => {
  let scope: Element | ShadowRoot | null | undefined = root;
  let found: HTMLElement | null = null;
  for (const selector of selectors) {
    found = scope?.querySelector<HTMLElement>(selector) ?? null;
    scope = found?.shadowRoot;
  }
  return found;
};

function textContrast(el: HTMLElement): number {
  const { rgb, alpha } = parseColour(getComputedStyle(el).color);
  expect(alpha, 'opaque text').to.equal(1);
  return contrastRatio(rgb, backgroundBehind(el));
}

describe('<kb-portal> brand colour contrast', () => {
  it("derives the portal's runtime tokens from the branding for the theme in use", () => {
    const css = runtimeTokenCss('dark', { primaryColor: '#1e3a5f', accentColor: '#7c3aed' } as never);
    const last = (name: string) => [...css.matchAll(new RegExp(`${name}:\\s*([^;]+);`, 'g'))].at(-1)?.[1];
    const t = deriveBrandTokens('#1e3a5f', '#7c3aed', darkPalette.surfaces);
    expect(last('--kb-color-primary'), 'fill kept').to.equal('#1e3a5f');
    expect(last('--kb-color-link')).to.equal(t.link);
    expect(last('--kb-focus-ring-color')).to.equal(t.focusRing);
    expect(last('--kb-color-accent-ui')).to.equal(t.accentUi);
    const bad = runtimeTokenCss('light', { primaryColor: 'red;x:y', accentColor: 'url(x)' } as never);
    expect(bad, 'nothing from invalid colours').not.to.match(/--kb-color-link|red|url/);
  });

  let stub: FetchStub | null = null;
  afterEach(() => {
    stub?.restore();
    stub = null;
    cleanupFixtures();
  });

  it("renders links readable on the dark theme with Northwind's navy as the brand colour", async () => {
    stub = stubFetch('/v1/public/operators/', () => jsonResponse(config));
    const portal = await fixture<KbPortal>(html`<kb-portal operator="op_demo_northwind" locale="en"></kb-portal>`);
    const link = await waitFor(
      () => deep(portal.shadowRoot, 'kb-program', '[part~="brand-link"]'),
      2000,
      'brand link in the program section',
    );
    await portal.updateComplete;
    expect(portal.effectiveTheme).to.equal('dark');
    expect(getComputedStyle(portal).getPropertyValue('--kb-color-primary').trim(), 'fill keeps the brand').to.equal(
      NAVY,
    );
    expect(textContrast(link), 'brand link').to.be.at.least(4.5);
    const support = deep(portal.shadowRoot, 'kb-program', '[part~="support-link"]');
    expect(textContrast(support!), 'support link').to.be.at.least(4.5);
    const switchButton = await waitFor(
      () => deep(portal.shadowRoot, '[part~="auth-switch-button"]'),
      2000,
      'auth switch button',
    );
    expect(textContrast(switchButton), 'auth switch link button').to.be.at.least(4.5);
    const forgot = await waitFor(() => deep(portal.shadowRoot, 'kb-sign-in', '[part~="forgot"]'), 2000, 'forgot');
    expect(textContrast(forgot), 'sign-in link button').to.be.at.least(4.5);

    const token = (name: string) => getComputedStyle(portal).getPropertyValue(name).trim();
    expect(token('--kb-focus-ring-color'), 'opaque ring').to.match(/^#[0-9a-f]{6}$/i);
    for (const surface of ['--kb-color-bg', '--kb-color-surface']) {
      expect(contrastRatio(token('--kb-focus-ring-color'), token(surface)), `focus ring on ${surface}`).to.be.at.least(
        3,
      );
    }
  });
});
