/**
 * Lazy chunk: the partner's money: bills and qualified players (the Bills section's two views) and
 * the wallet with its views' elements (payment methods, automatic cash-outs), defined when the portal first
 * shows one of them.
 */
import { define } from '../internal/base-element.ts';
import { KbBills } from '../components/kb-bills/kb-bills.ts';
import { KbQualifications } from '../components/kb-qualifications/kb-qualifications.ts';
import { KbWallet } from '../components/kb-wallet/kb-wallet.ts';
import { KbCashOutSchedules } from '../components/kb-cash-out-schedules/kb-cash-out-schedules.ts';
import { KbPaymentAccounts } from '../components/kb-payment-accounts/kb-payment-accounts.ts';

define('kb-bills', KbBills);
define('kb-qualifications', KbQualifications);
define('kb-wallet', KbWallet);
define('kb-cash-out-schedules', KbCashOutSchedules);
define('kb-payment-accounts', KbPaymentAccounts);

export { KbBills, KbCashOutSchedules, KbPaymentAccounts, KbQualifications, KbWallet };
