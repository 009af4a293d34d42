/**
 * `<kb-network-connections>`: the operator console for CPA-network integration. A searchable
 * catalog of networks (the settings each needs, its per-offer parameters, whether streams are
 * created per offer, how statuses come back), a connect form per network or for a tracker, the
 * operator's connections with their postback URLs to copy, an on/off switch and offer mappings,
 * a conversions panel per connection, and for a network connection its API adapter
 * (`<kb-network-api>`: authentication, lead push, status poll, test, sync, the request log and leads).
 *
 * It talks to the operator's OWN backend, never to Kabinet with a key: `api-base` is the prefix of
 * a route on that backend which forwards `/v1/networks`, `/v1/network_connections` and
 * `/v1/conversions` to Kabinet with the operator's secret key (see demo/operator-backend.ts), behind
 * the operator's own admin login. Calls are same-origin fetches (the page's cookies go along).
 *
 *   <kb-network-connections api-base="/admin/kabinet" locale="ru"></kb-network-connections>
 *
 * @attr api-base - The operator backend's prefix, e.g. `/demo/operator-backend/op_demo_luckyspin/kabinet`.
 * @attr locale - `en` or `ru` (default: the browser's languages, else English).
 *
 * @event kb-network-connected - A network or tracker was connected; `detail` is the Connection with its
 *   postback URLs. A plain CustomEvent that bubbles and is composed (listen on this element).
 *
 * @csspart heading - Title.
 * @csspart subheading - Section titles.
 * @csspart hint - Help text.
 * @csspart section - A section.
 * @csspart search - The catalog search field.
 * @csspart network-list - The catalog.
 * @csspart network - One catalog entry.
 * @csspart network-name - Its name.
 * @csspart badge - A badge (also `badge-streams`, `badge-disabled`).
 * @csspart tails - Postback tails.
 * @csspart connection-list - Connections. @csspart connection - One connection. @csspart connection-name - Its name.
 * @csspart toggle - The enable switch.
 * @csspart postback - A postback URL row.
 * @csspart postback-url - Its read-only field.
 * @csspart copy - Copy button.
 * @csspart copy-status - "Copied".
 * @csspart show-conversions - A connection's Conversions button. @csspart show-api - A network connection's API button
 *   (`aria-pressed` while its `<kb-network-api>` is open).
 * @csspart connect-form - The connect form (in `kb-network-connect-form`).
 * @csspart error - Errors.
 * @csspart success - Notices.
 * @csspart status - Loading notes.
 * @csspart empty - Nothing to show.
 *
 * @cssproperty --kb-color-text - Text.
 * @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-surface - Table headers, badges. @cssproperty --kb-color-bg - Cards and inputs.
 * @cssproperty --kb-color-primary - Primary buttons. @cssproperty --kb-color-on-primary - Their text.
 * @cssproperty --kb-color-danger - Errors. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-radius - Cards.
 * @cssproperty --kb-radius-small - Inputs.
 * @cssproperty --kb-space-1 … --kb-space-4 - Spacing.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { define } from '../../internal/base-element.ts';
import { expectOk } from '../../internal/api-client.ts';
import { NetworkConsoleElement } from './network-console-element.ts';
import type { Connection, NetworkEntry } from './network-types.ts';
import { KbNetworkConnectForm } from './kb-network-connect-form.ts';
import { KbNetworkOffers } from './kb-network-offers.ts';
import { KbNetworkConversions } from './kb-network-conversions.ts';
import { KbNetworkApi } from './kb-network-api.ts';
import { KbNetworkApiActivity } from './kb-network-api-activity.ts';

/** The console's inner elements; registered (once) by the console itself. */
export const NETWORK_CONSOLE_PARTS: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['kb-network-connect-form', KbNetworkConnectForm],
  ['kb-network-offers', KbNetworkOffers],
  ['kb-network-conversions', KbNetworkConversions],
  ['kb-network-api', KbNetworkApi],
  ['kb-network-api-activity', KbNetworkApiActivity],
];

type Chosen = { kind: 'network'; key: string } | { kind: 'tracker' } | null;

export class KbNetworkConnections extends NetworkConsoleElement {
  static override properties = {
    catalog: { state: true },
    connections: { state: true },
    loadError: { state: true },
    search: { state: true },
    chosen: { state: true },
    viewing: { state: true },
    apiOpen: { state: true },
    notice: { state: true },
    error: { state: true },
    copied: { state: true },
  };

  declare private catalog: NetworkEntry[] | null;
  declare private connections: Connection[] | null;
  declare private loadError: string | null;
  declare private search: string;
  /** What the connect form is open for. */
  declare private chosen: Chosen;
  /** The connection whose conversions are shown. */
  declare private viewing: string | null;
  /** The connection whose API adapter is shown (one at a time). */
  declare private apiOpen: string | null;
  declare private notice: string | null;
  declare private error: string | null;
  /** `connectionId status` of the URL just copied, or `!…` when copying failed. */
  declare private copied: string | null;
  private loadSeq = 0;

  constructor() {
    super();
    this.catalog = null;
    this.connections = null;
    this.loadError = null;
    this.search = '';
    this.chosen = null;
    this.viewing = null;
    this.apiOpen = null;
    this.notice = null;
    this.error = null;
    this.copied = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const [tag, ctor] of NETWORK_CONSOLE_PARTS) define(tag, ctor);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('apiBase') && this.apiBase) void this.load();
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loadError = null;
    try {
      const [catalog, connections] = await Promise.all([
        expectOk(this.api.client.v1.networks.$get()),
        expectOk(this.api.client.v1.network_connections.$get()),
      ]);
      if (seq !== this.loadSeq) return;
      this.catalog = catalog.data;
      this.connections = connections.data;
    } catch (error) {
      if (seq === this.loadSeq) this.loadError = this.failure(error);
    }
  }

  private networkOf(connection: Connection): NetworkEntry | undefined {
    return this.catalog?.find((n) => n.key === connection.networkKey);
  }

  private open(chosen: Chosen): void {
    this.chosen = chosen;
    this.notice = null;
    // The form delegates focus: focusing it lands on its first field.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('kb-network-connect-form')?.focus());
  }

  private connected = (event: CustomEvent<Connection>): void => {
    // The event goes on to the page (composed); here it only refreshes the list.
    this.connections = [...(this.connections ?? []), event.detail];
    this.chosen = null;
    this.notice = this.m('connected', { name: event.detail.name });
  };

  private async toggle(connection: Connection, enabled: boolean): Promise<void> {
    this.error = null;
    try {
      const updated = await expectOk(
        this.api.client.v1.network_connections[':connectionId'].$patch({
          param: { connectionId: connection.id },
          json: { enabled },
        }),
      );
      this.connections = (this.connections ?? []).map((c) => (c.id === updated.id ? updated : c));
    } catch (error) {
      // A refused change puts the switch back (`live` compares with the checkbox itself).
      this.error = this.failure(error);
      this.connections = [...(this.connections ?? [])];
    }
  }

  private async copy(connection: Connection, status: string, url: string): Promise<void> {
    const key = `${connection.id} ${status}`;
    try {
      await navigator.clipboard.writeText(url);
      this.copied = key;
    } catch {
      this.copied = `!${key}`;
    }
  }

  protected override render(): TemplateResult {
    return html`<h2 part="heading">${this.m('heading')}</h2>
      <p part="hint">${this.m('intro')}</p>
      ${
        !this.apiBase
          ? html`<div part="error" role="alert">${this.m('missingApiBase')}</div>`
          : this.loadError
            ? html`<div part="error" role="alert"><p>${this.loadError}</p><button part="retry" type="button" @click=${() => this.load()}>${this.m('retry')}</button></div>`
            : this.catalog === null || this.connections === null
              ? html`<p part="status" role="status">${this.m('loading')}</p>`
              : html`
      <p part="success" role="status">${this.notice ?? nothing}</p>
      <div part="error" role="alert">${this.error ?? nothing}</div>
      ${
        this.chosen
          ? html`<kb-network-connect-form .apiBase=${this.apiBase} .locale=${this.uiLocale}
        .network=${this.chosen.kind === 'network' ? (this.catalog.find((n) => this.chosen?.kind === 'network' && n.key === this.chosen.key) ?? null) : null}
        @kb-network-connected=${this.connected} @kb-network-connect-cancel=${() => {
          this.chosen = null;
        }}></kb-network-connect-form>`
          : nothing
      }
      ${this.renderConnections(this.connections)}
      ${this.renderCatalog(this.catalog)}`
      }`;
  }

  private renderConnections(connections: Connection[]): TemplateResult {
    const viewing = connections.find((c) => c.id === this.viewing);
    const api = connections.find((c) => c.id === this.apiOpen && c.kind === 'network');
    return html`<section part="section connections" aria-labelledby="connections-heading">
      <h3 part="subheading" id="connections-heading">${this.m('connections.heading')}</h3>
      ${
        connections.length === 0
          ? html`<p part="empty">${this.m('connections.empty')}</p>`
          : html`<ul part="connection-list">
        ${connections.map((c) => this.renderConnection(c))}
      </ul>`
      }
      ${
        viewing
          ? html`<kb-network-conversions .apiBase=${this.apiBase} .locale=${this.uiLocale} .connectionId=${viewing.id} .connectionName=${viewing.name}
        @kb-network-conversions-close=${() => {
          this.viewing = null;
        }}></kb-network-conversions>`
          : nothing
      }
      ${api ? this.renderApi(api) : nothing}
    </section>`;
  }

  /** Opens a network connection's API adapter (closing the one open) and moves focus to it, or closes it. */
  private async openApi(connectionId: string): Promise<void> {
    this.apiOpen = this.apiOpen === connectionId ? null : connectionId;
    await this.updateComplete;
    if (this.apiOpen) this.renderRoot.querySelector<KbNetworkApi>('kb-network-api')?.focus();
  }

  private renderApi(c: Connection): TemplateResult {
    const network = this.networkOf(c);
    return html`<kb-network-api .apiBase=${this.apiBase} .locale=${this.uiLocale} .connectionId=${c.id} .connectionName=${c.name}
      .settingKeys=${network?.settings.map((s) => s.key) ?? Object.keys(c.settings)}
      .offerParameters=${network?.offerParameters.map((p) => p.name) ?? []}></kb-network-api>`;
  }

  private renderConnection(c: Connection): TemplateResult {
    const network = this.networkOf(c);
    return html`<li part="connection" data-connection-id=${c.id}>
      <div part="header">
        <h4 part="connection-name">${c.name} <span part="badge">${c.networkName ?? this.m('kind.tracker')}</span>
          ${c.enabled ? nothing : html`<span part="badge badge-disabled">${this.m('disabled')}</span>`}</h4>
        <label part="toggle"><input type="checkbox" .checked=${live(c.enabled)} @change=${(e: Event) => this.toggle(c, (e.currentTarget as HTMLInputElement).checked)}>${this.m('enabled')}</label>
      </div>
      <p part="meta">${this.m('currency', { currency: c.defaultCurrency })}${Object.keys(c.settings).length ? html` · ${this.m('settings')}: ${Object.entries(c.settings).map(([k, v], i) => html`${i ? ', ' : ''}<code>${k}</code> <code>${v}</code>`)}` : nothing}</p>
      <h5 part="term">${this.m('postbacks.heading')}</h5>
      ${
        c.postbackMode === 'api'
          ? html`<p part="hint">${this.m('postbacks.api')}</p>`
          : c.postbackUrls.length === 0
            ? html`<p part="hint">${this.m('postbacks.none')}</p>`
            : html`
        <p part="hint">${this.m('postbacks.hint')}</p>
        ${c.postbackMode === 'fields' ? html`<p part="hint">${this.m('postbacks.fields')}</p>` : nothing}
        ${c.postbackUrls.map((u) => this.renderPostback(c, u.status, u.url))}`
      }
      ${c.kind === 'network' && network ? html`<kb-network-offers .apiBase=${this.apiBase} .locale=${this.uiLocale} .connectionId=${c.id} .parameters=${network.offerParameters}></kb-network-offers>` : nothing}
      <div part="actions"><button part="show-conversions" type="button" aria-pressed=${this.viewing === c.id ? 'true' : 'false'}
        @click=${() => {
          this.viewing = this.viewing === c.id ? null : c.id;
        }}>${this.m('showConversions')}</button>
        ${
          c.kind === 'network'
            ? html`<button part="show-api" type="button" aria-pressed=${this.apiOpen === c.id ? 'true' : 'false'}
          aria-label=${this.m('showApiLabel', { name: c.name })} @click=${() => this.openApi(c.id)}>${this.m('showApi')}</button>`
            : nothing
        }</div>
    </li>`;
  }

  private renderPostback(c: Connection, status: string, url: string): TemplateResult {
    const id = `pb-${c.id}-${status}`.replace(/[^\w-]/g, '-');
    const label = status === 'global' ? this.m('postbacks.global') : status;
    const key = `${c.id} ${status}`;
    return html`<div part="postback" data-status=${status}>
      <label part="label" for=${id}>${this.m('postbacks.urlLabel', { status: label })}</label>
      <div part="copy-row">
        <input part="postback-url" id=${id} type="text" readonly .value=${url} @focus=${(e: Event) => (e.currentTarget as HTMLInputElement).select()}>
        <button part="copy" type="button" aria-label=${this.m('copyLabel', { status: label })} @click=${() => this.copy(c, status, url)}>${this.m('copy')}</button>
        <span part="copy-status" role="status">${this.copied === key ? this.m('copied') : this.copied === `!${key}` ? this.m('copyFailed') : nothing}</span>
      </div>
      ${c.postbackMode === 'fields' ? this.renderFields(url) : nothing}
    </div>`;
  }

  /** A network that takes the postback field by field gets the URL taken apart: protocol, domain, path, then each parameter. */
  private renderFields(url: string): TemplateResult | typeof nothing {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return nothing;
    }
    const rows: Array<[string, string]> = [
      [this.m('field.protocol'), parsed.protocol.replace(':', '').toUpperCase()],
      [this.m('field.domain'), parsed.host],
      [this.m('field.path'), parsed.pathname],
      ...[...parsed.searchParams].map(([name, value]): [string, string] => [name, value]),
    ];
    return html`<dl part="tails postback-fields">${rows.map(([name, value]) => html`<dt>${name}</dt><dd><code>${value}</code></dd>`)}</dl>`;
  }

  private renderCatalog(catalog: NetworkEntry[]): TemplateResult {
    const query = this.search.trim().toLowerCase();
    const shown = query
      ? catalog.filter((n) => n.name.toLowerCase().includes(query) || n.key.toLowerCase().includes(query))
      : catalog;
    return html`<section part="section catalog" aria-labelledby="catalog-heading">
      <h3 part="subheading" id="catalog-heading">${this.m('catalog.heading')}</h3>
      <div part="tracker-card">
        <h4 part="network-name">${this.m('tracker.heading')}</h4>
        <p part="hint">${this.m('tracker.hint')}</p>
        <div part="actions"><button part="primary connect-tracker" type="button" @click=${() => this.open({ kind: 'tracker' })}>${this.m('tracker.connect')}</button></div>
      </div>
      <label part="field search"><span part="label">${this.m('catalog.search')}</span>
        <input part="input search-input" type="search" .value=${this.search} @input=${(e: Event) => {
          this.search = (e.currentTarget as HTMLInputElement).value;
        }}>
      </label>
      <p part="count" role="status">${shown.length ? this.m('catalog.count', { count: shown.length }) : this.m('catalog.noMatch', { query: this.search.trim() })}</p>
      <ul part="network-list">${shown.map((n) => this.renderNetwork(n))}</ul>
    </section>`;
  }

  private renderNetwork(n: NetworkEntry): TemplateResult {
    const ru = this.uiLocale === 'ru';
    return html`<li part="network" data-network=${n.key}>
      <h4 part="network-name">${n.name}</h4>
      ${n.streamsRequired ? html`<p part="meta"><span part="badge badge-streams">${this.m('catalog.streams')}</span></p>` : nothing}
      ${n.notes ? html`<p part="notes">${n.notes}</p>` : nothing}
      <h5 part="term">${this.m('catalog.settings')}</h5>
      ${
        n.settings.length
          ? html`<ul part="plain-list settings">${n.settings.map((s) => html`<li>${ru ? s.labelRu : s.label} <code>${s.key}</code>${s.secret ? html` <span part="badge">${this.m('catalog.secret')}</span>` : nothing}</li>`)}</ul>`
          : html`<p part="meta">${this.m('catalog.noSettings')}</p>`
      }
      <h5 part="term">${this.m('catalog.offerParameters')}</h5>
      ${
        n.offerParameters.length
          ? html`<dl part="tails offer-parameters">${n.offerParameters.map((p) => html`<dt><code>${p.name}</code></dt><dd>${ru ? p.meaningRu : p.meaning}</dd>`)}</dl>`
          : html`<p part="meta">${this.m('catalog.noOfferParameters')}</p>`
      }
      <h5 part="term">${this.m('catalog.postbacks')}</h5>
      ${this.renderPostbackMode(n)}
      <div part="actions"><button part="primary connect" type="button" aria-label=${this.m('catalog.connectLabel', { name: n.name })}
        @click=${() => this.open({ kind: 'network', key: n.key })}>${this.m('catalog.connect')}</button></div>
    </li>`;
  }

  private renderPostbackMode(n: NetworkEntry): TemplateResult {
    const ru = this.uiLocale === 'ru';
    const tails = n.postbacks.tails.length
      ? html`<dl part="tails postback-tails">${n.postbacks.tails.map((t) => html`<dt>${t.label} (${t.status})</dt><dd><code>${t.tail}</code></dd>`)}</dl>`
      : nothing;
    const fields = n.postbacks.fields
      ? html`<dl part="tails postback-field-list"><dt>protocol</dt><dd><code>${n.postbacks.fields.protocol}</code></dd>${n.postbacks.fields.parameters.map((p) => html`<dt><code>${p.name}</code></dt><dd>${ru ? p.meaningRu : p.meaning}</dd>`)}</dl>`
      : nothing;
    switch (n.postbacks.mode) {
      case 'api':
        return html`<p part="meta postback-mode" data-mode="api">${this.m('catalog.api')}</p>`;
      case 'fields':
        return html`<p part="meta postback-mode" data-mode="fields">${this.m('catalog.fields')}</p>${fields}`;
      default:
        return html`<p part="meta postback-mode" data-mode="tails">${this.m('catalog.tails')}</p>${tails}`;
    }
  }
}
