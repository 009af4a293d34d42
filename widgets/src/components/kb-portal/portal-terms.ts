/**
 * The portal's terms gate. After a password sign-in (or a refresh that keeps the session), the
 * portal asks for the current terms once per user; while the user has not accepted them it shows
 * `<kb-terms gate>` instead of any section (the server holds every other partner call with 403
 * `terms_not_accepted` meanwhile). Embed sessions are not held: the operator minted them for its own
 * site, which answers for its terms, so they get a banner linking to the terms instead.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { SessionState } from '../../internal/contexts.ts';
import type { Locale } from '../../internal/i18n.ts';
import { portalMessages } from './kb-portal.messages.ts';

const accountChunk = () => import('../../sections/account.ts');

export class PortalTerms implements ReactiveController {
  /** The current terms' id while this user has not accepted them; null otherwise (or not known yet). */
  pending: string | null = null;
  private asked: string | null = null;
  private seq = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('kb-terms-accepted', this.onAccepted);
  }
  hostDisconnected(): void {
    this.host.removeEventListener('kb-terms-accepted', this.onAccepted);
  }

  /** Called on every portal update: asks once per signed-in user (and again after a new sign-in). */
  follow(api: ApiClient | undefined, session: SessionState): void {
    const key = api && session.user && session.status !== 'anonymous' ? `${session.status}:${session.user.id}` : null;
    if (key === this.asked) return;
    this.asked = key;
    this.seq++;
    if (this.pending) {
      this.pending = null;
      this.host.requestUpdate();
    }
    if (key && api) void this.load(api);
  }

  /** True while a password session must accept the terms before anything else. */
  blocks(session: SessionState): boolean {
    return this.pending !== null && session.status === 'signed_in';
  }

  private async load(api: ApiClient): Promise<void> {
    const seq = this.seq;
    try {
      const terms = await expectOk(api.client.v1.partner.terms.$get());
      if (seq !== this.seq) return;
      this.pending = terms.current && !terms.acceptedAt ? terms.current.id : null;
      if (this.pending) void accountChunk();
    } catch {
      // No answer: the sections' own calls will say what is wrong (the server still holds them).
      if (seq !== this.seq) return;
      this.pending = null;
    }
    this.host.requestUpdate();
  }

  private readonly onAccepted = (): void => {
    this.pending = null;
    this.host.requestUpdate();
  };
}

/** The gate: the new terms with Accept and Sign out, in place of any section. */
export function renderTermsGate(signOut: () => void): TemplateResult {
  return html`<kb-terms part="section section-terms-gate" gate @kb-terms-declined=${signOut}></kb-terms>`;
}

/** For embed sessions with unaccepted terms: a note linking to the terms section. */
export function renderTermsBanner(locale: Locale, open: () => void): TemplateResult | typeof nothing {
  return html`<p part="terms-banner" role="status">${portalMessages(locale, 'termsBanner')}
    <a part="terms-banner-link" href="#/terms" @click=${(e: Event) => {
      e.preventDefault();
      open();
    }}>${portalMessages(locale, 'termsBannerLink')}</a></p>`;
}
