/** Lazy chunk: the partner's bills, defined when the portal first shows them (the wallet will join it). */
import { define } from '../internal/base-element.ts';
import { KbBills } from '../components/kb-bills/kb-bills.ts';

define('kb-bills', KbBills);

export { KbBills };
