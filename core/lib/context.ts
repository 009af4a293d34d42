/**
 * What services, jobs and helpers are handed: the outside world as the edge entry built it
 * (database, clock, outbox, secret box, mail and postback transports), and who is asking. No
 * HTTP here: core/http/deps.ts's AppDeps adds what only the HTTP layer uses.
 */
import type { Db } from '../db/client.ts';
import type { JobQueue } from '../jobs/outbox.ts';
import type { MailTransport } from '../modules/mail/transport.ts';
import type { OutboundHttp } from '../modules/postbacks/outbound.ts';
import type { Clock } from './clock.ts';
import type { SecretBox } from './crypto.ts';
import type { FileStore } from './file-store.ts';

export interface ServiceContext {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  /** This server's version; postbacks name it in their User-Agent. */
  version: string;
  /** Encrypts secrets that must be readable again (TOTP secrets, statistic tokens). */
  secretBox: SecretBox;
  /**
   * Where emails go. null is the `outbox` driver: messages are only stored (the demo mailbox
   * page shows them). Otherwise a job hands each stored message to the transport.
   */
  mailTransport: MailTransport | null;
  /** Public base URL of this server, for links in emails (e.g. https://partners.example.com). */
  publicUrl: string;
  /**
   * How postbacks leave: on Node and Deno a guarded node:http client that only connects to
   * public addresses; on Workers fetch (which does not reach private networks).
   */
  outbound: OutboundHttp;
  /**
   * Where generated files are kept (requested reports): a directory on Node and Deno, R2 on
   * Workers. Absent in seeds and scripts, which build no files; the routes that need it answer 503.
   */
  files?: FileStore;
  /** Time limit of one postback attempt (default 10 s). */
  postbackTimeoutMs?: number;
  /** Bound parameters one SQL statement may carry: 32,766 on libSQL, 100 on D1 (the default). */
  maxBoundParams?: number;
  /** Logs something kept but worth a look (e.g. an inbound postback with an unknown status). */
  reportWarning?: (message: string) => void;
  /** Called with unexpected errors (the caller only sees a request id). */
  reportError?: (error: unknown, requestId: string | null) => void;
}

/** The part of the context plain reads and writes need (seeds and scripts build only this). */
export type StoreContext = Pick<ServiceContext, 'db' | 'clock'>;

/** The part of the context a batched read by ids needs (chunks sized for the database). */
export type ReadContext = Pick<ServiceContext, 'db' | 'maxBoundParams'>;

/**
 * What a tenant-scoped service is handed: the outside world plus the operator whose data this call
 * may touch. Tenant isolation lives here: every query such a service makes filters by
 * `ctx.operatorId`, so a row of another operator is simply not found (404). Built once per request
 * by core/http (`tenantContext(c)`), per job from its payload, or by `withTenant` in seeds and scripts.
 */
export interface TenantContext extends ServiceContext {
  operatorId: string;
  /** Where the request came from (audit log, sessions, the per-IP sign-in throttle); absent outside requests. */
  meta?: RequestMeta;
}

/** A signed-in partner user calling: the tenant is the partner's operator (`partner.operatorId === operatorId`). */
export interface PartnerContext extends TenantContext {
  partner: PartnerPrincipal;
}

/** StoreContext within one operator (the request's origin for the audit log, when there is one). */
export type TenantStore = Pick<TenantContext, 'db' | 'clock' | 'operatorId' | 'meta'>;

/** ReadContext within one operator: batched look-ups other modules make by ids. */
export type TenantRead = Pick<TenantContext, 'db' | 'maxBoundParams' | 'operatorId'>;

/** TenantRead for one partner's own rows (campaigns, promos, clicks of the caller). */
export type PartnerRead = Pick<PartnerContext, 'db' | 'maxBoundParams' | 'operatorId' | 'partner'>;

/** TenantStore of a signed-in partner user (sessions, the activity log). */
export type PartnerStore = Pick<PartnerContext, 'db' | 'clock' | 'operatorId' | 'meta' | 'partner'>;

/** A context (whole or narrow) scoped to one operator. Give it a base without a tenant (deps, a store). */
export function withTenant<C extends object>(base: C, operatorId: string, meta?: RequestMeta): C & TenantScope {
  return meta ? { ...base, operatorId, meta } : { ...base, operatorId };
}

/** A context scoped to a signed-in partner user and its operator. */
export function withPartner<C extends object>(
  base: C,
  partner: PartnerPrincipal,
  meta?: RequestMeta,
): C & TenantScope & { partner: PartnerPrincipal } {
  return meta
    ? { ...base, operatorId: partner.operatorId, partner, meta }
    : { ...base, operatorId: partner.operatorId, partner };
}

type TenantScope = { operatorId: string; meta?: RequestMeta };

/** Where a request came from, for the audit log and sessions (built by core/http's requestMeta). */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  /** The operator staff user behind an operator request made from the console (audit attribution). */
  staffId?: string;
}

/**
 * Which operator credential made a change, as stored beside it (who reviewed a document, who
 * published terms): the console staff user's id when a staff session called, else `api_key`.
 */
export const operatorActorOf = (ctx: { meta?: RequestMeta }): string => ctx.meta?.staffId ?? 'api_key';

/** Who is calling a partner operation: the user, their partner account and the session. */
export interface PartnerPrincipal {
  operatorId: string;
  partnerId: string;
  userId: string;
  email: string;
  role: 'owner' | 'admin' | 'analyst' | 'finance';
  /** '' for a statistic token: it is no session (nothing the Report API reaches reads this). */
  sessionId: string;
  /** How the user authenticated: a password session, an embed session, or the Report API's statistic token. */
  kind: 'password' | 'embed' | 'statistic_token';
  transport: 'bearer' | 'cookie';
  /** Components an embed session may use; null for a full (password) session. */
  components: string[] | null;
}
