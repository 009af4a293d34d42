/**
 * What each operator staff role may do, in one table: the first rule whose pattern matches the
 * request path decides which roles may read (GET, HEAD) and which may write (every other method).
 * The owner may do everything; the secret key is not checked here (it has full power). A path no
 * rule names may be read by every role and written only by the owner, so a new route is safe
 * until someone puts it in the table.
 *
 * Patterns: `*` is any run of characters (slashes included), `{id}` one path segment.
 */
import type { StaffRole } from '../modules/operator-staff/table.ts';

type Roles = readonly StaffRole[];

const EVERYONE: Roles = ['owner', 'manager', 'finance', 'viewer'];
const OWNER: Roles = ['owner'];
const MANAGER: Roles = ['owner', 'manager'];
const FINANCE: Roles = ['owner', 'finance'];
const MANAGER_OR_FINANCE: Roles = ['owner', 'manager', 'finance'];

interface RoleRule {
  pattern: string;
  read: Roles;
  write: Roles;
  /** Which part of the console the rule belongs to (for people reading the table). */
  area: string;
}

export const OPERATOR_ROLE_RULES: readonly RoleRule[] = [
  // Owner-only: the people and the keys that act for the operator, and its settings.
  { area: 'staff', pattern: '/v1/operator/staff*', read: OWNER, write: OWNER },
  { area: 'api keys', pattern: '/v1/operator/api_keys*', read: OWNER, write: OWNER },
  { area: 'settings', pattern: '/v1/operator', read: EVERYONE, write: OWNER },
  // Money: before the partner rules, whose wildcard would otherwise take these.
  { area: 'wallet', pattern: '/v1/partners/{id}/wallet*', read: EVERYONE, write: FINANCE },
  { area: 'payment accounts', pattern: '/v1/partners/{id}/payment_accounts*', read: EVERYONE, write: FINANCE },
  { area: 'bills', pattern: '/v1/bills*', read: EVERYONE, write: FINANCE },
  { area: 'billing', pattern: '/v1/billing*', read: EVERYONE, write: FINANCE },
  { area: 'cash-outs', pattern: '/v1/cash_outs*', read: EVERYONE, write: FINANCE },
  { area: 'payment methods', pattern: '/v1/payment_methods*', read: EVERYONE, write: FINANCE },
  { area: 'payments', pattern: '/v1/payments*', read: EVERYONE, write: FINANCE },
  { area: 'exchange rates', pattern: '/v1/exchange_rates*', read: EVERYONE, write: FINANCE },
  { area: 'ledger', pattern: '/v1/ledger*', read: EVERYONE, write: FINANCE },
  // Reports: both managers and finance build and save them.
  { area: 'reports', pattern: '/v1/reports*', read: EVERYONE, write: MANAGER_OR_FINANCE },
  { area: 'requested reports', pattern: '/v1/requested_reports*', read: EVERYONE, write: MANAGER_OR_FINANCE },
  // The program: partners, content, plans, networks and conversions.
  { area: 'partners', pattern: '/v1/partners*', read: EVERYONE, write: MANAGER },
  { area: 'partner users', pattern: '/v1/users*', read: EVERYONE, write: MANAGER },
  { area: 'embed sessions', pattern: '/v1/partner_sessions*', read: EVERYONE, write: MANAGER },
  { area: 'news', pattern: '/v1/news*', read: EVERYONE, write: MANAGER },
  { area: 'terms', pattern: '/v1/terms*', read: EVERYONE, write: MANAGER },
  { area: 'registration fields', pattern: '/v1/registration_fields*', read: EVERYONE, write: MANAGER },
  { area: 'contacts', pattern: '/v1/contacts*', read: EVERYONE, write: MANAGER },
  { area: 'managers', pattern: '/v1/managers*', read: EVERYONE, write: MANAGER },
  { area: 'documents', pattern: '/v1/documents*', read: EVERYONE, write: MANAGER },
  { area: 'plans', pattern: '/v1/plans*', read: EVERYONE, write: MANAGER },
  { area: 'qualifications', pattern: '/v1/qualifications*', read: EVERYONE, write: MANAGER },
  { area: 'networks', pattern: '/v1/networks*', read: EVERYONE, write: MANAGER },
  { area: 'network connections', pattern: '/v1/network_connections*', read: EVERYONE, write: MANAGER },
  { area: 'conversions', pattern: '/v1/conversions*', read: EVERYONE, write: MANAGER },
  { area: 'events', pattern: '/v1/events*', read: EVERYONE, write: MANAGER },
  { area: 'costs', pattern: '/v1/costs*', read: EVERYONE, write: MANAGER },
  { area: 'catalogue', pattern: '/v1/brands*', read: EVERYONE, write: MANAGER },
  { area: 'catalogue', pattern: '/v1/creatives*', read: EVERYONE, write: MANAGER },
  { area: 'catalogue', pattern: '/v1/landings*', read: EVERYONE, write: MANAGER },
  { area: 'catalogue', pattern: '/v1/traffic_sources*', read: EVERYONE, write: MANAGER },
];

const DEFAULT_RULE: RoleRule = { area: 'other', pattern: '*', read: EVERYONE, write: OWNER };

const escape = (text: string) => text.replace(/[.+?^$()|[\]\\]/g, '\\$&');
const compile = (pattern: string) =>
  new RegExp(
    `^${escape(pattern)
      .replace(/\{\w+\}/g, '[^/]+')
      .replace(/\*/g, '.*')}$`,
  );
const COMPILED = OPERATOR_ROLE_RULES.map((rule) => ({ rule, regex: compile(rule.pattern) }));

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The roles that may make this request. */
export function rolesAllowed(method: string, path: string): Roles {
  const rule = COMPILED.find((r) => r.regex.test(path))?.rule ?? DEFAULT_RULE;
  return SAFE_METHODS.has(method.toUpperCase()) ? rule.read : rule.write;
}
