/**
 * Demo payment methods: each demo operator offers methods of several kinds with limits in its
 * brands' currencies (Lucky Spin: EUR and USDT; Northwind: USD and BTC), one of them disabled,
 * and each demo partner has accounts of three kinds, added through the payments service (checked,
 * sealed, masked and logged as a partner's own would be).
 */
import { withPartner, withTenant, type PartnerPrincipal } from '../core/lib/context.ts';
import { recordPaymentAccount } from '../core/modules/payments/accounts.ts';
import { createPaymentMethod } from '../core/modules/payments/catalog.ts';
import type { AccountDetails, PaymentKind } from '../core/modules/payments/kinds.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';
import type { SeedDeps } from './seed-postbacks.ts';

interface DemoMethod {
  name: string;
  kind: PaymentKind;
  limits: Array<{ currency: string; min: string; max: string }>;
  enabled?: boolean;
  /** The demo partner's account for this method, if it has one. */
  account?: AccountDetails;
}

const METHODS: Record<string, DemoMethod[]> = {
  op_demo_luckyspin: [
    {
      name: 'Bank transfer (SEPA)',
      kind: 'bank_transfer',
      limits: [{ currency: 'EUR', min: '100', max: '50000' }],
      account: {
        kind: 'bank_transfer',
        accountHolder: 'Slot Hunters Media Ltd',
        iban: 'MT84MALT011000012345MTLCAST001S',
        bic: 'VALLMTMT',
        bankName: 'Bank of Valletta',
      },
    },
    {
      name: 'Skrill',
      kind: 'skrill',
      limits: [{ currency: 'EUR', min: '20', max: '10000' }],
      account: { kind: 'skrill', email: 'payouts@slothuntersmedia.example' },
    },
    { name: 'Neteller', kind: 'neteller', limits: [{ currency: 'EUR', min: '20', max: '10000' }] },
    {
      name: 'USDT (TRC-20)',
      kind: 'crypto_wallet',
      limits: [{ currency: 'USDT', min: '50', max: '100000' }],
      account: { kind: 'crypto_wallet', coin: 'USDT-TRC20', address: 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7' },
    },
    {
      name: 'Lucky Spin player account',
      kind: 'player_account',
      limits: [{ currency: 'EUR', min: '10', max: '2000' }],
    },
    { name: 'WebMoney', kind: 'webmoney', limits: [{ currency: 'EUR', min: '20', max: '5000' }], enabled: false },
  ],
  op_demo_northwind: [
    {
      name: 'Wire transfer',
      kind: 'bank_transfer',
      limits: [{ currency: 'USD', min: '500', max: '250000' }],
      account: {
        kind: 'bank_transfer',
        accountHolder: 'Trade Signals Pro LLP',
        iban: 'GB82WEST12345698765432',
        bic: 'NWBKGB2L',
        bankName: 'NatWest',
      },
    },
    {
      name: 'Bitcoin',
      kind: 'crypto_wallet',
      limits: [{ currency: 'BTC', min: '0.001', max: '5' }],
      account: { kind: 'crypto_wallet', coin: 'BTC', address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' },
    },
    {
      name: 'CoinsPaid',
      kind: 'coinspaid',
      limits: [
        { currency: 'USD', min: '50', max: '50000' },
        { currency: 'BTC', min: '0.0005', max: '2' },
      ],
    },
    {
      name: 'Capitalist',
      kind: 'capitalist',
      limits: [{ currency: 'USD', min: '50', max: '20000' }],
      account: { kind: 'capitalist', account: 'U1234567' },
    },
    { name: 'Neteller', kind: 'neteller', limits: [{ currency: 'USD', min: '20', max: '10000' }] },
  ],
};

export async function seedPayments(ctx: SeedDeps): Promise<void> {
  for (const demo of DEMO_OPERATORS) {
    const tenant = withTenant(ctx, demo.id);
    // The demo partner's owner adds the accounts, as if signed in (no session is made for it).
    const owner: PartnerPrincipal = {
      operatorId: demo.id,
      partnerId: demo.partnerId,
      userId: demo.userId,
      email: demo.signInEmail,
      role: 'owner',
      sessionId: 'demo-seed',
      kind: 'password',
      transport: 'bearer',
      components: null,
    };
    const methods = METHODS[demo.id];
    if (!methods) throw new Error(`No demo payment methods for ${demo.id}`);
    for (const method of methods) {
      const created = await createPaymentMethod(tenant, {
        name: method.name,
        kind: method.kind,
        limits: method.limits,
        enabled: method.enabled ?? true,
      });
      if (method.account)
        await recordPaymentAccount(withPartner(ctx, owner), { methodId: created.id, details: method.account });
    }
  }
}
