/**
 * One request to a network's API and its log row. The request goes through the project's one
 * SSRF guard on every hop (sendFollowingRedirects, then the transport's own check with its
 * guarded DNS); the log keeps the URL, body and answer with every secret and every contact value
 * masked, the status and the time it took.
 */
import type { TenantContext } from '../../lib/context.ts';
import { newId } from '../../lib/ids.ts';
import { OutboundError, sendFollowingRedirects } from '../postbacks/outbound.ts';
import type { RenderedRequest } from './render-request.ts';
import { maskSecrets } from './render-request.ts';
import { networkApiLog } from './table.ts';

export const LOGGED_ANSWER_CHARS = 4000;

export interface Exchange {
  /** null when no answer came (timeout, refused address, broken connection). */
  status: number | null;
  body: string;
  /** The answer parsed as JSON; undefined when it is not JSON. */
  json: unknown;
  retryAfter: string | null;
  error: string | null;
  durationMs: number;
  logId: string;
}

export interface ExchangeInput {
  connectionId: string;
  runId: string;
  purpose: 'test' | 'sync' | 'push';
  rendered: RenderedRequest;
  /** More values to mask (a lead's contact fields). */
  alsoMask?: readonly string[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function exchange(ctx: TenantContext, input: ExchangeInput): Promise<Exchange> {
  const { rendered } = input;
  const started = Date.now();
  let status: number | null = null;
  let body = '';
  let retryAfter: string | null = null;
  let error: string | null = null;
  try {
    const answer = await sendFollowingRedirects(ctx.outbound, rendered.request);
    status = answer.status;
    body = answer.body ?? '';
    retryAfter = answer.retryAfter ?? null;
  } catch (failure) {
    if (!(failure instanceof OutboundError)) throw failure;
    error = failure.message;
  }
  const durationMs = Date.now() - started;
  const json = status === null ? undefined : parseJson(body);
  const secrets = [...rendered.secrets, ...(input.alsoMask ?? []).filter((v) => v.length >= 3)];
  const logId = newId('nal', ctx.clock);
  await ctx.db.insert(networkApiLog).values({
    id: logId,
    operatorId: ctx.operatorId,
    connectionId: input.connectionId,
    runId: input.runId,
    purpose: input.purpose,
    at: ctx.clock.now(),
    method: rendered.request.method,
    url: maskSecrets(rendered.request.url, secrets),
    requestBody: rendered.request.body === undefined ? null : maskSecrets(rendered.request.body, secrets),
    status,
    durationMs,
    answer: status === null ? null : maskSecrets(body.slice(0, LOGGED_ANSWER_CHARS), secrets),
    error,
  });
  return { status, body, json, retryAfter, error, durationMs, logId };
}

/** Seconds to wait that a Retry-After names (delta seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
