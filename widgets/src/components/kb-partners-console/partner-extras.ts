/**
 * The parts of a partner's page that other modules serve: the manager (contacts: `GET /v1/managers`,
 * `GET`/`PUT /v1/partners/{id}/manager`), the documents (`GET /v1/documents?partnerId=`) and the
 * answers to the operator's extra sign-up questions (`GET /v1/partners/{id}/fields`). Each is left
 * out when its route is not there (an older Kabinet, or a backend that does not forward it) and
 * shows its error for any other failure.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { KbPartnersConsole } from './kb-partners-console.ts';
import type { Optional } from './partners-console-element.ts';
import type { ManagerEntry, PartnerDocument, PartnerManager, SignUpAnswer } from './partners-types.ts';

const DOCUMENT_STATUSES: readonly string[] = ['pending', 'approved', 'declined'];
const DOCUMENT_KINDS: readonly string[] = ['identity', 'company', 'address', 'tax', 'other'];
type ManagerPart = { managers: ManagerEntry[]; current: ManagerEntry | null };

export class PartnerExtras {
  partnerId: string | null = null;
  manager: Optional<ManagerPart> = { state: 'loading' };
  documents: Optional<PartnerDocument[]> = { state: 'loading' };
  fields: Optional<SignUpAnswer[]> = { state: 'loading' };
  managerNote: { ok: boolean; text: string } | null = null;
  savingManager = false;

  constructor(private readonly host: KbPartnersConsole) {}

  async load(partnerId: string): Promise<void> {
    this.partnerId = partnerId;
    this.manager = this.documents = this.fields = { state: 'loading' };
    this.managerNote = null;
    const h = this.host;
    const id = encodeURIComponent(partnerId);
    const settle = <T>(key: 'manager' | 'documents' | 'fields', answer: Optional<T>) => {
      if (this.partnerId !== partnerId) return;
      (this as Record<typeof key, unknown>)[key] = answer;
      h.requestUpdate();
    };
    await Promise.all([
      h
        .optional(async () => {
          const [list, current] = await Promise.all([
            h.callJson<{ items: ManagerEntry[] }>('/v1/managers'),
            h.callJson<PartnerManager>(`/v1/partners/${id}/manager`),
          ]);
          return { managers: list.items, current: current.manager };
        })
        .then((a) => settle('manager', a)),
      h
        .optional(async () => (await h.callJson<{ items: PartnerDocument[] }>(`/v1/documents?partnerId=${id}`)).items)
        .then((a) => settle('documents', a)),
      h
        .optional(async () => (await h.callJson<{ fields: SignUpAnswer[] }>(`/v1/partners/${id}/fields`)).fields)
        .then((a) => settle('fields', a)),
    ]);
  }

  private readonly saveManager = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const partnerId = this.partnerId;
    if (!partnerId || this.manager.state !== 'ok') return;
    const value = (event.currentTarget as HTMLFormElement).querySelector('select')?.value ?? '';
    this.savingManager = true;
    this.managerNote = null;
    this.host.requestUpdate();
    try {
      const saved = await this.host.callJson<PartnerManager>(`/v1/partners/${encodeURIComponent(partnerId)}/manager`, {
        method: 'PUT',
        body: { managerId: value || null },
      });
      this.manager = { state: 'ok', data: { ...this.manager.data, current: saved.manager } };
      this.managerNote = { ok: true, text: this.host.m('managerSaved') };
    } catch (error) {
      this.managerNote = { ok: false, text: this.host.failureOf(error) };
    } finally {
      this.savingManager = false;
      this.host.requestUpdate();
    }
  };

  /** A part's frame: nothing when absent, its heading with a loading line, an error, or its body. */
  private section<T>(
    part: string,
    heading: string,
    answer: Optional<T>,
    body: (data: T) => TemplateResult,
  ): TemplateResult | typeof nothing {
    if (answer.state === 'absent') return nothing;
    const h = this.host;
    const id = `partner-${part}-heading`;
    return html`<section part=${`page-section ${part}`} aria-labelledby=${id}>
      <h3 part="subheading" id=${id}>${heading}</h3>
      ${
        answer.state === 'loading'
          ? html`<p part="status" role="status" aria-busy="true">${h.m('loading')}</p>`
          : answer.state === 'failed'
            ? html`<p part="error" role="alert">${answer.message}</p>`
            : body(answer.data)
      }
    </section>`;
  }

  renderManager(): TemplateResult | typeof nothing {
    const h = this.host;
    return this.section('manager', h.m('manager'), this.manager, ({ managers, current }) => {
      // An inactive manager is listed only when it is this partner's (so the select shows the truth).
      const choices = managers.filter((m) => m.active || m.id === current?.id);
      const note = this.managerNote;
      return html`<p part="hint">${h.m('managerHint')}</p>
        <form part="inline-form" novalidate aria-label=${h.m('manager')} @submit=${this.saveManager}>
          <div part="field"><label part="label" for="partner-manager">${h.m('managerPick')}</label>
            <select part="input" id="partner-manager">
              <option value="" ?selected=${!current}>${h.m('managerNone')}</option>
              ${choices.map(
                (m) =>
                  html`<option value=${m.id} ?selected=${m.id === current?.id}>${
                    m.active ? `${m.name} (${m.email})` : h.m('managerInactive', { name: m.name })
                  }</option>`,
              )}
            </select></div>
          <button part="button primary manager-save" type="submit" ?disabled=${this.savingManager}>${h.m('managerSave')}</button>
        </form>
        ${note ? html`<p part=${note.ok ? 'status' : 'error'} role=${note.ok ? 'status' : 'alert'}>${note.text}</p>` : nothing}`;
    });
  }

  renderDocuments(): TemplateResult | typeof nothing {
    const h = this.host;
    const link = this.partnerId ? h.documentsLink(this.partnerId) : null;
    return this.section('documents', h.m('documents'), this.documents, (docs) => {
      const status = (s: string) => (DOCUMENT_STATUSES.includes(s) ? h.m(`document.status.${s as 'pending'}`) : s);
      const kind = (k: string) => (DOCUMENT_KINDS.includes(k) ? h.m(`document.kind.${k as 'other'}`) : k);
      return html`${
        docs.length
          ? html`<ul part="documents-list">${docs.map(
              (d) => html`<li part="document" data-document-id=${d.id}>${d.fileName}
                <span part="when">· ${kind(d.kind)} · ${h.m('bytes', { size: Math.max(1, Math.round(d.size / 1024)) })} ·
                ${h.when(d.createdAt)}</span> — <strong>${status(d.status)}</strong>${d.comment ? html`: ${d.comment}` : nothing}</li>`,
            )}</ul>`
          : html`<p part="empty">${h.m('noDocuments')}</p>`
      }
        ${link ? html`<p><a part="documents-link" href=${link}>${h.m('documentsLink')}</a></p>` : nothing}`;
    });
  }

  renderFields(): TemplateResult | typeof nothing {
    const h = this.host;
    const locale = h.uiLocaleOf();
    // A select's answer is worded by its option's label; a checkbox's as yes or no.
    const answer = (a: SignUpAnswer) => {
      if (a.value === null || a.value === '') return h.m('none');
      if (typeof a.value === 'boolean') return h.m(a.value ? 'yes' : 'no');
      const option = a.options.find((o) => o.value === a.value);
      return option ? option.label[locale] || option.label.en : a.value;
    };
    return this.section('fields', h.m('fields'), this.fields, (answers) =>
      answers.length
        ? html`<dl part="field-list">${answers.map(
            (a) => html`<div part="fact"><dt part="fact-label">${a.label[locale] || a.label.en}</dt>
              <dd part="fact-value field-answer">${answer(a)}</dd></div>`,
          )}</dl>`
        : html`<p part="empty">${h.m('noFields')}</p>`,
    );
  }
}
