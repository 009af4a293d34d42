/**
 * Leads for network offers: the operator sends one (`POST …/leads`, idempotent by its own lead
 * id); the contact is sealed at rest and shown masked; a job pushes it through the adapter's
 * lead-push request with our visit id where the adapter puts it (the network's sub id), retried
 * by the outbox on no answer, 408, 429 and 5xx. The network's answer decides the lead's state:
 * an order id at the adapter's path (pushed), the adapter's duplicate answer (duplicate, final),
 * any other refusal (rejected, final). Every state change is a conditional update, so two
 * runners of one job (a lease expired under a slow push) cannot both decide.
 */
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { TenantContext } from '../../lib/context.ts';
import { DomainError, fieldProblems, notFound } from '../../lib/errors.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import { findConnectionOffer, openNetworkConnection } from '../networks/service.ts';
import type { Adapter } from './adapter.ts';
import { exchange } from './exchange.ts';
import { loadAdapter } from './adapter-store.ts';
import { renderRequest } from './render-request.ts';
import type { CreateLeadSchema } from './schemas.ts';
import { selectText } from './templates.ts';
import { networkLeads } from './table.ts';

export const PUSH_LEAD_JOB = 'network_api.push_lead';
type LeadRow = typeof networkLeads.$inferSelect;
type Contact = z.infer<typeof CreateLeadSchema>['contact'];

const maskWord = (word: string) => (word.length <= 1 ? word : `${word[0]}${'•'.repeat(Math.min(word.length - 1, 4))}`);

/** What the lead list shows: enough to recognise a lead, not enough to call it. */
export function maskContact(contact: Contact): Record<string, string> {
  const masked: Record<string, string> = {};
  if (contact.name) masked.name = contact.name.split(/\s+/).map(maskWord).join(' ');
  if (contact.phone) masked.phone = `••••${contact.phone.replace(/\D/g, '').slice(-2)}`;
  if (contact.email) {
    const [local = '', domain = ''] = contact.email.split('@');
    masked.email = `${maskWord(local)}@${domain}`;
  }
  if (contact.country) masked.country = contact.country;
  if (contact.address) masked.address = '••••';
  if (contact.comment) masked.comment = '••••';
  if (contact.ip) masked.ip = contact.ip.replace(/[^.:]+$/, '•••');
  return masked;
}

function present(row: LeadRow) {
  return {
    id: row.id,
    connectionId: row.connectionId,
    offerId: row.offerId,
    leadId: row.leadId,
    visitId: row.visitId,
    contact: row.contactMasked,
    state: row.state,
    networkOrderId: row.networkOrderId,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    pushedAt: row.pushedAt?.toISOString() ?? null,
  };
}

async function findLead(ctx: TenantContext, connectionId: string, leadId: string) {
  const [row] = await ctx.db
    .select()
    .from(networkLeads)
    .where(
      and(
        eq(networkLeads.operatorId, ctx.operatorId),
        eq(networkLeads.connectionId, connectionId),
        eq(networkLeads.leadId, leadId),
      ),
    );
  return row;
}

/** Takes a lead and owes its push; a lead id sent again answers the lead as it is (`created: false`). */
export async function acceptLead(
  ctx: TenantContext,
  input: { connectionId: string } & z.infer<typeof CreateLeadSchema>,
) {
  const connection = await openNetworkConnection(ctx, input.connectionId);
  const existing = await findLead(ctx, connection.id, input.leadId);
  if (existing) return { created: false, lead: present(existing) };
  const adapter = await loadAdapter(ctx, connection.id);
  if (!adapter?.leadPush)
    throw new DomainError('conflict', 'The connection’s API adapter has no lead push set up', [], {
      resource: 'network_adapter',
      state: 'not_configured',
    });
  if (!(await findConnectionOffer(ctx, { connectionId: connection.id, offerId: input.offerId })))
    throw fieldProblems([
      {
        path: 'body.offerId',
        reason: 'not_found_reference',
        params: { resource: 'offer' },
        message: 'no such offer on this connection',
      },
    ]);
  const now = ctx.clock.now();
  const row: LeadRow = {
    id: newId('nlead', ctx.clock),
    operatorId: ctx.operatorId,
    connectionId: connection.id,
    offerId: input.offerId,
    leadId: input.leadId,
    visitId: input.visitId,
    contactSealed: await ctx.secretBox.seal(JSON.stringify(input.contact)),
    contactMasked: maskContact(input.contact),
    state: 'queued',
    networkOrderId: null,
    attempts: 0,
    lastError: null,
    createdAt: now,
    pushedAt: null,
  };
  try {
    await ctx.jobs.enqueueMany(
      [{ kind: PUSH_LEAD_JOB, operatorId: ctx.operatorId, payload: { leadRowId: row.id }, idempotencyKey: row.id }],
      [{ table: networkLeads, rows: [row] }],
    );
  } catch (error) {
    // The same lead id sent twice at once: the database kept one; answer that one.
    const winner = await findLead(ctx, connection.id, input.leadId);
    if (!winner) throw error;
    return { created: false, lead: present(winner) };
  }
  return { created: true, lead: present(row) };
}

export async function listLeads(ctx: TenantContext, input: { connectionId: string; limit: number; before?: string }) {
  await openNetworkConnection(ctx, input.connectionId);
  const rows = await ctx.db
    .select()
    .from(networkLeads)
    .where(
      and(
        eq(networkLeads.operatorId, ctx.operatorId),
        eq(networkLeads.connectionId, input.connectionId),
        input.before ? lt(networkLeads.id, input.before) : undefined,
      ),
    )
    .orderBy(desc(networkLeads.id))
    .limit(input.limit + 1);
  return {
    data: rows.slice(0, input.limit).map(present),
    nextBefore: rows.length > input.limit ? rows[input.limit - 1]!.id : null,
  };
}

const RETRY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

function isDuplicate(adapter: NonNullable<Adapter['leadPush']>, status: number, json: unknown): boolean {
  const rule = adapter.duplicate;
  const valueMatches = rule.path ? selectText(json, rule.path) === (rule.equals ?? '') : true;
  if (rule.statuses.includes(status)) return valueMatches;
  // A network that answers 200 with a "duplicate" flag: the path decides.
  return status >= 200 && status < 300 && !!rule.path && valueMatches;
}

/**
 * Pushes one lead (the job's handler). Returns normally when the lead reached a final state or
 * was already there; throws to have the outbox retry (and marks the lead failed on the last attempt).
 */
export async function pushLead(
  ctx: TenantContext,
  input: { leadRowId: string; attempt: number; lastAttempt: boolean; userAgent: string },
): Promise<void> {
  const [lead] = await ctx.db
    .select()
    .from(networkLeads)
    .where(and(eq(networkLeads.operatorId, ctx.operatorId), eq(networkLeads.id, input.leadRowId)));
  if (!lead) throw notFound('Lead');
  if (lead.state !== 'queued' && lead.state !== 'retrying') return;
  const decide = async (set: Partial<LeadRow>) => {
    await ctx.db
      .update(networkLeads)
      .set({ attempts: input.attempt, ...set })
      .where(and(eq(networkLeads.id, lead.id), inArray(networkLeads.state, ['queued', 'retrying'])));
  };
  const connection = await openNetworkConnection(ctx, lead.connectionId);
  const adapter = await loadAdapter(ctx, lead.connectionId);
  const offer = await findConnectionOffer(ctx, { connectionId: lead.connectionId, offerId: lead.offerId });
  const push = adapter?.leadPush;
  if (!push || !offer || !connection.enabled || !lead.contactSealed)
    return decide({
      state: 'failed',
      lastError: !push
        ? 'the adapter has no lead push any more'
        : !offer
          ? 'the offer mapping was removed'
          : !connection.enabled
            ? 'the connection is disabled'
            : 'the contact was erased by the retention setting before the push',
    });
  const contact = JSON.parse(await ctx.secretBox.open(lead.contactSealed)) as Contact;
  const leadValues: Record<string, string> = {};
  for (const [key, value] of Object.entries(contact))
    if (value !== undefined) leadValues[key === 'userAgent' ? 'user_agent' : key] = String(value);
  const rendered = await renderRequest(
    adapter,
    push,
    {
      settings: connection.settings,
      offer: offer.parameters,
      lead: leadValues,
      vars: { lead_id: lead.leadId, visit_id: lead.visitId },
    },
    {
      secretSettings: connection.secretSettings,
      userAgent: input.userAgent,
      now: ctx.clock.now(),
      nonce: randomToken(12),
    },
  );
  const answer = await exchange(ctx, {
    connectionId: lead.connectionId,
    runId: lead.id,
    purpose: 'push',
    rendered,
    alsoMask: Object.values(leadValues).filter((v) => v !== contact.country),
  });
  const retry = async (why: string) => {
    if (input.lastAttempt) return decide({ state: 'failed', lastError: `${why}; no attempts left` });
    await decide({ state: 'retrying', lastError: why });
    throw new Error(why);
  };
  if (answer.status === null) return retry(answer.error ?? 'no answer');
  if (isDuplicate(push, answer.status, answer.json))
    return decide({
      state: 'duplicate',
      networkOrderId: answer.json === undefined ? null : selectText(answer.json, push.orderIdPath),
      lastError: null,
      pushedAt: ctx.clock.now(),
    });
  if (RETRY_STATUSES.has(answer.status)) return retry(`the network answered HTTP ${answer.status}`);
  if (answer.status < 200 || answer.status >= 300)
    return decide({ state: 'rejected', lastError: `the network answered HTTP ${answer.status}` });
  const orderId = answer.json === undefined ? null : selectText(answer.json, push.orderIdPath);
  if (!orderId)
    return decide({
      state: 'rejected',
      lastError: `HTTP ${answer.status} but no order id at ${push.orderIdPath} (see the log)`,
    });
  return decide({ state: 'pushed', networkOrderId: orderId, lastError: null, pushedAt: ctx.clock.now() });
}

/** Erases lead contacts past the adapter's retention (the masked copy too); the push's record stays. */
export async function eraseExpiredLeadContacts(ctx: TenantContext, input: { connectionId: string; days: number }) {
  const cutoff = new Date(ctx.clock.now().getTime() - input.days * 86_400_000);
  await ctx.db
    .update(networkLeads)
    .set({ contactSealed: null, contactMasked: null })
    .where(
      and(
        eq(networkLeads.operatorId, ctx.operatorId),
        eq(networkLeads.connectionId, input.connectionId),
        lt(networkLeads.createdAt, cutoff),
      ),
    );
}
