/**
 * The console's bill panel: one bill's facts, lines and corrections, the state actions its state
 * allows (approving and cancelling confirmed first, since both move or forgo the partner's money
 * for good) and the correction form with the server's problems beside their fields. A reactive
 * controller of `<kb-bills-console>`, which owns the list and hears of every change by `onChange`.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { money, period, stateBadge, waitingWords } from '../../internal/billing/bill-format.ts';
import { readCorrection, renderCorrectionForm, renderCorrections, type Problems } from './bill-corrections.ts';
import type { BillsConsoleElement } from './bills-console-element.ts';
import { ACTIONS_BY_STATE, CORRECTABLE, type BillAction, type OperatorBillDetail } from './bills-console-types.ts';

const fact = (label: string, value: unknown, part: string): TemplateResult =>
  html`<div part=${`fact ${part}`}><dt part="fact-label">${label}</dt><dd part="fact-value">${value}</dd></div>`;

export class BillPanel implements ReactiveController {
  bill: OperatorBillDetail | null = null;
  billId: string | null = null;
  error: string | null = null;
  notice: string | null = null;
  confirming: 'approve' | 'cancel' | null = null;
  busy = false;
  problems: Problems = {};

  constructor(
    private readonly host: BillsConsoleElement,
    private readonly onChange: (bill: OperatorBillDetail) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  async open(billId: string): Promise<void> {
    Object.assign(this, { billId, bill: null, error: null, notice: null, confirming: null, problems: {} });
    this.host.requestUpdate();
    try {
      const bill = await expectOk(this.host.client.v1.bills[':billId'].$get({ param: { billId } }));
      if (this.billId === billId) this.bill = bill;
    } catch (error) {
      if (this.billId === billId) this.error = this.host.failureOf(error);
    }
    this.host.requestUpdate();
  }

  close(): void {
    this.billId = null;
    this.bill = null;
    this.host.requestUpdate();
  }

  private async act(action: BillAction): Promise<void> {
    const bill = this.bill;
    if (!bill) return;
    if ((action === 'approve' || action === 'cancel') && this.confirming !== action) {
      this.confirming = action;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('[part~="confirm-yes"]')?.focus();
      return;
    }
    await this.send('action', async () => {
      const saved = await expectOk(
        this.host.client.v1.bills[':billId'].state.$post({ param: { billId: bill.id }, json: { action } }),
      );
      this.notice = this.host.m(`done.${action}`);
      return saved;
    });
    // The pressed button may be gone with the state it belonged to: the panel's heading keeps the place.
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#bill-panel-heading')?.focus();
  }

  /** "Keep as is": back to the action buttons, focus on the one that asked. */
  private async keep(action: 'approve' | 'cancel'): Promise<void> {
    this.confirming = null;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(`[part~="action-${action}"]`)?.focus();
  }

  private readonly correct = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const bill = this.bill;
    if (!bill) return;
    const form = event.currentTarget as HTMLFormElement;
    const { input, problems } = readCorrection(form, this.host);
    this.problems = problems;
    if (Object.keys(this.problems).length) return this.focusProblem();
    const saved = await this.send('correction', () =>
      expectOk(
        this.host.client.v1.bills[':billId'].corrections.$post({
          param: { billId: bill.id },
          json: input,
        }),
      ),
    );
    if (saved) {
      form.reset();
      this.notice = this.host.m('corrected');
    }
  };

  /** Sends a change; the bill it answers replaces the shown one, a problem goes beside its field. */
  private async send(
    what: 'action' | 'correction',
    call: () => Promise<OperatorBillDetail>,
  ): Promise<OperatorBillDetail | null> {
    this.busy = true;
    this.notice = null;
    this.problems = {};
    this.host.requestUpdate();
    try {
      const saved = await call();
      this.bill = saved;
      this.confirming = null;
      this.onChange(saved);
      return saved;
    } catch (error) {
      const locale = this.host.uiLocaleOf();
      const field = (name: string) => (error instanceof ApiError ? error.fieldMessage(name, locale) : null);
      const amount = field('amount');
      const comment = field('comment');
      this.problems =
        amount || comment
          ? { ...(amount ? { amount } : {}), ...(comment ? { comment } : {}) }
          : { [what]: this.host.failureOf(error) };
      this.confirming = null;
      this.focusProblem();
      return null;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private focusProblem(): void {
    this.host.requestUpdate();
    const target = this.problems.amount ? '#correction-amount' : this.problems.comment ? '#correction-comment' : null;
    if (target)
      void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(target)?.focus());
  }

  render(): TemplateResult | typeof nothing {
    if (!this.billId) return nothing;
    const h = this.host;
    const body = this.bill
      ? this.renderBill(this.bill)
      : this.error
        ? html`<p part="error" role="alert">${this.error}</p>`
        : html`<p part="status" role="status" aria-busy="true">${h.m('loading')}</p>`;
    return html`<section part="panel bill-panel" aria-labelledby="bill-panel-heading">
      <div part="panel-header">
        <h3 part="subheading" id="bill-panel-heading" tabindex="-1">${
          // Named by partner and period once loaded (its id is a fact below); by its id until then.
          this.bill
            ? h.m('billFor', {
                partner: this.bill.partner.name ?? this.bill.partner.id,
                period: period(h.uiLocaleOf(), this.bill.period),
              })
            : h.m('billHeading', { id: this.billId })
        }</h3>
        <button part="button close" type="button" @click=${() => h.closePanel()}>${h.m('close')}</button>
      </div>
      ${body}
    </section>`;
  }

  private renderBill(bill: OperatorBillDetail): TemplateResult {
    const h = this.host;
    const locale = h.uiLocaleOf();
    const amount = (value: string) => money(locale, value, bill.currency, bill.coin);
    // The coin mark once per bill (its totals), not on every line and correction.
    const plain = (value: string) => money(locale, value, bill.currency, false);
    const waiting = waitingWords(locale, bill);
    return html`${waiting ? html`<p part="waiting" role="status">${waiting}</p>` : nothing}
      <dl part="facts">
        ${fact(h.m('fact.id'), html`<code>${bill.id}</code>`, 'fact-id')}
        ${fact(h.m('fact.partner'), bill.partner.name ?? bill.partner.id, 'fact-partner')}
        ${fact(h.m('fact.brand'), bill.brand.name ?? bill.brand.id, 'fact-brand')}
        ${fact(h.m('fact.plan'), bill.plan.name ?? bill.plan.id, 'fact-plan')}
        ${fact(h.m('fact.source'), h.m(`source.${bill.source}`), 'fact-source')}
        ${fact(h.m('fact.period'), period(locale, bill.period), 'fact-period')}
        ${fact(h.m('fact.issued'), waiting ? h.m('notPriced') : amount(bill.issued), 'fact-issued')}
        ${fact(h.m('fact.corrections'), plain(bill.corrections), 'fact-corrections')}
        ${fact(h.m('fact.toPay'), waiting ? h.m('notPriced') : html`<strong>${amount(bill.toPay)}</strong>`, 'fact-to-pay')}
        ${fact(h.m('fact.state'), stateBadge(locale, bill.state), 'fact-state')}
        ${fact(h.m('fact.created'), h.when(bill.createdAt), 'fact-created')}
        ${fact(h.m('fact.processed'), bill.processedAt ? h.when(bill.processedAt) : h.m('notYet'), 'fact-processed')}
      </dl>
      ${this.renderActions(bill, waiting !== null)}
      <h4 part="minor-heading" id="bill-lines-heading">${h.m('lines')}</h4>
      ${
        bill.lines.length === 0
          ? html`<p part="hint">${waiting ?? h.m('noLines')}</p>`
          : html`<ul part="lines">${bill.lines.map(
              (
                l,
              ) => html`<li part=${l.lateFrom ? 'line line-late' : 'line'}><span part="line-text">${l.text[locale]}</span>
                <span part="line-amount">${plain(l.amount)}</span></li>`,
            )}</ul>`
      }
      <h4 part="minor-heading" id="bill-corrections-heading">${h.m('corrections')}</h4>
      ${renderCorrections(h, bill, plain)}
      ${
        CORRECTABLE.includes(bill.state) && !waiting
          ? renderCorrectionForm(h, bill, { problems: this.problems, busy: this.busy, submit: this.correct })
          : nothing
      }`;
  }

  private renderActions(bill: OperatorBillDetail, waiting: boolean): TemplateResult {
    const h = this.host;
    const actions = waiting ? [] : ACTIONS_BY_STATE[bill.state];
    const confirming = this.confirming;
    return html`<div part="bill-actions" role="group" aria-label=${h.m('actions')}>
      <p part="status" role="status">${this.notice ?? nothing}</p>
      ${
        confirming
          ? html`<div part="confirm" role="alertdialog" aria-labelledby="bill-confirm-text">
          <p part="confirm-text" id="bill-confirm-text">${h.m(`confirm.${confirming}`, {
            period: period(h.uiLocaleOf(), bill.period),
            partner: bill.partner.name ?? bill.partner.id,
            amount: h.plainMoney(bill.toPay, bill.currency, bill.coin),
          })}</p>
          <div part="actions">
            <button part=${`button primary confirm-yes confirm-${confirming}`} type="button" ?disabled=${this.busy}
              @click=${() => this.act(confirming)}>${h.m(`confirmYes.${confirming}`)}</button>
            <button part="button confirm-no" type="button" @click=${() => this.keep(confirming)}>${h.m('confirmNo')}</button>
          </div>
        </div>`
          : actions.length
            ? html`<div part="actions">${actions.map(
                (
                  a,
                ) => html`<button part=${`button action action-${a}${a === 'approve' ? ' primary' : ''}${a === 'cancel' ? ' danger' : ''}`}
                  type="button" ?disabled=${this.busy} @click=${() => this.act(a)}>${h.m(`do.${a}`)}</button>`,
              )}</div>`
            : html`<p part="hint">${h.m(waiting ? 'waitingNoActions' : 'noActions')}</p>`
      }
      ${this.problems.action ? html`<p part="error" role="alert">${this.problems.action}</p>` : nothing}
    </div>`;
  }
}
