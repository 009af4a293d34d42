/**
 * The terms gate: once the operator publishes new terms, a user signed in with a password must
 * accept them before anything else. Checked in one place, requirePartnerSession, right after the
 * session is known, so every partner route is held (403 `terms_not_accepted`) except those needed
 * to read and accept the terms or to leave: the terms routes, sign-out and the profile read (the
 * portal's "who am I", which carries `termsToAccept`).
 *
 * Not gated: embed sessions (the operator minted them for its own site, whose sign-up and terms are
 * its own responsibility; the portal shows them a banner instead) and the Report API's statistic
 * tokens (a script cannot read terms; its user meets the gate at the next sign-in).
 */
import type { Context } from 'hono';
import type { AppEnv, PartnerPrincipal } from './deps.ts';
import { ProblemError } from './problem.ts';
import { findTermsToAccept } from '../modules/terms/acceptance.ts';

function isOpenDuringGate(method: string, path: string): boolean {
  if (path === '/v1/partner/terms' || path.startsWith('/v1/partner/terms/')) return true;
  if (path === '/v1/partner/sign_out') return true;
  return method === 'GET' && path === '/v1/partner/profile';
}

/** Throws 403 terms_not_accepted when this call must wait for the user to accept the current terms. */
export async function enforceTermsGate(c: Context<AppEnv>, principal: PartnerPrincipal): Promise<void> {
  if (principal.kind !== 'password') return;
  if (isOpenDuringGate(c.req.method, c.req.path)) return;
  const pending = await findTermsToAccept(
    { db: c.var.deps.db, operatorId: principal.operatorId },
    { userId: principal.userId },
  );
  if (pending)
    throw new ProblemError(
      'terms_not_accepted',
      `Accept the program's terms (version ${pending.version}, "${pending.title}") first: POST /v1/partner/terms/${pending.versionId}/acceptance`,
      [],
      { versionId: pending.versionId, version: pending.version },
    );
}
