/**
 * The console's moves on one cash-out, in a modal `<dialog>` (Esc closes it, focus goes back to
 * the button that opened it): "Mark paid" asks for the payment system's reference (required: it is
 * what ties the partner's money to the payment), "Cancel" and "Refund" say where the money goes and
 * ask to confirm, since each moves the partner's balance for good. A 409 (someone moved it first)
 * closes the dialog and has the host reload. A reactive controller of `<kb-cash-outs-console>`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import type { KabinetClient } from '../../../../core/sdk/index.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import type { CashOutsConsoleKey } from './kb-cash-outs-console.messages.ts';
import type { CashOutMove, OperatorCashOut } from './cash-outs-types.ts';

/** What the dialog needs of its console. */
export interface MovesHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly client: KabinetClient;
  m(key: CashOutsConsoleKey, params?: MessageParams): string;
  uiLocaleOf(): Locale;
  failureOf(error: unknown): string;
  /** The sentence's words for a cash-out: partner name, amount as money, method and masked account. */
  wordsFor(cashOut: OperatorCashOut): { partner: string; amount: string; method: string; account: string };
  /** The move went through: the row shows `saved`. */
  moved(saved: OperatorCashOut, move: CashOutMove): void;
  /** Someone else moved it first: say so and reload the list. */
  conflicted(): void;
}

export class CashOutMoves implements ReactiveController {
  target: { cashOut: OperatorCashOut; move: CashOutMove } | null = null;
  busy = false;
  error: string | null = null;
  referenceError: string | null = null;
  private opener: HTMLElement | null = null;

  constructor(private readonly host: MovesHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="move-dialog"]');
  }

  async open(cashOut: OperatorCashOut, move: CashOutMove, opener: HTMLElement | null): Promise<void> {
    Object.assign(this, { target: { cashOut, move }, busy: false, error: null, referenceError: null, opener });
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    const first = move === 'pay' ? '#cash-out-reference' : '[part~="move-confirm"]';
    this.host.renderRoot.querySelector<HTMLElement>(first)?.focus();
  }

  close(): void {
    this.dialog?.close();
    this.closed();
  }

  /** The dialog closed (a button, Esc or a move done): forget it, focus back where it was opened. Once. */
  private readonly closed = (): void => {
    if (!this.target) return;
    this.target = null;
    this.host.requestUpdate();
    if (this.opener?.isConnected) this.opener.focus();
    this.opener = null;
  };

  /** Esc (or a close already handled): a close event that comes after the dialog opened again is stale. */
  private readonly escaped = (): void => {
    if (!this.dialog?.open) this.closed();
  };

  private readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const target = this.target;
    if (!target || this.busy) return;
    const { cashOut, move } = target;
    const form = event.currentTarget as HTMLFormElement;
    const reference = String(new FormData(form).get('reference') ?? '').trim();
    this.error = null;
    this.referenceError = move === 'pay' && !reference ? this.host.m('referenceRequired') : null;
    if (this.referenceError) {
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('#cash-out-reference')?.focus();
      return;
    }
    this.busy = true;
    this.host.requestUpdate();
    try {
      const saved = await this.send(cashOut.id, move, reference);
      this.busy = false;
      this.close();
      this.host.moved(saved, move);
    } catch (error) {
      this.busy = false;
      if (error instanceof ApiError && error.status === 409) {
        this.close();
        this.host.conflicted();
        return;
      }
      this.referenceError = error instanceof ApiError ? error.fieldMessage('reference', this.host.uiLocaleOf()) : null;
      this.error = this.referenceError ? null : this.host.failureOf(error);
      this.host.requestUpdate();
    }
  };

  private send(cashOutId: string, move: CashOutMove, reference: string): Promise<OperatorCashOut> {
    const one = this.host.client.v1.cash_outs[':cashOutId'];
    const param = { cashOutId };
    if (move === 'pay') return expectOk(one.success.$post({ param, json: { reference } }));
    return expectOk(move === 'cancel' ? one.cancel.$post({ param }) : one.refund.$post({ param }));
  }

  render(): TemplateResult {
    return html`<dialog part="move-dialog" aria-labelledby="cash-out-dialog-heading"
      aria-describedby="cash-out-dialog-text" @close=${this.escaped}>${this.target ? this.renderBody(this.target) : nothing}</dialog>`;
  }

  private renderBody(target: { cashOut: OperatorCashOut; move: CashOutMove }): TemplateResult {
    const h = this.host;
    const { cashOut, move } = target;
    const words = h.wordsFor(cashOut);
    const invalid = Boolean(this.referenceError);
    return html`<form part="move-form" method="dialog" novalidate @submit=${this.submit}>
      <h3 part="dialog-heading" id="cash-out-dialog-heading">${h.m(`dialog.${move}`)}</h3>
      <p part="dialog-text" id="cash-out-dialog-text">${h.m(`explain.${move}`, words)}</p>
      ${
        move === 'pay'
          ? html`<div part="field"><label part="label" for="cash-out-reference">${h.m('reference')}</label>
          <input part="input reference-input" id="cash-out-reference" name="reference" maxlength="200" autocomplete="off"
            required aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'cash-out-reference-hint cash-out-reference-error' : 'cash-out-reference-hint'} />
          <p part="hint" id="cash-out-reference-hint">${h.m('referenceHint')}</p>
          ${invalid ? html`<p part="field-error" id="cash-out-reference-error" role="alert">${this.referenceError}</p>` : nothing}
        </div>`
          : nothing
      }
      ${this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing}
      <div part="actions">
        <button part=${`button ${move === 'pay' ? 'primary' : 'danger'} move-confirm confirm-${move}`} type="submit"
          ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>${h.m(`confirm.${move}`)}</button>
        <button part="button move-keep" type="button" @click=${() => this.close()}>${h.m('keep')}</button>
      </div>
    </form>`;
  }
}
