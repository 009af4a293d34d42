/**
 * Script-tag entry for operator consoles (`<script type="module" src="…/kabinet-operator.js">`):
 * defines `<kb-network-connections>` (CPA-network catalog, connections, offers, conversions),
 * `<kb-operator-reports>` (the performance report over all partners, with its `<kb-stats-chart>`) and
 * `<kb-plans-console>` (commission plans: terms in words, create, new terms versions, offer to a
 * partner; with its `<kb-plan-form>`), `<kb-bills-console>` (bills: approve, hold, cancel, mark paid,
 * corrections, billing runs by hand), `<kb-qualifications-console>` (the players who qualified for CPA plans) and
 * `<kb-cash-outs-console>` (cash-outs: mark paid, cancel, refund, the payment run as CSV) and
 * `<kb-partners-console>` (partners: search, approve / reject / block, team, plan, manager) and
 * `<kb-news-console>` (news: drafts with a Markdown preview, banners, publish, unpublish, delete) and
 * `<kb-documents-console>` (partners' documents: the review queue, view, approve, decline with a reason),
 * `<kb-operator-sign-in>` (staff sign-in on Kabinet itself: password, TOTP code or enrolment) and
 * `<kb-operator-account>` (who is signed in, with the role, and "Sign out"),
 * `<kb-staff-console>` (owner only: staff users, invite, role, deactivate, unlock, reset two-factor) and
 * `<kb-api-keys-console>` (owner only: secret keys, create with the secret shown once, revoke, rotate),
 * `<kb-terms-console>` (terms versions: publish the next with a preview, who accepted each) and
 * `<kb-registration-fields-console>` (the extra sign-up fields: add, edit, reorder, turn off).
 * Separate from kabinet.js so partner-facing pages never download the operator tools. The console
 * talks to the operator's own backend (its `api-base`), which holds the secret key, or, once a staff
 * user signed in with `<kb-operator-sign-in>`, to Kabinet itself with the staff session cookie.
 * Safe to load twice: `define()` skips tags that are already registered.
 */
import { define } from './internal/base-element.ts';
import {
  KbNetworkConnections,
  NETWORK_CONSOLE_PARTS,
} from './components/kb-network-connections/kb-network-connections.ts';
import { KbOperatorReports } from './components/kb-operator-reports/kb-operator-reports.ts';
import { KbStatsChart } from './internal/statistics/kb-stats-chart.ts';
import { KbPlansConsole } from './components/kb-plans-console/kb-plans-console.ts';
import { KbPlanForm } from './components/kb-plans-console/kb-plan-form.ts';
import { KbBillsConsole } from './components/kb-bills-console/kb-bills-console.ts';
import { KbQualificationsConsole } from './components/kb-qualifications-console/kb-qualifications-console.ts';
import { KbCashOutsConsole } from './components/kb-cash-outs-console/kb-cash-outs-console.ts';
import { KbContactsConsole } from './components/kb-contacts-console/kb-contacts-console.ts';
import { KbPartnersConsole } from './components/kb-partners-console/kb-partners-console.ts';
import { KbNewsConsole } from './components/kb-news-console/kb-news-console.ts';
import { KbDocumentsConsole } from './components/kb-documents-console/kb-documents-console.ts';
import { KbOperatorSignIn } from './components/kb-operator-sign-in/kb-operator-sign-in.ts';
import { KbOperatorAccount } from './components/kb-operator-sign-in/kb-operator-account.ts';
import { KbStaffConsole } from './components/kb-staff-console/kb-staff-console.ts';
import { KbApiKeysConsole } from './components/kb-api-keys-console/kb-api-keys-console.ts';
import { KbTermsConsole } from './components/kb-terms-console/kb-terms-console.ts';
import { KbRegistrationFieldsConsole } from './components/kb-registration-fields-console/kb-registration-fields-console.ts';

define('kb-network-connections', KbNetworkConnections);
for (const [tag, ctor] of NETWORK_CONSOLE_PARTS) define(tag, ctor);
define('kb-operator-reports', KbOperatorReports);
define('kb-stats-chart', KbStatsChart);
define('kb-plans-console', KbPlansConsole);
define('kb-plan-form', KbPlanForm);
define('kb-bills-console', KbBillsConsole);
define('kb-qualifications-console', KbQualificationsConsole);
define('kb-cash-outs-console', KbCashOutsConsole);
define('kb-contacts-console', KbContactsConsole);
define('kb-partners-console', KbPartnersConsole);
define('kb-news-console', KbNewsConsole);
define('kb-documents-console', KbDocumentsConsole);
define('kb-operator-sign-in', KbOperatorSignIn);
define('kb-operator-account', KbOperatorAccount);
define('kb-staff-console', KbStaffConsole);
define('kb-api-keys-console', KbApiKeysConsole);
define('kb-terms-console', KbTermsConsole);
define('kb-registration-fields-console', KbRegistrationFieldsConsole);

export { define } from './internal/base-element.ts';
export {
  KbNetworkConnections,
  NETWORK_CONSOLE_PARTS,
} from './components/kb-network-connections/kb-network-connections.ts';
export { KbNetworkConnectForm } from './components/kb-network-connections/kb-network-connect-form.ts';
export { KbNetworkOffers } from './components/kb-network-connections/kb-network-offers.ts';
export { KbNetworkConversions } from './components/kb-network-connections/kb-network-conversions.ts';
export { KbNetworkApi } from './components/kb-network-connections/kb-network-api.ts';
export { KbNetworkApiActivity } from './components/kb-network-connections/kb-network-api-activity.ts';
export { KbOperatorReports } from './components/kb-operator-reports/kb-operator-reports.ts';
export { KbStatsChart } from './internal/statistics/kb-stats-chart.ts';
export { KbPlansConsole } from './components/kb-plans-console/kb-plans-console.ts';
export { KbPlanForm } from './components/kb-plans-console/kb-plan-form.ts';
export type { OperatorPlan, PartnerSummary, PlanTerms } from './components/kb-plans-console/plans-types.ts';
export { KbBillsConsole } from './components/kb-bills-console/kb-bills-console.ts';
export type { OperatorBill, OperatorBillDetail } from './components/kb-bills-console/bills-console-types.ts';
export { KbQualificationsConsole } from './components/kb-qualifications-console/kb-qualifications-console.ts';
export { KbCashOutsConsole } from './components/kb-cash-outs-console/kb-cash-outs-console.ts';
export type { OperatorCashOut } from './components/kb-cash-outs-console/cash-outs-types.ts';
export { KbContactsConsole } from './components/kb-contacts-console/kb-contacts-console.ts';
export type {
  ContactsOverview,
  OperatorManager,
} from './components/kb-contacts-console/contacts-console-types.ts';
export { KbPartnersConsole } from './components/kb-partners-console/kb-partners-console.ts';
export type { PartnerDetail, PartnerRow } from './components/kb-partners-console/partners-types.ts';
export { KbNewsConsole } from './components/kb-news-console/kb-news-console.ts';
export type { ConsoleArticle } from './components/kb-news-console/news-editor.ts';
export { KbDocumentsConsole } from './components/kb-documents-console/kb-documents-console.ts';
export type { ConsoleDocument } from './components/kb-documents-console/kb-documents-console.ts';
export { KbOperatorSignIn } from './components/kb-operator-sign-in/kb-operator-sign-in.ts';
export { KbOperatorAccount } from './components/kb-operator-sign-in/kb-operator-account.ts';
export { KbStaffConsole } from './components/kb-staff-console/kb-staff-console.ts';
export type { StaffUser } from './components/kb-staff-console/staff-types.ts';
export { KbApiKeysConsole } from './components/kb-api-keys-console/kb-api-keys-console.ts';
export type { ApiKey } from './components/kb-api-keys-console/api-keys-types.ts';
export { KbTermsConsole } from './components/kb-terms-console/kb-terms-console.ts';
export type {
  TermsAcceptance,
  TermsVersionDetail,
  TermsVersionSummary,
} from './components/kb-terms-console/terms-types.ts';
export { KbRegistrationFieldsConsole } from './components/kb-registration-fields-console/kb-registration-fields-console.ts';
export type { ConsoleField as OperatorRegistrationField } from './components/kb-registration-fields-console/registration-field-form.ts';
export type { StaffMe } from './internal/events.ts';
export type { QualificationRow } from './internal/billing/qualifications.ts';
export type {
  Connection,
  ConversionStatus,
  NetworkEntry,
  NetworkOffer,
  OperatorConversion,
} from './components/kb-network-connections/network-types.ts';
/** The console's failures are the portal's ApiError (`ConsoleApiError` is its earlier name, kept for existing code). */
export { ApiError, ApiError as ConsoleApiError, type FieldError } from './internal/api-client.ts';
