/**
 * Shared base for every Kabinet element: typed event dispatch and a re-entrant `define()`.
 * Integrators may load kabinet.js twice (two script tags, a CMS block and a page block),
 * so registering must never throw.
 */
import { LitElement } from 'lit';
import type { KabinetEventMap } from './events.ts';

export class KabinetElement extends LitElement {
  /**
   * Dispatches a `kb-*` event that crosses shadow roots (composed) and bubbles, so the page
   * can listen on the outermost element. Returns false if a listener called preventDefault.
   */
  protected emit<K extends keyof KabinetEventMap>(name: K, detail: KabinetEventMap[K]): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
  }
}

/**
 * Registers `ctor` as `tag` unless the tag is already taken (by this or any other class).
 * Never throws: a failed registration is logged, because breaking the host page is worse.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  try {
    customElements.define(tag, ctor);
  } catch (error) {
    // Same constructor under another tag, or an invalid tag name.
    console.warn(`[kabinet] could not define <${tag}>:`, error);
  }
}

/** Only http(s) URLs (absolute, or relative to the page) may become an `href` or `src`: no `javascript:`. */
export function isSafeUrl(url: string): boolean {
  try {
    const base = typeof location === 'undefined' ? 'https://kabinet.invalid/' : location.href;
    return ['http:', 'https:'].includes(new URL(url, base).protocol);
  } catch {
    return false;
  }
}
