/**
 * A partner ready for automatic cash-outs: 2FA on, a bank account for a method paying EUR within
 * limits, money available, and the hourly schedules job to run at the test clock's time.
 */
import { and, eq } from 'drizzle-orm';
import { unwrap } from '../../core/sdk/index.ts';
import { cashOutScheduleHandlers, CASH_OUT_SCHEDULES_JOB } from '../../core/modules/cash-out-schedules/jobs.ts';
import { cashOuts } from '../../core/modules/wallet/table.ts';
import type { JobHandler } from '../../core/jobs/outbox.ts';
import { activePartner, signedInClient, totpAt } from './identity.ts';
import { createTestApp } from './test-app.ts';

export interface ScheduleWorldOptions {
  timeZone?: string;
  limits?: { min: string; max: string };
  /** Available EUR to start with (a balance correction). */
  balance?: string;
  /** The test clock's start (partner sessions last 12 hours of it). */
  at?: string;
}

export async function scheduleWorld(options: ScheduleWorldOptions = {}) {
  const t = await createTestApp();
  if (options.at) t.clock.set(options.at);
  const op = await t.addOperator('Schedules');
  const operatorId = op.operator.id;
  if (options.timeZone) await unwrap(op.client.v1.operator.$patch({ json: { timeZone: options.timeZone } }));
  const { partnerId } = await activePartner(t, operatorId, 'plan@example.com');
  const { client } = await signedInClient(t, operatorId, 'plan@example.com');
  const partner = client.v1.partner;
  const { secret } = await unwrap(partner['2fa'].enrol.$post());
  await unwrap(partner['2fa'].confirm.$post({ json: { code: await totpAt(t, secret) } }));
  /** A code for the next 30-second step (each code is good once). */
  const nextCode = async () => {
    t.clock.advance(30_000);
    return totpAt(t, secret);
  };
  const limits = options.limits ?? { min: '10', max: '1000' };
  const method = await unwrap(
    op.client.v1.payment_methods.$post({
      json: { name: 'SEPA', kind: 'bank_transfer', limits: [{ currency: 'EUR', ...limits }] },
    }),
  );
  const account = await unwrap(
    partner.payment_accounts.$post({
      json: {
        methodId: method.id,
        details: {
          kind: 'bank_transfer',
          accountHolder: 'Plan Partner',
          iban: 'DE89370400440532013000',
          bic: 'COBADEFFXXX',
          bankName: 'Commerzbank',
        },
        code: await nextCode(),
      },
    }),
  );
  let corrections = 0;
  const addFunds = (amount: string) =>
    unwrap(
      op.client.v1.partners[':partnerId'].wallet.corrections.$post({
        param: { partnerId },
        json: { action: 'add', amount, currency: 'EUR', comment: 'Funds', idempotencyKey: `funds-${++corrections}` },
      }),
    );
  if (options.balance) await addFunds(options.balance);
  const handler = cashOutScheduleHandlers(t.deps)[CASH_OUT_SCHEDULES_JOB] as JobHandler;
  /** The hourly job, as the runner calls it. */
  const runJob = () => handler({ db: t.deps.db, clock: t.clock, job: {} as never }, {});
  const cashOutRows = () =>
    t.deps.db
      .select()
      .from(cashOuts)
      .where(and(eq(cashOuts.operatorId, operatorId), eq(cashOuts.partnerId, partnerId)));
  const balances = async () =>
    (await unwrap(op.client.v1.partners[':partnerId'].wallet.balances.$get({ param: { partnerId } }))).data;
  /** The partner's schedules as the operator lists them (no session to expire when the clock jumps days). */
  const listed = async () =>
    (await unwrap(op.client.v1.partners[':partnerId'].wallet.schedules.$get({ param: { partnerId } }))).data;
  return {
    t,
    op,
    operatorId,
    partnerId,
    client,
    partner,
    nextCode,
    method,
    account,
    addFunds,
    runJob,
    cashOutRows,
    balances,
    listed,
  };
}

export type ScheduleWorld = Awaited<ReturnType<typeof scheduleWorld>>;
