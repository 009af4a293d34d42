/**
 * widgets/dist/custom-elements.json (written by `npm run build` with @custom-elements-manifest/analyzer,
 * config in widgets/custom-elements-manifest.config.mjs; shipped as `kabinet/custom-elements.json`)
 * names the elements an operator's page uses with their attributes, events, parts and tokens.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MANIFEST = fileURLToPath(new URL('../widgets/dist/custom-elements.json', import.meta.url));

interface Named {
  name: string;
  description?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Array<Named & { fieldName?: string }>;
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  schemaVersion: string;
  modules: Array<{ path: string; declarations?: Declaration[]; exports?: Array<{ kind: string; name: string }> }>;
}

function readManifest(): Manifest {
  if (!existsSync(MANIFEST)) throw new Error('widgets/dist/custom-elements.json is missing: run `npm run build` first');
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
}

describe('custom-elements.json', () => {
  const manifest = readManifest();
  const elements = new Map(
    manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.tagName)
      .map((d) => [d.tagName!, d]),
  );
  const names = (list: Named[] | undefined) => (list ?? []).map((x) => x.name);

  it('lists every element the entries define, each with its tag registered as a definition', () => {
    expect(manifest.schemaVersion).toMatch(/^\d/);
    for (const tag of [
      'kb-portal',
      'kb-program',
      'kb-sign-in',
      'kb-sign-up',
      'kb-account-link',
      'kb-postbacks',
      'kb-postback-editor',
      'kb-postback-log',
      'kb-network-connections',
    ]) {
      expect(elements.get(tag)?.customElement, tag).toBe(true);
    }
    const definitions = manifest.modules
      .flatMap((m) => m.exports ?? [])
      .filter((e) => e.kind === 'custom-element-definition')
      .map((e) => e.name);
    expect(definitions).toEqual(expect.arrayContaining(['kb-portal', 'kb-sign-in', 'kb-postbacks']));
  });

  it('kb-portal: its attributes, events, parts and theme tokens', () => {
    const portal = elements.get('kb-portal')!;
    expect(names(portal.attributes)).toEqual(
      expect.arrayContaining(['api', 'operator', 'client-secret', 'auth', 'locale', 'theme']),
    );
    expect(portal.attributes?.find((a) => a.name === 'client-secret')?.fieldName).toBe('clientSecret');
    expect(names(portal.events)).toEqual(
      expect.arrayContaining([
        'kb-ready',
        'kb-navigate',
        'kb-error',
        'kb-locale-change',
        'kb-theme-change',
        'kb-signed-in',
        'kb-signed-out',
        'kb-signed-up',
        'kb-session-expired',
      ]),
    );
    expect(names(portal.cssParts)).toEqual(
      expect.arrayContaining([
        'header',
        'title',
        'logo',
        'nav',
        'nav-item',
        'main',
        'locale-switcher',
        'theme-toggle',
        'error',
        'retry',
      ]),
    );
    expect(names(portal.cssProperties)).toEqual(
      expect.arrayContaining(['--kb-color-primary', '--kb-color-accent', '--kb-radius', '--kb-font-family']),
    );
  });

  it('kb-sign-in and kb-postbacks: events and attributes, and no internal state as attributes', () => {
    const signIn = elements.get('kb-sign-in')!;
    expect(names(signIn.events)).toEqual(['kb-signed-in']);
    expect(names(signIn.attributes)).toEqual([]); // its fields are Lit state, not attributes
    expect(names(signIn.cssParts)).toEqual(expect.arrayContaining(['form', 'input', 'submit', 'error']));
    const postbacks = elements.get('kb-postbacks')!;
    expect(names(postbacks.attributes)).toEqual(['campaign-id', 'promo-id', 'read-only']);
    expect(names(postbacks.events)).toEqual(
      expect.arrayContaining(['kb-postback-saved', 'kb-postback-deleted', 'kb-postback-cancelled']),
    );
    for (const element of elements.values()) {
      for (const event of element.events ?? []) expect(event.name, element.tagName).toMatch(/^kb-[a-z-]+$/);
      for (const part of element.cssParts ?? []) expect(part.name, element.tagName).toMatch(/^[a-z][a-z0-9-]*$/);
      for (const prop of element.cssProperties ?? []) expect(prop.name, element.tagName).toMatch(/^--kb-[a-z0-9-]+$/);
    }
  });
});
