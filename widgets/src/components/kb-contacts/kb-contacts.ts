/**
 * `<kb-contacts>`: the partner's Contacts section: their personal manager (photo or initials,
 * name, languages, e-mail, messengers), then the program's support per brand and for all brands
 * (e-mail, messengers, working hours and a note in the user's language).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import { brandingContext } from '../../internal/contexts.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../../internal/account/account-section.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { contactsMessages, type ContactsKey } from './kb-contacts.messages.ts';
import { contactsStyles } from './kb-contacts.styles.ts';
import { initialsOf, localized, mailHref, messengerHref, type ContactMessenger } from './contact-links.ts';

type ContactsCall = KabinetClient['v1']['partner']['contacts']['$get'];
export type PartnerContacts = SuccessBody<Awaited<ReturnType<ContactsCall>>>;
type Manager = NonNullable<PartnerContacts['manager']>;
type Card = NonNullable<PartnerContacts['program']>;

/**
 * Who the partner can write to. Must sit inside `<kb-portal>` (it reads the portal's api, session,
 * locale and branding contexts); alone it shows a waiting note.
 *
 * @event kb-session-expired - A call answered 401; `<kb-portal>` renews or ends the session.
 *
 * @csspart heading - Section heading. @csspart subheading - "Your manager" and "Support" headings.
 * @csspart manager - The manager's card. @csspart avatar - The photo, or the initials' circle (also `initials`).
 * @csspart manager-name - The manager's name. @csspart manager-languages - The languages line.
 * @csspart no-manager - Said when no manager is assigned.
 * @csspart cards - The support cards' grid. @csspart card - One support card (also `card-program`, `card-brand`).
 * @csspart card-title - A card's brand (or "All brands"). @csspart card-hint - The program card's hint.
 * @csspart facts - A card's list of ways to write. @csspart fact - One way (also `fact-label`, `fact-value`).
 * @csspart link - A mailto, t.me or wa.me link. @csspart messenger - One messenger in a list.
 * @csspart empty - Said when the program has published no support contacts.
 * @csspart status - Waiting and loading notes. @csspart error - A load error. @csspart button - The retry button.
 *
 * @cssproperty --kb-color-text - Text. @cssproperty --kb-color-text-muted - Labels and hints.
 * @cssproperty --kb-color-border - Card borders. @cssproperty --kb-color-surface - Card background.
 * @cssproperty --kb-color-primary - The initials' circle. @cssproperty --kb-color-on-primary - Its letters.
 * @cssproperty --kb-color-link - Links (else --kb-color-primary). @cssproperty --kb-radius - Card corners.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring. @cssproperty --kb-focus-ring-width - Focus ring width.
 */
export class KbContacts extends AccountSection {
  static override styles = [accountSectionStyles, contactsStyles];
  static override properties = {
    contacts: { state: true },
    loading: { state: true },
    loadError: { state: true },
  };

  declare private contacts: PartnerContacts | null;
  declare private loading: boolean;
  declare private loadError: string | null;
  private readonly branding = new ContextConsumer(this, { context: brandingContext, subscribe: true });

  constructor() {
    super();
    this.contacts = null;
    this.loading = false;
    this.loadError = null;
  }

  private m(key: ContactsKey, params?: MessageParams): string {
    return contactsMessages(this.i18n.locale, key, params);
  }

  protected override async load(api: ApiClient): Promise<void> {
    this.contacts = null;
    this.loading = true;
    this.loadError = null;
    try {
      this.contacts = await expectOk(api.client.v1.partner.contacts.$get());
    } catch (error) {
      this.loadError = this.errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  protected override render(): TemplateResult {
    const heading = html`<h2 part="heading">${this.m('heading')}</h2>`;
    if (!this.ready) return html`${heading}${this.renderWaiting()}`;
    if (this.loadError) return html`${heading}${this.renderLoadError(this.loadError)}`;
    const contacts = this.contacts;
    if (this.loading || !contacts) return html`${heading}${this.renderLoading()}`;
    const cards = [
      ...(contacts.program ? [{ title: this.m('support.program'), card: contacts.program, program: true }] : []),
      ...contacts.brands.map((brand) => ({ title: brand.brandName, card: brand as Card, program: false })),
    ];
    return html`${heading}
      <section aria-labelledby="manager-heading">
        <h3 part="subheading" id="manager-heading">${this.m('manager.heading')}</h3>
        ${contacts.manager ? this.renderManager(contacts.manager) : this.renderNoManager(cards.length > 0)}
      </section>
      ${
        cards.length
          ? html`<section aria-labelledby="support-heading">
              <h3 part="subheading" id="support-heading">${this.m('support.heading')}</h3>
              <ul part="cards" role="list">
                ${cards.map((c) => this.renderCard(c.title, c.card, c.program))}
              </ul>
            </section>`
          : nothing
      }`;
  }

  private renderManager(manager: Manager): TemplateResult {
    const languages = this.languageNames(manager.languages);
    return html`<article part="manager" aria-labelledby="manager-name">
      ${
        manager.photoUrl && /^https?:\/\//.test(manager.photoUrl)
          ? html`<img part="avatar" src=${manager.photoUrl} alt=${this.m('photoAlt', { name: manager.name })}
              width="96" height="96" loading="lazy" decoding="async" />`
          : html`<span part="avatar initials" aria-hidden="true">${initialsOf(manager.name)}</span>`
      }
      <div class="manager-body">
        <p part="manager-name" id="manager-name">${manager.name}</p>
        ${languages ? html`<p part="manager-languages">${this.m('manager.languages', { languages })}</p>` : nothing}
        <dl part="facts">
          ${this.renderEmail(manager.email)}
          ${this.renderMessengers(manager.messengers)}
        </dl>
      </div>
    </article>`;
  }

  /** Says who to write to instead: the support below, else the program's e-mail from its branding. */
  private renderNoManager(hasCards: boolean): TemplateResult {
    if (hasCards) return html`<p part="no-manager">${this.m('manager.none')}</p>`;
    const email = this.branding.value?.branding.supportEmail ?? null;
    const href = mailHref(email);
    if (!email || !href) return html`<p part="no-manager">${this.m('manager.noneNoSupport')}</p>`;
    const marker = '\u0000';
    const [before = '', after = ''] = this.m('manager.noneAtAll', { email: marker }).split(marker);
    return html`<p part="no-manager">${before}<a part="link" href=${href}>${email}</a>${after}</p>`;
  }

  private renderCard(title: string, card: Card, program: boolean): TemplateResult {
    const hours = localized(card.hours, this.i18n.locale);
    const note = localized(card.note, this.i18n.locale);
    return html`<li part="card ${program ? 'card-program' : 'card-brand'}">
      <h4 part="card-title">${title}</h4>
      ${program ? html`<p part="card-hint">${this.m('support.programHint')}</p>` : nothing}
      <dl part="facts">
        ${card.supportEmail ? this.renderEmail(card.supportEmail) : nothing}
        ${this.renderMessengers(card.messengers)}
        ${hours ? this.renderFact(this.m('hours'), html`${hours}`) : nothing}
        ${note ? this.renderFact(this.m('note'), html`${note}`) : nothing}
      </dl>
    </li>`;
  }

  private renderFact(label: string, value: TemplateResult): TemplateResult {
    return html`<div part="fact"><dt part="fact-label">${label}</dt><dd part="fact-value">${value}</dd></div>`;
  }

  private renderEmail(email: string): TemplateResult {
    const href = mailHref(email);
    return this.renderFact(this.m('email'), href ? html`<a part="link" href=${href}>${email}</a>` : html`${email}`);
  }

  private renderMessengers(messengers: ContactMessenger[]): TemplateResult | typeof nothing {
    if (!messengers.length) return nothing;
    return this.renderFact(
      this.m('messengers'),
      html`<ul class="messengers" role="list">
        ${messengers.map((messenger) => {
          const href = messengerHref(messenger);
          const kind = this.m(`kind.${messenger.kind}`);
          return html`<li part="messenger" data-kind=${messenger.kind}>
            <span class="kind">${kind}</span>
            ${
              href
                ? html`<a part="link" href=${href} target="_blank" rel="noopener noreferrer"
                    >${messenger.handle}<span class="visually-hidden"> ${kind} ${this.m('newTab')}</span></a>`
                : html`<span class="handle">${messenger.handle}</span>`
            }
          </li>`;
        })}
      </ul>`,
    );
  }

  /** "English, Russian" in the user's language. */
  private languageNames(codes: string[]): string {
    if (!codes.length) return '';
    const names = new Intl.DisplayNames([this.i18n.locale], { type: 'language' });
    const list = codes.map((code) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    });
    return new Intl.ListFormat(this.i18n.locale, { type: 'conjunction' }).format(list);
  }
}
