import { expect } from '@open-wc/testing';
import { describe, it } from '../../internal/test-helpers.ts';
import { detailsFrom, groupIban, isIbanShape, isSecondFactorShape } from './payment-kinds.ts';

// The same examples as core/modules/payments/kinds.test.ts: what the server takes, the form takes.
describe('payment kinds: the form checks what the server checks', () => {
  it('IBAN: mod-97 check digits, spaces and letter case aside; grouped by four to read', () => {
    expect(isIbanShape('DE89370400440532013000')).to.equal(true);
    expect(isIbanShape('gb82 west 1234 5698 7654 32')).to.equal(true);
    expect(isIbanShape('DE89370400440532013001'), 'one digit off').to.equal(false);
    expect(isIbanShape('DE89'), 'too short').to.equal(false);
    expect(groupIban('DE89370400440532013000')).to.equal('DE89 3704 0044 0532 0130 00');
  });

  it('bank transfer: every field required, IBAN and BIC sent without spaces in capitals', () => {
    const ok = detailsFrom('bank_transfer', {
      accountHolder: ' Jane Doe ',
      iban: 'de89 3704 0044 0532 0130 00',
      bic: 'coba de ff xxx',
      bankName: 'Commerzbank',
    });
    expect(ok).to.deep.equal({
      details: {
        kind: 'bank_transfer',
        accountHolder: 'Jane Doe',
        iban: 'DE89370400440532013000',
        bic: 'COBADEFFXXX',
        bankName: 'Commerzbank',
      },
    });
    const bad = detailsFrom('bank_transfer', {
      accountHolder: ' ',
      iban: 'DE00',
      bic: 'COBADE',
      bankName: 'x'.repeat(141),
    });
    expect(bad).to.deep.equal({ errors: { accountHolder: 'required', iban: 'iban', bic: 'bic', bankName: 'tooLong' } });
  });

  it('wallet addresses take the chosen coin’s shape', () => {
    const eth = '0x52908400098527886E0F7030069857D2E4169EE7';
    expect(detailsFrom('crypto_wallet', { coin: 'ETH', address: eth })).to.deep.equal({
      details: { kind: 'crypto_wallet', coin: 'ETH', address: eth },
    });
    expect(
      detailsFrom('coinspaid', { coin: 'BTC', address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' }),
    ).to.have.property('details');
    expect(detailsFrom('coinspaid', { coin: 'TRX', address: eth })).to.deep.equal({ errors: { address: 'address' } });
    // Without a coin there is no shape to check the address against: only the coin is asked for.
    expect(detailsFrom('crypto_wallet', { coin: '', address: eth })).to.deep.equal({ errors: { coin: 'chooseCoin' } });
  });

  it('e-mail, Capitalist, WebMoney, player account and other', () => {
    expect(detailsFrom('neteller', { email: 'Jane@Example.com ' })).to.deep.equal({
      details: { kind: 'neteller', email: 'jane@example.com' },
    });
    expect(detailsFrom('skrill', { email: 'jane@' })).to.deep.equal({ errors: { email: 'email' } });
    expect(detailsFrom('capitalist', { account: 'U1234567' })).to.have.property('details');
    expect(detailsFrom('capitalist', { account: 'U123' })).to.deep.equal({ errors: { account: 'capitalist' } });
    expect(detailsFrom('webmoney', { purse: 'Z123456789012' })).to.have.property('details');
    expect(detailsFrom('webmoney', { purse: 'z123456789012' })).to.deep.equal({ errors: { purse: 'purse' } });
    expect(detailsFrom('player_account', { brandId: '', playerId: 'p-42' })).to.deep.equal({
      errors: { brandId: 'chooseBrand' },
    });
    expect(detailsFrom('other', { label: 'Paxum', details: 'id 42\nJane' })).to.deep.equal({
      details: { kind: 'other', label: 'Paxum', details: 'id 42\nJane' },
    });
  });

  it('2FA codes: six digits (a space in the middle allowed) or a recovery code', () => {
    for (const code of ['123456', '123 456', 'ABCDE-12345']) expect(isSecondFactorShape(code), code).to.equal(true);
    for (const code of ['12345', '1234567', 'ABCDE12345']) expect(isSecondFactorShape(code), code).to.equal(false);
  });
});
