/**
 * `<kb-terms>`: the program's terms and conditions. The current version (rendered by the server from
 * the operator's Markdown), when this user accepted it or an Accept button, and every version with
 * when the user accepted each; `#/terms/<versionId>` reads an older one. With `gate` it is the
 * portal's "New terms" view after sign-in: only the current terms, Accept and Sign out.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { SectionAddress } from '../../internal/router.ts';
import { termsMessages, type TermsKey } from './kb-terms.messages.ts';
import { termsStyles } from './kb-terms.styles.ts';

type Terms = KabinetClient['v1']['partner']['terms'];
export type PartnerTerms = SuccessBody<Awaited<ReturnType<Terms['$get']>>>;
export type TermsHistory = SuccessBody<Awaited<ReturnType<Terms['history']['$get']>>>;
export type TermsVersion = SuccessBody<Awaited<ReturnType<Terms[':versionId']['$get']>>>;
type Shown = {
  id: string;
  version: number;
  title: string;
  summaryOfChanges: string | null;
  publishedAt: string;
  html: string;
};

const hrefOf = (id: string | null) => (id ? `#/terms/${encodeURIComponent(id)}` : '#/terms');

/**
 * The program's terms. Must sit inside `<kb-portal>` (api, session and locale contexts).
 *
 * @event kb-terms-accepted - The user accepted the current terms (`versionId`).
 * @event kb-terms-declined - `gate`: the user chose Sign out instead (`versionId`).
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart heading - The section heading. @csspart intro - The gate's explanation.
 * @csspart document - The shown version (`data-version-id`). @csspart title - Its title.
 * @csspart meta - Version and publication date. @csspart changes - The summary of changes.
 * @csspart body - The terms' text (rendered Markdown; scrolls inside the gate).
 * @csspart status-line - Accepted on … / not accepted. @csspart accepted - The acceptance date.
 * @csspart actions - Accept and Sign out. @csspart button - Any button (also `primary`, `accept`, `sign-out`, `retry`).
 * @csspart history - The versions list's block. @csspart versions - The list. @csspart version-item - One version.
 * @csspart version-link - Its link. @csspart version-state - When it was accepted. @csspart badge - "Current".
 * @csspart back-link - Back to the current terms. @csspart status - Waiting and loading notes. @csspart error - An error.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Dates, states.
 * @cssproperty --kb-color-border - Borders. @cssproperty --kb-color-surface - The summary's background.
 * @cssproperty --kb-color-primary - Accept, the current badge. @cssproperty --kb-color-on-primary - Their text.
 * @cssproperty --kb-color-link - Links. @cssproperty --kb-radius - Corners. @cssproperty --kb-radius-small - Small corners.
 * @cssproperty --kb-space-1 - Small gap. @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbTerms extends AccountSection {
  static override styles = [accountSectionStyles, termsStyles];
  static override properties = {
    ...AccountSection.properties,
    versionId: { attribute: 'version-id' },
    gate: { type: Boolean, reflect: true },
    terms: { state: true },
    history: { state: true },
    page: { state: true },
    busy: { state: true },
    loadError: { state: true },
    notice: { state: true },
  };

  /** An older version to read (null: the current terms); inside a portal the address sets it. */
  declare versionId: string | null;
  /** The portal's "New terms" view: only the current terms, Accept and Sign out. */
  declare gate: boolean;
  declare private terms: PartnerTerms | null;
  declare private history: TermsHistory | null;
  declare private page: TermsVersion | 'missing' | null;
  declare private busy: boolean;
  declare private loadError: string | null;
  declare private notice: string | null;
  private loadedId: string | null | undefined = undefined;

  private readonly address = new SectionAddress(this, (path) => {
    this.versionId = path[0] ?? null;
  });

  constructor() {
    super();
    this.versionId = null;
    this.gate = false;
    this.terms = null;
    this.history = null;
    this.page = null;
    this.busy = false;
    this.loadError = null;
    this.notice = null;
  }

  private m(key: TermsKey, params?: MessageParams): string {
    return termsMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.loadedId = this.versionId;
    await this.fetchShown(api);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const api = this.api;
    if (changed.has('versionId') && this.loadedId !== undefined && this.loadedId !== this.versionId && api) {
      this.loadedId = this.versionId;
      void this.fetchShown(api);
    }
  }

  private async fetchShown(api: ApiClient): Promise<void> {
    const id = this.gate ? null : this.versionId;
    this.loadError = null;
    try {
      if (id) {
        this.page = null;
        const version = await expectOk(api.client.v1.partner.terms[':versionId'].$get({ param: { versionId: id } }));
        if (this.versionId === id) this.page = version;
        return;
      }
      const [terms, history] = await Promise.all([
        expectOk(api.client.v1.partner.terms.$get()),
        this.gate ? Promise.resolve(null) : expectOk(api.client.v1.partner.terms.history.$get()),
      ]);
      this.terms = terms;
      this.history = history;
    } catch (error) {
      if (id && error instanceof ApiError && error.status === 404) this.page = 'missing';
      else this.loadError = this.errorMessage(error);
    }
  }

  private async accept(versionId: string): Promise<void> {
    const api = this.api;
    if (!api || this.busy) return;
    this.busy = true;
    this.notice = null;
    try {
      const accepted = await expectOk(
        api.client.v1.partner.terms[':versionId'].acceptance.$post({ param: { versionId } }),
      );
      if (this.terms) this.terms = { ...this.terms, acceptedAt: accepted.acceptedAt };
      if (this.history)
        this.history = {
          versions: this.history.versions.map((v) =>
            v.id === versionId ? { ...v, acceptedAt: accepted.acceptedAt } : v,
          ),
        };
      this.emit('kb-terms-accepted', { versionId });
    } catch (error) {
      // Newer terms were published while the user read: show them instead.
      if (error instanceof ApiError && error.status === 409 && api) {
        this.notice = this.m('stale');
        await this.fetchShown(api);
      } else this.notice = this.errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private open(event: Event, id: string | null): void {
    event.preventDefault();
    this.focusAfterRender(id ? '#terms-title' : '#terms-heading');
    if (!this.address.go(id ? [id] : [])) this.versionId = id;
  }

  private date(value: string): string {
    return this.i18n.formatDate(value, { dateStyle: 'long' });
  }

  protected override render(): TemplateResult {
    const heading = html`<h2 part="heading" id="terms-heading" tabindex="-1">${
      this.gate ? this.m('gateHeading') : this.m('heading')
    }</h2>`;
    if (!this.ready) return html`${heading}${this.renderWaiting()}`;
    if (this.loadError) return html`${heading}${this.renderLoadError(this.loadError)}`;
    if (this.versionId && !this.gate) return this.renderOld();
    const terms = this.terms;
    if (!terms) return html`${heading}${this.renderLoading()}`;
    if (!terms.current) return html`${heading}<p part="empty">${this.m('none')}</p>`;
    const current = terms.current;
    return html`${heading}
      ${this.gate ? html`<p part="intro">${this.m('gateIntro')}</p>` : nothing}
      ${this.renderDocument(current)}
      <p part="status-line" role="status">${
        this.notice ??
        (terms.acceptedAt
          ? html`<span part="accepted">${this.m('acceptedOn', { date: this.date(terms.acceptedAt) })}</span>`
          : nothing)
      }</p>
      ${terms.acceptedAt && !this.gate ? nothing : this.renderActions(current.id)}
      ${this.history && !this.gate ? this.renderHistory(this.history) : nothing}`;
  }

  private renderDocument(shown: Shown): TemplateResult {
    return html`<article part="document" data-version-id=${shown.id} aria-labelledby="terms-title">
      <h3 part="title" id="terms-title" tabindex="-1">${shown.title}</h3>
      <p part="meta">${this.m('version', { version: shown.version })} · ${this.m('publishedOn', { date: this.date(shown.publishedAt) })}</p>
      ${
        shown.summaryOfChanges
          ? html`<div part="changes"><strong>${this.m('changes')}</strong>${shown.summaryOfChanges}</div>`
          : nothing
      }
      <div part="body" tabindex="0" aria-label=${shown.title}>${
        // unsafeHTML only because `html` comes from the server's renderMarkdown (core/lib/markdown.ts):
        // raw HTML in the source is escaped there and links/images are limited to http(s)/mailto.
        unsafeHTML(shown.html)
      }</div>
    </article>`;
  }

  private renderActions(versionId: string): TemplateResult {
    return html`<div part="actions">
      <button part="button primary accept" type="button" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}
        @click=${() => this.accept(versionId)}>${this.busy ? this.m('accepting') : this.m('accept')}</button>
      ${
        this.gate
          ? html`<button part="button sign-out" type="button" @click=${() => this.emit('kb-terms-declined', { versionId })}>
              ${this.m('signOut')}</button>`
          : nothing
      }
    </div>`;
  }

  private renderHistory(history: TermsHistory): TemplateResult {
    return html`<section part="history" aria-labelledby="terms-history">
      <h3 part="subheading" id="terms-history">${this.m('history')}</h3>
      <ul part="versions" role="list">
        ${history.versions.map(
          (v) => html`<li part="version-item" data-version-id=${v.id}>
            <span>
              <a part="version-link" href=${hrefOf(v.current ? null : v.id)}
                @click=${(e: Event) => this.open(e, v.current ? null : v.id)}>${this.m('version', { version: v.version })}: ${v.title}</a>
              ${v.current ? html`<span part="badge">${this.m('current')}</span>` : nothing}
            </span>
            <span part="version-state">${
              v.acceptedAt ? this.m('acceptedOn', { date: this.date(v.acceptedAt) }) : this.m('never')
            }</span>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderOld(): TemplateResult {
    const back = html`<p><a part="back-link" href=${hrefOf(null)} @click=${(e: Event) => this.open(e, null)}>← ${this.m('back')}</a></p>`;
    const page = this.page;
    if (!page) return html`${back}${this.renderLoading()}`;
    if (page === 'missing') return html`${back}<p part="error" role="alert">${this.m('missing')}</p>`;
    return html`${back}${this.renderDocument(page)}
      <p part="status-line">${
        page.acceptedAt
          ? html`<span part="accepted">${this.m('acceptedOn', { date: this.date(page.acceptedAt) })}</span>`
          : this.m('notAccepted')
      }</p>`;
  }
}
