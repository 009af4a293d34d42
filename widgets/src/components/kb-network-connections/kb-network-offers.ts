/**
 * `<kb-network-offers>`: the offers of one network connection, each mapped to the network's
 * per-offer parameters (a stream hash, an offer id…): the list, an add form with one input per
 * parameter, and delete. Part of `<kb-network-connections>`, which sets its properties.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { fieldProblemMessage } from '../../internal/problem-messages.ts';
import { NetworkConsoleElement } from './network-console-element.ts';
import type { NetworkOffer, OfferParameter } from './network-types.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';

const LABEL = 'label';
const paramField = (name: string) => `parameters.${name}`;

/**
 * @csspart table-wrap - The offers table's box (responsive: on a phone each offer is a card).
 * @csspart offers - The table.
 * @csspart header-row - Its header row. @csspart header-cell - A column header. @csspart offer-row - An offer.
 * @csspart cell - A cell (also `offer-label`, `offer-parameters`, `offer-actions`; its card label is
 *   `::part(cell)::before`).
 * @csspart offer-parameter - One `name = value` line. @csspart delete - An offer's Delete button.
 */
export class KbNetworkOffers extends NetworkConsoleElement {
  static override properties = {
    connectionId: { attribute: 'connection-id' },
    parameters: { attribute: false },
    offers: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
    busy: { state: true },
  };

  declare connectionId: string;
  /** The network's per-offer parameters (from the catalog). */
  declare parameters: OfferParameter[];
  declare private offers: NetworkOffer[] | null;
  declare private error: string | null;
  declare private fieldErrors: Record<string, string>;
  declare private busy: boolean;
  private loadSeq = 0;

  constructor() {
    super();
    this.connectionId = '';
    this.parameters = [];
    this.offers = null;
    this.error = null;
    this.fieldErrors = {};
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('connectionId') || changed.has('apiBase')) && this.connectionId && this.apiBase) void this.load();
  }

  /** This connection's offers routes (the connection id goes in as `param`). */
  private get offers$() {
    return this.api.client.v1.network_connections[':connectionId'].offers;
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.offers = null;
    this.error = null;
    try {
      const { data } = await expectOk(this.offers$.$get({ param: { connectionId: this.connectionId } }));
      if (seq === this.loadSeq) this.offers = data;
    } catch (error) {
      if (seq === this.loadSeq) {
        this.offers = [];
        this.error = this.failure(error);
      }
    }
  }

  private add = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const value = (field: string) => (form.elements.namedItem(field) as HTMLInputElement | null)?.value.trim() ?? '';
    this.error = null;
    this.fieldErrors = value(LABEL) ? {} : { [LABEL]: this.m('form.required') };
    if (!value(LABEL)) return;
    // Blank parameters are left out: the server says which ones the network requires.
    const parameters = Object.fromEntries(
      this.parameters.map((p) => [p.name, value(paramField(p.name))]).filter(([, v]) => v),
    );
    this.busy = true;
    try {
      const offer = await expectOk(
        this.offers$.$post({ param: { connectionId: this.connectionId }, json: { label: value(LABEL), parameters } }),
      );
      this.offers = [...(this.offers ?? []), offer];
      form.reset();
    } catch (error) {
      const fields = [LABEL, ...this.parameters.map((p) => paramField(p.name))];
      const problems = error instanceof ApiError ? error.errors : [];
      this.fieldErrors = Object.fromEntries(
        fields.flatMap((f) => {
          const problem = problems.find((p) => p.path === `body.${f}`);
          return problem ? [[f, fieldProblemMessage(this.uiLocale, problem)]] : [];
        }),
      );
      const placed = problems.length > 0 && problems.every((p) => fields.some((f) => p.path === `body.${f}`));
      this.error = placed ? this.m('form.fix') : this.failure(error);
    } finally {
      this.busy = false;
    }
  };

  private async removeOffer(offer: NetworkOffer): Promise<void> {
    this.error = null;
    try {
      await expectOk(
        this.offers$[':offerId'].$delete({ param: { connectionId: this.connectionId, offerId: offer.id } }),
      );
      this.offers = (this.offers ?? []).filter((o) => o.id !== offer.id);
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  private input(field: string, label: string, hint: string | null): TemplateResult {
    const id = `offer-${this.connectionId}-${field.replace(/[^\w-]/g, '-')}`;
    const message = this.fieldErrors[field];
    const described = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field" data-field=${field}>
      <label part="label" for=${id}>${label}</label>
      <input part="input" id=${id} name=${field} autocomplete="off" maxlength="500" aria-invalid=${message ? 'true' : 'false'} aria-describedby=${described || nothing}>
      ${hint ? html`<p part="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${message ? html`<p part="field-error" id=${`${id}-error`}>${message}</p>` : nothing}
    </div>`;
  }

  private renderTable(offers: NetworkOffer[]): TemplateResult {
    const cols = columns({
      label: { label: this.m('offers.colLabel'), primary: true },
      parameters: { label: this.m('offers.colParameters') },
      actions: { label: this.m('offers.delete'), actions: true, hiddenHeader: true },
    });
    return html`<div part="table-wrap" ${scrollRegion(this.m('offers.heading'))}>
      <table part="offers">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>${offers.map(
          (o) => html`<tr part="offer-row" data-offer-id=${o.id}>
          <th part="cell offer-label" scope="row" ${cell(cols.label)}>${o.label}</th>
          <td part="cell offer-parameters" ${cell(cols.parameters)}>${Object.entries(o.parameters).map(([k, v]) => html`<div part="offer-parameter"><code>${k}</code> = <code>${v}</code></div>`)}</td>
          <td part="cell offer-actions" ${cell(cols.actions)}><button part="danger delete" type="button" aria-label=${this.m('offers.deleteLabel', { label: o.label })} @click=${() => this.removeOffer(o)}>${this.m('offers.delete')}</button></td>
        </tr>`,
        )}</tbody>
      </table>
    </div>`;
  }

  protected override render(): TemplateResult {
    const ru = this.uiLocale === 'ru';
    const offers = this.offers;
    return html`<h4 part="term">${this.m('offers.heading')}</h4>
      <p part="hint">${this.m('offers.hint')}</p>
      <div part="error" role="alert">${this.error ?? nothing}</div>
      ${
        offers === null
          ? html`<p part="status">${this.m('offers.loading')}</p>`
          : offers.length === 0
            ? html`<p part="empty">${this.m('offers.empty')}</p>`
            : this.renderTable(offers)
      }
      <form part="offer-form" novalidate aria-label=${this.m('offers.add')} @submit=${this.add}>
        ${this.input(LABEL, this.m('offers.label'), null)}
        ${this.parameters.map((p) => this.input(paramField(p.name), p.name, ru ? p.meaningRu : p.meaning))}
        <div part="actions"><button part="primary add" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.m('offers.add')}</button></div>
      </form>`;
  }
}
