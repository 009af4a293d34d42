/**
 * The payment run as a file: the operator's cash-outs under the list's filters (pending unless
 * asked otherwise) as CSV, every page of them, with each payee's full details opened, since the
 * operator pays from this file. Partners are named through identity's operation and the details
 * come from payments' own reveal; this module reads only its own table.
 */
import type { TenantContext } from '../../lib/context.ts';
import { toCsv, type CsvValue } from '../../lib/csv.ts';
import { fieldProblem } from '../../lib/errors.ts';
import { listPartners } from '../identity/partner-admin.ts';
import { revealPayeeDetails, type PayeeDetails } from '../payments/accounts.ts';
import { listCashOuts, type CashOut } from './list-cash-outs.ts';
import type { CashOutState } from './table.ts';

/** The most cash-outs one file holds: a run bigger than this is exported a state or a partner at a time. */
export const EXPORT_MAX_ROWS = 10_000;
const PAGE_SIZE = 500;

/** Every field a payment account of any kind has, as columns (a row fills those of its kind). */
const DETAIL_FIELDS = [
  'accountHolder',
  'iban',
  'bic',
  'bankName',
  'email',
  'coin',
  'address',
  'account',
  'purse',
  'brand',
  'brandId',
  'playerId',
  'label',
  'details',
] as const;

const HEADER = [
  'cash_out_id',
  'requested_at',
  'partner_id',
  'partner_name',
  'partner_email',
  'currency',
  'amount',
  'method_kind',
  'method_name',
  'payment_account_id',
  'account_summary',
  'account_deleted',
  ...DETAIL_FIELDS.map((f) => `payee_${f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`),
  'state',
  'reference',
];

export interface CashOutExportQuery {
  /** `all` exports every state. */
  state: CashOutState | 'all';
  partnerId?: string | undefined;
}

/** Every matching cash-out, newest first, page by page; more than `maxRows` is refused rather than cut short. */
async function allMatching(
  ctx: TenantContext,
  query: CashOutExportQuery,
  bounds: { maxRows: number; pageSize: number },
): Promise<CashOut[]> {
  const { maxRows, pageSize } = bounds;
  const rows: CashOut[] = [];
  let before: string | undefined;
  do {
    const page = await listCashOuts(ctx, {
      ...(query.state === 'all' ? {} : { state: query.state }),
      partnerId: query.partnerId,
      limit: pageSize,
      before,
    });
    rows.push(...page.data);
    if (rows.length > maxRows)
      // A file that silently stopped short would leave cash-outs out of the run: refuse and say how to split it.
      throw fieldProblem(
        'query.state',
        'too_many',
        `More than ${maxRows} cash-outs match: export one state or one partner at a time`,
        { maximum: maxRows },
      );
    before = page.nextBefore ?? undefined;
  } while (before);
  return rows;
}

function rowOf(c: CashOut, partner: { name: string; email: string | null } | undefined, payee?: PayeeDetails) {
  const fields = payee?.fields ?? null;
  const cells: CsvValue[] = [
    c.id,
    c.createdAt,
    c.partnerId,
    partner?.name ?? '',
    partner?.email ?? '',
    c.currency,
    c.amount,
    payee?.kind ?? '',
    c.paymentAccount.method.name,
    c.paymentAccount.id,
    c.paymentAccount.summary,
    fields ? 'no' : 'yes',
    ...DETAIL_FIELDS.map((f) => fields?.[f] ?? ''),
    c.state,
    c.reference ?? '',
  ];
  return cells;
}

/** The CSV of the run and how many cash-outs it holds. */
export async function exportCashOuts(
  ctx: TenantContext,
  input: CashOutExportQuery & {
    /** The bound and the page size (tests make both small). */
    maxRows?: number;
    pageSize?: number;
  },
): Promise<{ csv: string; count: number }> {
  const { maxRows, pageSize, ...query } = input;
  const bounds = { maxRows: maxRows ?? EXPORT_MAX_ROWS, pageSize: pageSize ?? PAGE_SIZE };
  const cashOuts = await allMatching(ctx, query, bounds);
  const [partners, payees] = await Promise.all([
    cashOuts.length ? listPartners(ctx, {}) : [],
    revealPayeeDetails(
      ctx,
      cashOuts.map((c) => c.paymentAccount.id),
    ),
  ]);
  const partnerOf = new Map(partners.map((p) => [p.id, { name: p.name, email: p.owner?.email ?? null }]));
  const rows = cashOuts.map((c) => rowOf(c, partnerOf.get(c.partnerId), payees.get(c.paymentAccount.id)));
  return { csv: toCsv(HEADER, rows), count: cashOuts.length };
}
