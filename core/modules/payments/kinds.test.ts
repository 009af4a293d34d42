import { describe, expect, it } from 'vitest';
import {
  accountSummary,
  AccountDetailsSchema,
  DETAIL_SCHEMAS,
  isWalletAddressShape,
  maskDetails,
  maskEmail,
  maskTail,
} from './kinds.ts';
import { MethodLimitSchema } from './schemas.ts';

const bank = (iban: string, bic = 'COBADEFFXXX') => ({
  kind: 'bank_transfer' as const,
  accountHolder: 'Jana Novak',
  iban,
  bic,
  bankName: 'Commerzbank',
});
const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; params?: unknown }> } }) =>
  (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), params: i.params }));

describe('bank transfer details', () => {
  it('accepts real IBANs of several countries, with spaces and in lower case, and stores them compact', () => {
    for (const iban of [
      'DE89 3704 0044 0532 0130 00',
      'gb82west12345698765432',
      'FR14 2004 1010 0505 0001 3M02 606',
      'MT84 MALT 0110 0001 2345 MTLC AST0 01S',
      'NL91ABNA0417164300',
    ]) {
      const parsed = DETAIL_SCHEMAS.bank_transfer.parse(bank(iban));
      expect(parsed.iban, iban).toBe(iban.replace(/\s/g, '').toUpperCase());
    }
  });

  it('refuses a wrong check digit, a wrong length for the country, an unknown country and junk, naming iban', () => {
    for (const iban of ['DE89 3704 0044 0532 0130 01', 'DE89 3704 0044 0532 0130', 'XX82WEST12345698765432', 'hello']) {
      const result = DETAIL_SCHEMAS.bank_transfer.safeParse(bank(iban));
      expect(issues(result), iban).toEqual([{ path: 'iban', params: { reason: 'invalid_format', format: 'iban' } }]);
    }
  });

  it('checks the BIC: 8 or 11 characters with a real country', () => {
    expect(DETAIL_SCHEMAS.bank_transfer.parse(bank('DE89370400440532013000', 'deut de ff')).bic).toBe('DEUTDEFF');
    for (const bic of ['DEUTDEF', 'DEUTXXFF', 'DEUTDEFF5', '12345678'])
      expect(issues(DETAIL_SCHEMAS.bank_transfer.safeParse(bank('DE89370400440532013000', bic))), bic).toEqual([
        { path: 'bic', params: { reason: 'invalid_format', format: 'bic' } },
      ]);
  });

  it('needs the account holder and the bank name, and takes no other field', () => {
    const { accountHolder: _a, ...noHolder } = bank('DE89370400440532013000');
    expect(issues(DETAIL_SCHEMAS.bank_transfer.safeParse(noHolder)).map((i) => i.path)).toEqual(['accountHolder']);
    expect(DETAIL_SCHEMAS.bank_transfer.safeParse({ ...bank('DE89370400440532013000'), swift: 'x' }).success).toBe(
      false,
    );
  });
});

describe('wallet addresses (shape checks)', () => {
  const good = {
    'BTC': [
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
    ],
    'ETH': ['0x52908400098527886E0F7030069857D2E4169EE7'],
    'USDT-ERC20': ['0xde709f2102306220921060314715629080e2fb77'],
    'TRX': ['TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7'],
    'USDT-TRC20': ['TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9'],
  } as const;
  const bad = {
    'BTC': [
      'bc1qAR0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      '0BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdo',
    ],
    'ETH': [
      '52908400098527886E0F7030069857D2E4169EE7',
      '0x52908400098527886E0F7030069857D2E4169EE',
      '0xZZ908400098527886E0F7030069857D2E4169EE7',
    ],
    'USDT-ERC20': ['TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7'],
    'TRX': [
      'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU',
      'AL a2f6VPqDgRE67v1736s7bJ8Ray5wYjU7',
      'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU0',
    ],
    'USDT-TRC20': ['0x52908400098527886E0F7030069857D2E4169EE7'],
  } as const;

  it('accepts each coin’s address types and refuses wrong shapes, mixed case bech32 and the wrong chain', () => {
    for (const [coin, list] of Object.entries(good))
      for (const address of list)
        expect(isWalletAddressShape(coin as keyof typeof good, address), `${coin} ${address}`).toBe(true);
    for (const [coin, list] of Object.entries(bad))
      for (const address of list)
        expect(isWalletAddressShape(coin as keyof typeof bad, address), `${coin} ${address}`).toBe(false);
  });

  it('names the address (with the coin) when it does not fit the coin, for crypto wallets and CoinsPaid alike', () => {
    for (const kind of ['crypto_wallet', 'coinspaid'] as const) {
      const result = DETAIL_SCHEMAS[kind].safeParse({ kind, coin: 'USDT-TRC20', address: good.ETH[0] });
      expect(issues(result)).toEqual([
        { path: 'address', params: { reason: 'invalid_format', format: 'wallet_address', coin: 'USDT-TRC20' } },
      ]);
      expect(DETAIL_SCHEMAS[kind].safeParse({ kind, coin: 'DOGE', address: good.ETH[0] }).success).toBe(false);
    }
  });
});

describe('other kinds', () => {
  it('e-wallets take an e-mail address (stored in lower case)', () => {
    expect(DETAIL_SCHEMAS.skrill.parse({ kind: 'skrill', email: ' Jana@Example.com ' }).email).toBe('jana@example.com');
    expect(DETAIL_SCHEMAS.neteller.safeParse({ kind: 'neteller', email: 'jana.example.com' }).success).toBe(false);
  });

  it('WebMoney purses and Capitalist accounts have their shapes', () => {
    expect(DETAIL_SCHEMAS.webmoney.safeParse({ kind: 'webmoney', purse: 'Z123456789012' }).success).toBe(true);
    for (const purse of ['Z12345678901', 'z123456789012', '1123456789012'])
      expect(issues(DETAIL_SCHEMAS.webmoney.safeParse({ kind: 'webmoney', purse })), purse).toEqual([
        { path: 'purse', params: { reason: 'invalid_format', format: 'webmoney_purse' } },
      ]);
    expect(DETAIL_SCHEMAS.capitalist.safeParse({ kind: 'capitalist', account: 'U1234567' }).success).toBe(true);
    expect(issues(DETAIL_SCHEMAS.capitalist.safeParse({ kind: 'capitalist', account: 'U123' }))).toEqual([
      { path: 'account', params: { reason: 'invalid_format', format: 'capitalist_account' } },
    ]);
  });

  it('the kind picks the schema: fields of another kind are refused', () => {
    expect(AccountDetailsSchema.safeParse({ kind: 'skrill', purse: 'Z123456789012' }).success).toBe(false);
    expect(AccountDetailsSchema.safeParse({ kind: 'other', label: 'Paxum', details: 'id 42' }).success).toBe(true);
    expect(AccountDetailsSchema.safeParse({ kind: 'player_account', brandId: 'brand_x', playerId: '' }).success).toBe(
      false,
    );
  });
});

describe('masking', () => {
  it('shows the last four characters of long identifiers, nothing of short ones, and e-mail as j•••@domain', () => {
    expect(maskTail('DE89370400440532014821')).toBe('•••• 4821');
    expect(maskTail('1234567')).toBe('••••');
    expect(maskEmail('jana@example.com')).toBe('j•••@example.com');
  });

  it('masks every identifier of a bank account and keeps the bank’s name and BIC', () => {
    const details = DETAIL_SCHEMAS.bank_transfer.parse(bank('DE89 3704 0044 0532 0130 00'));
    const masked = maskDetails(details);
    expect(masked).toEqual({
      accountHolder: 'J••• N•••',
      iban: '•••• 3000',
      bic: 'COBADEFFXXX',
      bankName: 'Commerzbank',
    });
    expect(JSON.stringify(masked)).not.toContain('37040044');
    expect(accountSummary('bank_transfer', masked)).toBe('•••• 3000');
    const wallet = maskDetails({
      kind: 'crypto_wallet',
      coin: 'ETH',
      address: '0x52908400098527886E0F7030069857D2E4169EE7',
    });
    expect(accountSummary('crypto_wallet', wallet)).toBe('ETH •••• 9EE7');
    expect(
      maskDetails({ kind: 'player_account', brandId: 'brand_1', playerId: 'player-000123' }, 'Lucky Star'),
    ).toEqual({
      brand: 'Lucky Star',
      playerId: '•••• 0123',
    });
  });
});

describe('limits', () => {
  it('names both fields when the minimum is above the maximum', () => {
    const result = MethodLimitSchema.safeParse({ currency: 'eur', min: '500', max: '100.00' });
    expect(issues(result)).toEqual([
      { path: 'min', params: { reason: 'too_big', maximum: '100.00' } },
      { path: 'max', params: { reason: 'too_small', minimum: '500' } },
    ]);
  });

  it('reads the currency in any case, refuses too many decimals and unknown currencies', () => {
    expect(MethodLimitSchema.parse({ currency: 'usdt', min: '10', max: '5000.123456' })).toMatchObject({
      currency: 'USDT',
    });
    expect(issues(MethodLimitSchema.safeParse({ currency: 'EUR', min: '1.005', max: '10' }))).toEqual([
      { path: 'min', params: { reason: 'money_format', decimals: 2 } },
    ]);
    expect(issues(MethodLimitSchema.safeParse({ currency: 'XYZ', min: '1', max: '10' }))).toEqual([
      { path: 'currency', params: { reason: 'unknown_currency' } },
    ]);
  });
});
