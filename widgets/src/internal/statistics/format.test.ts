import { expect } from '@open-wc/testing';
import { formatAmount } from './format.ts';
import { describe, it } from '../test-helpers.ts';

describe('formatAmount', () => {
  it('writes ISO currencies as the locale writes money, keeping decimals the amount has', () => {
    expect(formatAmount('en', 'EUR', '1250.50')).to.equal('€1,250.50');
    expect(formatAmount('en', 'BTC', '0.00012345')).to.contain('0.00012345');
  });

  it('writes codes Intl does not know with the decimals the amount needs, at least two', () => {
    expect(formatAmount('en', 'USDT', '114.000000')).to.equal('114.00 USDT');
    expect(formatAmount('en', 'USDT', '49.550000')).to.equal('49.55 USDT');
    expect(formatAmount('en', 'USDT', '0.123456')).to.equal('0.123456 USDT');
    expect(formatAmount('ru', 'USDT', '1096.000000')).to.equal('1\u00a0096,00 USDT');
  });
});
