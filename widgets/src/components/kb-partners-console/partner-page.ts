/**
 * A partner's page in the console: profile, the decisions its status allows (rejecting and
 * blocking confirmed first: the partner is told, or its team signed out), history, team and the
 * plans it may choose with "Offer a plan"; the manager, documents and sign-up answers come from
 * partner-extras.ts. A reactive controller of `<kb-partners-console>`, told of decisions by `onChange`.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { expectOk } from '../../internal/api-client.ts';
import { cell, columns, headerCells, scrollRegion } from '../../internal/responsive-table.ts';
import { PartnerExtras } from './partner-extras.ts';
import { statusBadge } from './partners-table.ts';
import {
  DECISIONS_BY_STATUS,
  type Decision,
  type OfferablePlan,
  type PartnerDetail,
  type PartnerRow,
} from './partners-types.ts';
import type { KbPartnersConsole } from './kb-partners-console.ts';

/** The decisions that let a partner in stand out; blocking is marked as the dangerous one. */
const accent = (d: Decision) => (d === 'approve' || d === 'unblock' ? ' primary' : d === 'block' ? ' danger' : '');

const fact = (label: string, value: unknown, part: string): TemplateResult =>
  html`<div part=${`fact ${part}`}><dt part="fact-label">${label}</dt><dd part="fact-value">${value}</dd></div>`;

export class PartnerPage implements ReactiveController {
  partnerId: string | null = null;
  partner: PartnerDetail | null = null;
  error: string | null = null;
  notice: string | null = null;
  actionError: string | null = null;
  confirming: 'reject' | 'block' | null = null;
  busy = false;
  /** The operator's plans for "Offer a plan" (null until loaded or when they could not be). */
  plans: OfferablePlan[] | null = null;
  offerNote: { ok: boolean; text: string } | null = null;
  private readonly extras: PartnerExtras;

  constructor(
    private readonly host: KbPartnersConsole,
    private readonly onChange: (partner: PartnerRow) => void,
  ) {
    host.addController(this);
    this.extras = new PartnerExtras(host);
  }

  hostConnected(): void {}

  async open(partnerId: string): Promise<void> {
    Object.assign(this, { partnerId, partner: null, error: null, notice: null, actionError: null, confirming: null });
    this.offerNote = null;
    this.host.requestUpdate();
    const client = this.host.client;
    void this.extras.load(partnerId);
    void expectOk(client.v1.plans.$get({ query: {} })).then(
      (r) => {
        this.plans = r.data;
        this.host.requestUpdate();
      },
      () => (this.plans = null),
    );
    try {
      const partner = await expectOk(client.v1.partners[':partnerId'].$get({ param: { partnerId } }));
      if (this.partnerId === partnerId) this.partner = partner;
    } catch (error) {
      if (this.partnerId === partnerId) this.error = this.host.failureOf(error);
    }
    this.host.requestUpdate();
  }

  close(): void {
    this.partnerId = null;
    this.partner = null;
    this.host.requestUpdate();
  }

  private async decide(decision: Decision): Promise<void> {
    const partner = this.partner;
    if (!partner) return;
    if ((decision === 'reject' || decision === 'block') && this.confirming !== decision) {
      this.confirming = decision;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('[part~="confirm-yes"]')?.focus();
      return;
    }
    this.busy = true;
    this.notice = null;
    this.actionError = null;
    this.host.requestUpdate();
    try {
      const client = this.host.client;
      const saved = await expectOk(
        client.v1.partners[':partnerId'].decision.$post({
          param: { partnerId: partner.id },
          json: { action: decision },
        }),
      );
      this.notice = this.host.m(`done.${decision}`, { partner: partner.name });
      this.confirming = null;
      this.onChange(saved);
      // The page again: the history has the decision, the team its sessions.
      const fresh = await expectOk(client.v1.partners[':partnerId'].$get({ param: { partnerId: partner.id } }));
      if (this.partnerId === partner.id) this.partner = fresh;
    } catch (error) {
      this.actionError = this.host.failureOf(error);
      this.confirming = null;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
    // The pressed button may be gone with the status it belonged to: the status line keeps the place.
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#partner-decisions-heading')?.focus();
  }

  private async keep(decision: 'reject' | 'block'): Promise<void> {
    this.confirming = null;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(`[part~="action-${decision}"]`)?.focus();
  }

  private readonly offer = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const partner = this.partner;
    const select = (event.currentTarget as HTMLFormElement).querySelector('select');
    const plan = this.plans?.find((p) => p.id === select?.value);
    if (!partner) return;
    if (!plan) {
      this.offerNote = { ok: false, text: this.host.m('pickPlan') };
      this.host.requestUpdate();
      select?.focus();
      return;
    }
    const client = this.host.client;
    try {
      const saved = await expectOk(
        client.v1.plans[':planId'].assignments.$post({ param: { planId: plan.id }, json: { partnerId: partner.id } }),
      );
      this.plans = this.plans?.map((p) => (p.id === saved.id ? saved : p)) ?? null;
      this.offerNote = { ok: true, text: this.host.m('offered', { plan: plan.name, partner: partner.name }) };
      const fresh = await expectOk(client.v1.partners[':partnerId'].$get({ param: { partnerId: partner.id } }));
      if (this.partnerId === partner.id) this.partner = fresh;
    } catch (error) {
      this.offerNote = { ok: false, text: this.host.failureOf(error) };
    }
    this.host.requestUpdate();
  };

  render(): TemplateResult {
    const h = this.host;
    const p = this.partner;
    const header = html`<div part="page-header">
      <button part="button back" type="button" @click=${() => h.back()}><span aria-hidden="true">←</span> ${h.m('back')}</button>
      <h2 part="heading" id="partner-page-heading" tabindex="-1">${p ? p.name : h.m('partnerHeading', { id: this.partnerId ?? '' })}</h2>
      ${p ? statusBadge(h, p.status) : nothing}
    </div>`;
    if (!p) {
      return html`<section part="page" aria-labelledby="partner-page-heading">${header}${
        this.error
          ? html`<p part="error" role="alert">${this.error}</p>`
          : html`<p part="status" role="status" aria-busy="true">${h.m('loading')}</p>`
      }</section>`;
    }
    return html`<section part="page" aria-labelledby="partner-page-heading">${header}
      ${this.renderDecisions(p)} ${this.renderProfile(p)} ${this.extras.renderFields()} ${this.renderHistory(p)}
      ${this.renderTeam(p)} ${this.renderPlans(p)} ${this.extras.renderManager()} ${this.extras.renderDocuments()}
    </section>`;
  }

  private renderProfile(p: PartnerDetail): TemplateResult {
    const h = this.host;
    const none = h.m('none');
    const referrer = p.referrer
      ? html`<a part="referrer-link" href=${`#partners/${p.referrer.id}`}>${p.referrer.name}</a>`
      : h.m('noReferrer');
    return html`<section part="page-section profile" aria-labelledby="partner-profile-heading">
      <h3 part="subheading" id="partner-profile-heading">${h.m('profile')}</h3>
      <dl part="facts">
        ${fact(h.m('fact.id'), html`<code>${p.id}</code>`, 'fact-id')}
        ${fact(h.m('fact.company'), p.company ?? none, 'fact-company')}
        ${fact(h.m('fact.email'), p.owner?.email ?? none, 'fact-email')}
        ${fact(h.m('fact.country'), h.country(p.country), 'fact-country')}
        ${fact(h.m('fact.messenger'), p.messenger ?? none, 'fact-messenger')}
        ${fact(h.m('fact.phone'), p.phone ?? none, 'fact-phone')}
        ${fact(h.m('fact.language'), p.locale ? h.m(`language.${p.locale}`) : none, 'fact-language')}
        ${fact(h.m('fact.signedUp'), h.when(p.createdAt), 'fact-signed-up')}
        ${fact(h.m('fact.referralCode'), html`<code>${p.referralCode}</code>`, 'fact-referral-code')}
        ${fact(h.m('fact.referrer'), referrer, 'fact-referrer')}
      </dl>
    </section>`;
  }

  private renderDecisions(p: PartnerDetail): TemplateResult {
    const h = this.host;
    const confirming = this.confirming;
    const decisions = DECISIONS_BY_STATUS[p.status];
    return html`<section part="page-section decisions" aria-labelledby="partner-decisions-heading">
      <h3 part="subheading" id="partner-decisions-heading" tabindex="-1">${h.m('decisions')}</h3>
      <p part="status" role="status">${this.notice ?? nothing}</p>
      ${
        confirming
          ? html`<div part="confirm" role="alertdialog" aria-labelledby="partner-confirm-text">
          <p part="confirm-text" id="partner-confirm-text">${h.m(`confirm.${confirming}`, { partner: p.name })}</p>
          <div part="actions">
            <button part=${`button danger confirm-yes confirm-${confirming}`} type="button" ?disabled=${this.busy}
              @click=${() => this.decide(confirming)}>${h.m(`confirmYes.${confirming}`)}</button>
            <button part="button confirm-no" type="button" @click=${() => this.keep(confirming)}>${h.m('confirmNo')}</button>
          </div></div>`
          : html`<div part="actions">${decisions.map(
              (d) => html`<button part=${`button action action-${d}${accent(d)}`} type="button" ?disabled=${this.busy}
                aria-busy=${this.busy ? 'true' : 'false'} @click=${() => this.decide(d)}>${h.m(`do.${d}`)}</button>`,
            )}</div>`
      }
      ${this.actionError ? html`<p part="error" role="alert">${this.actionError}</p>` : nothing}
    </section>`;
  }

  private renderHistory(p: PartnerDetail): TemplateResult {
    const h = this.host;
    const label = (e: PartnerDetail['history'][number]) =>
      e.type === 'partner_approved' && e.from === 'blocked' ? h.m('history.unblocked') : h.m(`history.${e.type}`);
    return html`<section part="page-section" aria-labelledby="partner-history-heading">
      <h3 part="subheading" id="partner-history-heading">${h.m('history')}</h3>
      <ol part="history">${p.history.map(
        (e) =>
          html`<li part="history-entry">${label(e)} ${h.m(`by.${e.by}`)} <span part="when">${h.when(e.at)}</span></li>`,
      )}</ol>
    </section>`;
  }

  private renderTeam(p: PartnerDetail): TemplateResult {
    const h = this.host;
    const cols = columns({
      member: { label: h.m('col.member'), primary: true },
      role: { label: h.m('col.role') },
      twoFactor: { label: h.m('col.twoFactor'), priority: 2 },
      access: { label: h.m('col.access') },
      lastSignIn: { label: h.m('col.lastSignIn'), priority: 2 },
    });
    const access = (u: PartnerDetail['team'][number]) =>
      h.m(u.blocked ? 'access.blocked' : u.locked ? 'access.locked' : 'access.ok');
    return html`<section part="page-section" aria-labelledby="partner-team-heading">
      <h3 part="subheading" id="partner-team-heading">${h.m('team')}</h3>
      <div part="table-wrap" ${scrollRegion(h.m('team'))}><table part="team">
        <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
        <tbody>${p.team.map(
          (u) => html`<tr part="member-row" data-user-id=${u.id}>
            <th part="cell" scope="row" ${cell(cols.member)}>${u.name}<br /><span part="owner-email">${u.email}</span></th>
            <td part="cell" ${cell(cols.role)}>${h.m(`role.${u.role}`)}</td>
            <td part="cell" ${cell(cols.twoFactor)}>${h.m(u.twoFactorEnabled ? 'twoFactor.on' : 'twoFactor.off')}</td>
            <td part="cell" ${cell(cols.access)}>${access(u)}</td>
            <td part="cell" ${cell(cols.lastSignIn)}>${u.lastSignInAt ? h.when(u.lastSignInAt) : h.m('never')}</td>
          </tr>`,
        )}</tbody>
      </table></div>
    </section>`;
  }

  private renderPlans(p: PartnerDetail): TemplateResult {
    const h = this.host;
    const locale = h.uiLocaleOf();
    // Default plans are everyone's already: only the others can be offered, and not twice.
    const offerable = (this.plans ?? []).filter((plan) => !plan.isDefault && !plan.offeredTo.includes(p.id));
    const note = this.offerNote;
    return html`<section part="page-section plans" aria-labelledby="partner-plans-heading">
      <h3 part="subheading" id="partner-plans-heading">${h.m('plans')}</h3>
      <p part="hint">${h.m('plansHint')}</p>
      ${
        p.plans.length
          ? html`<ul part="plan-list">${p.plans.map(
              (plan) => html`<li part="plan" data-plan-id=${plan.id}><span part="plan-name">${plan.name}</span>
                <span part="plan-badge">${h.m(plan.isDefault ? 'plan.default' : 'plan.individual')}</span>
                ${plan.summary[locale].length ? html`<ul part="plan-terms">${plan.summary[locale].map((s) => html`<li>${s}</li>`)}</ul>` : nothing}</li>`,
            )}</ul>`
          : html`<p part="empty">${h.m('noPlans')}</p>`
      }
      ${
        this.plans === null
          ? nothing
          : offerable.length
            ? html`<form part="inline-form offer" novalidate aria-label=${h.m('offer')} @submit=${this.offer}>
              <div part="field"><label part="label" for="partner-offer-plan">${h.m('offerPick')}</label>
                <select part="input" id="partner-offer-plan"><option value="">${h.m('offerChoose')}</option>
                  ${offerable.map((plan) => html`<option value=${plan.id}>${plan.name}</option>`)}</select></div>
              <button part="button primary offer-submit" type="submit">${h.m('offer')}</button>
            </form>`
            : html`<p part="hint">${h.m('offerNone')}</p>`
      }
      ${note ? html`<p part=${note.ok ? 'status' : 'error'} role=${note.ok ? 'status' : 'alert'}>${note.text}</p>` : nothing}
    </section>`;
  }
}
