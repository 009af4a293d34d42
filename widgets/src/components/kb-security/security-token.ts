/**
 * The statistic-token panel of `<kb-security>`: the user's own token (the reports issue makes it
 * the key to the Report API and feeds; the panel's words say only what it is today), masked until
 * revealed, with copy, rotate and expire. Rotating or expiring breaks whatever uses it at once, so
 * both ask first (inline, not a browser dialog, which an embedding page may block).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { StatisticToken } from '../../internal/account/account-types.ts';
import type { SecurityPanelHost } from './security-panel-host.ts';

type Pending = 'rotate' | 'expire';

export class TokenPanel {
  private token: StatisticToken | null = null;
  private loadError: string | null = null;
  private error: string | null = null;
  private notice: string | null = null;
  private revealed = false;
  private confirming: Pending | null = null;
  private busy = false;

  constructor(private readonly host: SecurityPanelHost) {}

  reset(): void {
    this.token = null;
    this.loadError = null;
    this.error = null;
    this.notice = null;
    this.revealed = false;
    this.confirming = null;
    this.busy = false;
  }

  async load(api: ApiClient): Promise<void> {
    this.loadError = null;
    try {
      this.token = await expectOk(api.client.v1.partner.statistic_token.$get());
    } catch (error) {
      this.loadError = this.host.fail(error);
    }
    this.host.requestUpdate();
  }

  private ask(action: Pending): void {
    this.confirming = action;
    this.notice = null;
    this.error = null;
    this.host.focusAfterRender('[part~="confirm-yes"]');
    this.host.requestUpdate();
  }

  private cancel = (): void => {
    const action = this.confirming;
    this.confirming = null;
    this.host.focusAfterRender(action === 'expire' ? '[part~="expire"]' : '[part~="rotate"]');
    this.host.requestUpdate();
  };

  private async perform(action: Pending): Promise<void> {
    const api = this.host.api();
    if (!api || this.busy) return;
    this.busy = true;
    this.confirming = null;
    this.error = null;
    this.host.requestUpdate();
    try {
      const route = api.client.v1.partner.statistic_token;
      this.token = await expectOk(action === 'rotate' ? route.rotate.$post() : route.$delete());
      this.revealed = false;
      this.notice = this.host.m(action === 'rotate' ? 'token.rotated' : 'token.expired');
      this.host.focusAfterRender('[part~="rotate"]');
    } catch (error) {
      this.error = this.host.fail(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  render(): TemplateResult {
    const { m } = this.host;
    const value = this.token?.token ?? null;
    return html`<section part="panel statistic-token" aria-labelledby="sec-token-heading">
      <h3 part="subheading" id="sec-token-heading">${m('token.heading')}</h3>
      <p part="hint">${m('token.explain')}</p>
      <p part="success" role="status">${this.notice ?? nothing}</p>
      <div part="error" role="alert">${this.error ?? this.loadError ?? nothing}</div>
      ${
        this.token === null
          ? this.loadError
            ? nothing
            : html`<p part="status" role="status" aria-busy="true">${this.host.tc('loading')}</p>`
          : html`${value ? this.renderToken(value, this.token.createdAt) : html`<p part="empty">${m('token.none')}</p>`}
          ${this.confirming ? this.renderConfirm(this.confirming) : this.renderActions(Boolean(value))}`
      }
    </section>`;
  }

  private renderToken(value: string, createdAt: string | null): TemplateResult {
    const { m } = this.host;
    return html`<div part="toolbar token-row">
        <span class="visually-hidden">${m('token.label')}</span>
        <code part="token" id="sec-token-value">${this.revealed ? value : mask(value)}</code>
        <button part="button reveal" type="button" aria-controls="sec-token-value"
          @click=${() => {
            this.revealed = !this.revealed;
            this.host.requestUpdate();
          }}>${this.revealed ? m('token.hide') : m('token.show')}</button>
        ${this.host.renderCopy('token', value, m('token.copy'))}
      </div>
      ${createdAt ? html`<p part="hint token-created">${m('token.created', { date: this.host.dateTime(createdAt) })}</p>` : nothing}`;
  }

  private renderActions(hasToken: boolean): TemplateResult {
    const { m } = this.host;
    // With no token there is nothing to break: creating one needs no confirmation.
    return html`<div part="actions">
      <button part="button rotate" type="button" ?disabled=${this.busy}
        @click=${() => (hasToken ? this.ask('rotate') : this.perform('rotate'))}>${hasToken ? m('token.rotate') : m('token.create')}</button>
      ${hasToken ? html`<button part="button danger expire" type="button" ?disabled=${this.busy} @click=${() => this.ask('expire')}>${m('token.expire')}</button>` : nothing}
    </div>`;
  }

  private renderConfirm(action: Pending): TemplateResult {
    const { m, tc } = this.host;
    return html`<div part="confirm" role="group" aria-labelledby="sec-token-confirm">
      <p part="confirm-text" id="sec-token-confirm">${m(action === 'rotate' ? 'token.confirmRotate' : 'token.confirmExpire')}</p>
      <div part="actions">
        <button part="button danger confirm-yes" type="button" @click=${() => this.perform(action)}>${m(action === 'rotate' ? 'token.yesRotate' : 'token.yesExpire')}</button>
        <button part="button confirm-no" type="button" @click=${this.cancel}>${tc('cancel')}</button>
      </div>
    </div>`;
  }
}

/** Dots with the last four characters, so the user can tell tokens apart without exposing them. */
function mask(token: string): string {
  return `${'•'.repeat(12)}${token.slice(-4)}`;
}
