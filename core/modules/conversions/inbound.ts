/**
 * Inbound postbacks from the operator's tracker and from CPA networks, read into one
 * ConversionReport each. Malformed calls are refused naming the parameter (and change nothing;
 * a refused payout is logged on the conversion it names); accepted and duplicate calls both
 * answer 200; an unknown status is kept raw with a warning.
 */
import type { TenantContext } from '../../lib/context.ts';
import { DomainError, fieldProblem } from '../../lib/errors.ts';
import { normaliseNetworkStatus } from '../networks/network-settings.ts';
import type { NetworkConnection } from '../networks/service.ts';
import { logRefusedReport, recordConversion, type ConversionReport } from './record-conversion.ts';
import { readPayout } from './read-payout.ts';

type Connection = NetworkConnection;
type Params = Record<string, string>;

/** Every refusal here is a missing parameter. */
const refuse = (field: string, message: string) => fieldProblem(`query.${field}`, 'required', message);
const first = (params: Params, ...names: string[]) => {
  for (const name of names) {
    const value = params[name]?.trim();
    if (value) return value;
  }
  return null;
};

/** A report, and the payout's refusal if its payout cannot be stored (the report then carries none). */
export interface InboundReading {
  report: ConversionReport;
  refusal: DomainError | null;
}

function withPayout(
  report: ConversionReport,
  params: Params,
  amountField: string,
  currencyField: string,
  connection: Connection,
): InboundReading {
  const amount = first(params, amountField);
  if (!amount) return { report, refusal: null };
  const currency = first(params, currencyField) ?? connection.defaultCurrency;
  try {
    return {
      report: {
        ...report,
        payout: readPayout(amount, currency, { amount: `query.${amountField}`, currency: `query.${currencyField}` }),
      },
      refusal: null,
    };
  } catch (error) {
    if (error instanceof DomainError) return { report, refusal: error };
    throw error;
  }
}

/** Tracker form: click_id, status (lead → sale → rejected…), payout, currency, txid. */
export function readTrackerPostback(connection: Connection, params: Params): InboundReading {
  const clickId = first(params, 'click_id', 'clickid', 'subid', 'visit_id');
  if (!clickId) throw refuse('click_id', 'required: the visit id the tracker received on the landing');
  const txid = first(params, 'txid', 'transaction_id');
  const raw = first(params, 'status');
  const normalised = raw ? normaliseNetworkStatus({ status: raw }).status : 'hold';
  return withPayout(
    {
      source: 'tracker',
      connectionId: connection.id,
      dedupeKey: `${clickId}\u0000${txid ?? ''}`,
      externalId: txid,
      clickId,
      status: normalised,
      rawStatus: raw,
      payout: null,
      received: params,
    },
    params,
    'payout',
    'currency',
    connection,
  );
}

/** Network form: oid or eid, status with the sta/stc/stt/stw mapping, pay, cc, comment, reason. */
export function readNetworkPostback(connection: Connection, params: Params): InboundReading {
  const orderId = first(params, 'oid', 'eid');
  if (!orderId) throw refuse('oid', 'required (or eid): the order id Kabinet sent to the network');
  const raw = first(params, 'status');
  if (!raw) throw refuse('status', 'required');
  const mapped = normaliseNetworkStatus({ status: raw, ...pick(params, ['sta', 'stc', 'stt', 'stw']) });
  return withPayout(
    {
      source: 'network',
      connectionId: connection.id,
      dedupeKey: orderId,
      externalId: orderId,
      // The order id is the visit id the operator passed to the network as its sub id.
      clickId: orderId,
      status: mapped.status,
      rawStatus: raw,
      payout: null,
      comment: first(params, 'comment'),
      reason: first(params, 'reason'),
      received: params,
    },
    params,
    'pay',
    'cc',
    connection,
  );
}

function pick(params: Params, names: string[]) {
  return Object.fromEntries(names.flatMap((n) => (params[n] ? [[n, params[n]]] : [])));
}

/** Query and body (form or JSON) pairs together; the token never enters the stored copy. */
export async function readInboundParams(request: Request): Promise<Params> {
  const url = new URL(request.url);
  const params: Params = {};
  for (const [key, value] of url.searchParams) if (!(key in params)) params[key] = value;
  if (request.method === 'POST') {
    const type = request.headers.get('content-type') ?? '';
    if (type.includes('application/json')) {
      const body = (await request.json().catch(() => {
        throw new DomainError('bad_request', 'The body is not valid JSON');
      })) as Record<string, unknown>;
      for (const [key, value] of Object.entries(body ?? {}))
        if (value !== null && typeof value !== 'object') params[key] ??= String(value);
    } else {
      for (const [key, value] of new URLSearchParams(await request.text())) params[key] ??= value;
    }
  }
  return params;
}

/** `ctx` is the connection's operator (the route builds it from the connection the token authenticated). */
export async function acceptInboundPostback(ctx: TenantContext, input: { connection: Connection; params: Params }) {
  const { connection, params } = input;
  const { t: _token, ...kept } = params;
  const { report, refusal } =
    connection.kind === 'tracker' ? readTrackerPostback(connection, kept) : readNetworkPostback(connection, kept);
  if (refusal) {
    // Nothing changes, but the call is not lost: the operator sees it on the conversion it names.
    const warning = `refused, nothing changed: ${refusal.detail}`;
    await logRefusedReport(ctx, { report, warning });
    ctx.reportWarning?.(`inbound ${connection.kind} postback ${connection.id}: ${warning}`);
    throw refusal;
  }
  const result = await recordConversion(ctx, { report });
  if (result.warning) ctx.reportWarning?.(`inbound ${connection.kind} postback ${connection.id}: ${result.warning}`);
  return {
    ok: true as const,
    result: result.outcome,
    conversionId: result.conversion.id,
    status: result.conversion.status,
    warning: result.warning,
  };
}
