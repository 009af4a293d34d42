/**
 * The portal's section registry: one entry per navigation item. Adding a section is one entry;
 * which entries a visitor sees follows from the session (signed in or not, the embed session's
 * components, the user's role), so sections never re-check that themselves.
 */
import { html, type TemplateResult } from 'lit';
import type { EMBED_COMPONENTS } from '../../../../core/modules/identity/schemas.ts';
import type { PartnerRole, SessionState } from '../../internal/contexts.ts';
import type { MessageKey } from '../../internal/i18n.ts';

/** What an embed session can be limited to (the operator lists them when minting it). */
export type PortalComponent = (typeof EMBED_COMPONENTS)[number];

export interface PortalSection {
  id: string;
  /** Navigation label, from the portal's catalog (i18n.ts). */
  labelKey: MessageKey;
  /** The embed component this section belongs to: an embed session shows it only if minted with it. */
  component: PortalComponent;
  /** Only with a session (password or embed); hidden while anonymous. */
  requiresSession?: boolean;
  /**
   * `account`: a page about the partner's own account, listed in the account menu under the
   * signed-in e-mail rather than in the section row (it is visited now and then, not daily).
   */
  group?: 'account';
  /** Only for these roles (e.g. team management: owner and admin). Implies a session. */
  roles?: readonly PartnerRole[];
  render: () => TemplateResult;
  /**
   * Loads the section's elements (a lazy chunk) the first time it is shown; elements already
   * on the page upgrade when their module defines them, so the portal need not wait.
   */
  load?: () => Promise<unknown>;
}

const accountChunk = () => import('../../sections/account.ts');
const campaignsChunk = () => import('../../sections/campaigns.ts');
const postbacksChunk = () => import('../../sections/postbacks.ts');
const statisticsChunk = () => import('../../sections/statistics.ts');
const moneyChunk = () => import('../../sections/money.ts');
const contentChunk = () => import('../../sections/content.ts');

/**
 * Later sections are one line each, e.g.
 * `{ id: 'team', load: () => import('…'), labelKey: 'nav.team', component: 'team', requiresSession: true,
 *   roles: ['owner', 'admin'], render: () => html`<kb-team part="section section-team"></kb-team>` }`.
 */
export const PORTAL_SECTIONS: readonly PortalSection[] = [
  // First: a signed-in partner lands here (the first section a session may see); anonymous visitors get Program.
  {
    id: 'dashboard',
    load: statisticsChunk,
    labelKey: 'nav.dashboard',
    component: 'statistics',
    requiresSession: true,
    render: () => html`<kb-dashboard part="section section-dashboard"></kb-dashboard>`,
  },
  {
    // The program's announcements; the publish e-mail and the notifications link `#/news/<id>`.
    id: 'news',
    load: contentChunk,
    labelKey: 'nav.news',
    component: 'program',
    requiresSession: true,
    render: () => html`<kb-news part="section section-news"></kb-news>`,
  },
  {
    id: 'program',
    labelKey: 'nav.program',
    component: 'program',
    render: () => html`<kb-program part="section section-program"></kb-program>`,
  },
  {
    id: 'profile',
    group: 'account',
    load: accountChunk,
    labelKey: 'nav.profile',
    component: 'profile',
    requiresSession: true,
    render: () => html`<kb-profile part="section section-profile"></kb-profile>`,
  },
  {
    id: 'security',
    group: 'account',
    load: accountChunk,
    labelKey: 'nav.security',
    component: 'security',
    requiresSession: true,
    render: () => html`<kb-security part="section section-security"></kb-security>`,
  },
  {
    // The Report API's documentation with the user's own token: a page visited now and then, like Security.
    id: 'api',
    group: 'account',
    load: accountChunk,
    labelKey: 'nav.api',
    component: 'statistics',
    requiresSession: true,
    render: () => html`<kb-api-docs part="section section-api"></kb-api-docs>`,
  },
  {
    // The program's terms: the current version, its acceptance, older versions at `#/terms/<id>`.
    id: 'terms',
    group: 'account',
    load: accountChunk,
    labelKey: 'nav.terms',
    component: 'profile',
    requiresSession: true,
    render: () => html`<kb-terms part="section section-terms"></kb-terms>`,
  },
  {
    id: 'team',
    group: 'account',
    load: accountChunk,
    labelKey: 'nav.team',
    component: 'team',
    requiresSession: true,
    roles: ['owner', 'admin'],
    render: () => html`<kb-team part="section section-team"></kb-team>`,
  },
  {
    id: 'campaigns',
    load: campaignsChunk,
    labelKey: 'nav.campaigns',
    component: 'campaigns',
    requiresSession: true,
    render: () => html`<kb-campaigns part="section section-campaigns"></kb-campaigns>`,
  },
  {
    id: 'creatives',
    load: campaignsChunk,
    labelKey: 'nav.creatives',
    component: 'campaigns',
    requiresSession: true,
    render: () => html`<kb-creatives part="section section-creatives"></kb-creatives>`,
  },
  {
    id: 'plans',
    load: campaignsChunk,
    labelKey: 'nav.plans',
    component: 'campaigns',
    requiresSession: true,
    render: () => html`<kb-plans part="section section-plans"></kb-plans>`,
  },
  {
    // Always listed: no cheap signal tells whether the program pays for sub-affiliates, and the
    // section itself says how to get them (the referral code and link) when there are none.
    id: 'sub-affiliates',
    load: campaignsChunk,
    labelKey: 'nav.subAffiliates',
    component: 'campaigns',
    requiresSession: true,
    render: () => html`<kb-subaffiliates part="section section-sub-affiliates"></kb-subaffiliates>`,
  },
  {
    id: 'reports',
    load: statisticsChunk,
    labelKey: 'nav.reports',
    component: 'statistics',
    requiresSession: true,
    render: () => html`<kb-reports part="section section-reports"></kb-reports>`,
  },
  {
    id: 'conversions',
    load: campaignsChunk,
    labelKey: 'nav.conversions',
    component: 'conversions',
    requiresSession: true,
    render: () => html`<kb-conversions part="section section-conversions"></kb-conversions>`,
  },
  {
    id: 'bills',
    load: moneyChunk,
    labelKey: 'nav.bills',
    component: 'bills',
    requiresSession: true,
    render: () => html`<kb-bills part="section section-bills"></kb-bills>`,
  },
  {
    id: 'wallet',
    load: moneyChunk,
    labelKey: 'nav.wallet',
    component: 'wallet',
    requiresSession: true,
    render: () => html`<kb-wallet part="section section-wallet"></kb-wallet>`,
  },
  {
    id: 'postbacks',
    load: postbacksChunk,
    labelKey: 'nav.postbacks',
    component: 'postbacks',
    requiresSession: true,
    render: () => html`<kb-postbacks part="section section-postbacks"></kb-postbacks>`,
  },
  {
    id: 'postback-log',
    load: postbacksChunk,
    labelKey: 'nav.postbackLog',
    component: 'postbacks',
    requiresSession: true,
    render: () => html`<kb-postback-log part="section section-postback-log"></kb-postback-log>`,
  },
  {
    id: 'activity',
    group: 'account',
    load: accountChunk,
    labelKey: 'nav.activity',
    component: 'activity',
    requiresSession: true,
    render: () => html`<kb-activity part="section section-activity"></kb-activity>`,
  },
  {
    // The bell in the header opens its latest; this page has them all.
    id: 'notifications',
    group: 'account',
    load: accountChunk,
    labelKey: 'nav.notifications',
    component: 'notifications',
    requiresSession: true,
    render: () => html`<kb-notifications part="section section-notifications"></kb-notifications>`,
  },
  {
    // In the account menu: partners look their manager and support up now and then, not daily.
    id: 'contacts',
    group: 'account',
    load: contentChunk,
    labelKey: 'nav.contacts',
    component: 'program',
    requiresSession: true,
    render: () => html`<kb-contacts part="section section-contacts"></kb-contacts>`,
  },
  {
    // Account papers the program asks for (KYC); a review's notification and e-mail link `#/documents`.
    id: 'documents',
    group: 'account',
    load: contentChunk,
    labelKey: 'nav.documents',
    component: 'profile',
    requiresSession: true,
    render: () => html`<kb-documents part="section section-documents"></kb-documents>`,
  },
];

/** The sections this session may see, in registry order. */
export function visibleSections(sections: readonly PortalSection[], session: SessionState): PortalSection[] {
  return sections.filter((s) => {
    const signedIn = session.status !== 'anonymous';
    if ((s.requiresSession || s.roles) && !signedIn) return false;
    if (session.status === 'embedded' && session.components && !session.components.includes(s.component)) return false;
    if (s.roles && !(session.user && s.roles.includes(session.user.role))) return false;
    return true;
  });
}
