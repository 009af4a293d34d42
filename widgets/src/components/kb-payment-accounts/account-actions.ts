/**
 * Showing and deleting one payment account, inline under its row (not a browser dialog, which an
 * embedding page may block). Showing needs 2FA on and a fresh code; deleting asks first, with the
 * code when 2FA is on. The full details are kept here, in memory only, until the element leaves
 * the page or loads again: never stored, never in the URL.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import { codeField, codeMessage, codeProblem, securityLink, type PaymentHost } from './payment-host.ts';
import { isSecondFactorShape, type AccountDetails, type PaymentAccount } from './payment-kinds.ts';

type Mode = 'reveal' | 'delete';

export class AccountActions {
  /** The account whose panel is open, and for what. */
  private panel: { accountId: string; mode: Mode } | null = null;
  private busy = false;
  private error: string | null = null;
  private codeError: string | null = null;
  private readonly revealed = new Map<string, AccountDetails>();

  constructor(private readonly host: PaymentHost) {}

  reset(): void {
    this.panel = null;
    this.busy = false;
    this.error = null;
    this.codeError = null;
    this.revealed.clear();
  }

  revealedOf(accountId: string): AccountDetails | null {
    return this.revealed.get(accountId) ?? null;
  }

  openMode(accountId: string): Mode | null {
    return this.panel?.accountId === accountId ? this.panel.mode : null;
  }

  open(account: PaymentAccount, mode: Mode): void {
    this.panel = { accountId: account.id, mode };
    this.error = null;
    this.codeError = null;
    const id = account.id;
    const target =
      mode === 'reveal' && !this.host.twoFactorOn()
        ? `#pay-off-${id}`
        : mode === 'reveal' || this.host.twoFactorOn()
          ? `#pay-code-${id}`
          : `#pay-panel-${id} [part~="confirm-yes"]`;
    this.host.focusAfterRender(target);
  }

  hide(account: PaymentAccount): void {
    this.revealed.delete(account.id);
    this.host.focusAfterRender(`[data-account-id="${account.id}"] [part~="reveal"]`);
  }

  private readonly cancel = (): void => {
    const panel = this.panel;
    this.panel = null;
    if (panel) this.host.focusAfterRender(`[data-account-id="${panel.accountId}"] [part~="${panel.mode}"]`);
  };

  private readonly submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const panel = this.panel;
    const account = this.host.accounts().find((a) => a.id === panel?.accountId);
    if (!panel || !account || this.busy) return;
    const withCode = this.host.twoFactorOn();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement | null;
    const code = input?.value.trim() ?? '';
    if (withCode && (!code || !isSecondFactorShape(code))) {
      this.codeError = this.host.m(code ? 'codeShape' : 'codeMissing');
      this.host.requestUpdate();
      input?.focus();
      return;
    }
    void this.run(account, withCode, async (api) => {
      const param = { accountId: account.id };
      const json = withCode ? { code } : {};
      if (panel.mode === 'reveal') {
        const shown = await expectOk(
          api.client.v1.partner.payment_accounts[':accountId'].reveal.$post({ param, json }),
        );
        this.revealed.set(account.id, shown.details);
        this.panel = null;
        this.host.focusAfterRender(`#pay-details-${account.id}`);
        return;
      }
      await expectOk(api.client.v1.partner.payment_accounts[':accountId'].$delete({ param, json }));
      this.panel = null;
      this.revealed.delete(account.id);
      const rest = this.host.accounts().filter((a) => a.id !== account.id);
      this.host.changed(rest, this.host.m('deleted', { method: account.method.name }), '#pay-heading');
    });
  };

  private async run(account: PaymentAccount, withCode: boolean, work: (api: ApiClient) => Promise<void>) {
    const api = this.host.api();
    if (!api) return;
    this.busy = true;
    this.error = null;
    this.codeError = null;
    this.host.requestUpdate();
    try {
      await work(api);
    } catch (error) {
      this.failed(account, withCode, error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private failed(account: PaymentAccount, withCode: boolean, error: unknown): void {
    const code = codeProblem(error);
    if (code) {
      // Asked for a code we did not show: 2FA was turned on since the profile was read.
      if (!withCode) this.host.setTwoFactor(true);
      this.codeError = codeMessage(this.host, code.reason, withCode);
      this.host.focusAfterRender(`#pay-code-${account.id}`);
    } else if (error instanceof ApiError && error.status === 403 && error.params.resource === 'two_factor') {
      // Reveal refused for 2FA off (turned off elsewhere): the panel says so and links to Security.
      this.host.setTwoFactor(false);
      this.host.focusAfterRender(`#pay-off-${account.id}`);
    } else if (error instanceof ApiError && error.status === 404) {
      this.panel = null;
      this.host.reload(this.host.m('gone'));
    } else {
      this.error = this.host.fail(error);
      this.host.focusAfterRender(`#pay-panel-${account.id} [part~="error"]`);
    }
  }

  /** The open panel of `account`'s row, or nothing. */
  renderPanel(account: PaymentAccount): TemplateResult | typeof nothing {
    if (this.panel?.accountId !== account.id) return nothing;
    const { m, tc } = this.host;
    const id = account.id;
    const reveal = this.panel.mode === 'reveal';
    const titleId = `pay-panel-title-${id}`;
    if (reveal && !this.host.twoFactorOn())
      return html`<div part="panel-body reveal-off">
        <p part="tfa-off" id=${`pay-off-${id}`} tabindex="-1">${m('revealTfaOff')} ${securityLink(this.host)}</p>
        <div part="actions"><button part="button cancel" type="button" @click=${this.cancel}>${tc('cancel')}</button></div>
      </div>`;
    return html`<form part=${reveal ? 'form reveal-form' : 'form confirm delete-confirm'} novalidate
      aria-labelledby=${titleId} @submit=${this.submit}>
      <p part=${reveal ? 'panel-title' : 'confirm-text'} id=${titleId}>${
        reveal ? m('revealExplain') : m('deleteQuestion', { method: account.method.name, summary: account.summary })
      }</p>
      ${this.error ? html`<p part="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
      ${
        reveal || this.host.twoFactorOn()
          ? codeField(this.host, {
              id: `pay-code-${id}`,
              error: this.codeError,
              hint: reveal ? '' : m('deleteCodeHint'),
            })
          : nothing
      }
      <div part="actions">
        <button part=${reveal ? 'button primary reveal-submit' : 'button danger confirm-yes'} type="submit"
          ?disabled=${this.busy}>${reveal ? m('revealSubmit') : m('deleteYes')}</button>
        <button part="button cancel confirm-no" type="button" @click=${this.cancel}>${tc('cancel')}</button>
      </div>
    </form>`;
  }
}
