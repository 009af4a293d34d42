import type { Context } from 'hono';
import {
  withPartner,
  withTenant,
  type PartnerContext,
  type PartnerPrincipal,
  type ServiceContext,
  type TenantContext,
} from '../lib/context.ts';
import type { TrackingDeps } from '../modules/tracking/tracking-deps.ts';
import type { StaffPrincipal } from '../modules/operator-staff/sessions.ts';
// A value import: partner-auth.ts imports only types from here, so there is no cycle at run time.
import { requestMeta } from './partner-auth.ts';

export type { PartnerPrincipal } from '../lib/context.ts';
export type { TrackingDeps } from '../modules/tracking/tracking-deps.ts';

/**
 * Everything the core needs from the outside world: the services' context plus what only the
 * HTTP layer uses. Each edge entry (Node, Deno, Workers) builds one and passes it to createApp;
 * nothing in core reaches for a global.
 */
export interface AppDeps extends ServiceContext {
  /** Which runtime serves this app; shown by /health so smoke tests can tell them apart. */
  runtime: 'node' | 'deno' | 'workerd';
  /** The /t redirect's parts: click writer, promo cache, country lookup (from the Hono context), default fallback. */
  tracking: TrackingDeps;
  /** Serve the demo mailbox page (/demo/mailbox): only for demo installs with the outbox driver. */
  demoMailbox?: boolean;
  /** The caller's IP as the runtime sees it (socket address, or Cloudflare's header on Workers). */
  clientIp?: (c: Context) => string | null;
  /**
   * A TLS-terminating proxy we trust sits in front (KABINET_TRUST_PROXY=1): its
   * X-Forwarded-Proto says whether the visitor used HTTPS (the session cookie is then Secure).
   */
  trustProxy?: boolean;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set by the operator-key middleware on Operator API routes. */
    operatorId: string;
    /** Set by requirePartnerSession on partner routes. */
    partner: PartnerPrincipal;
    /** Set by requireOperatorKey (and requireStaffSession) when a console staff session calls. */
    staff?: StaffPrincipal;
    /** Set by requireOperatorKey when a secret key calls: which key. */
    apiKeyId?: string;
  };
}

/**
 * The context a handler passes to tenant-scoped services, built once per request: the deps, the
 * operator (by default the one whose secret key authenticated the call, set by requireOperatorKey;
 * public routes pass the one their path names) and where the request came from.
 */
export function tenantContext(c: Context<AppEnv>, operatorId: string = c.var.operatorId): TenantContext {
  const staffId = c.var.staff?.staffId;
  return withTenant(c.var.deps, operatorId, staffId ? { ...requestMeta(c), staffId } : requestMeta(c));
}

/** The context of a partner route, built once per request: the signed-in user (set by requirePartnerSession) and its operator. */
export function partnerContext(c: Context<AppEnv>): PartnerContext {
  return withPartner(c.var.deps, c.var.partner, requestMeta(c));
}
