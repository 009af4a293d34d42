/**
 * Lazy chunk: the partner's bills and qualified players (the Bills section's two views), defined
 * when the portal first shows them (the wallet will join it).
 */
import { define } from '../internal/base-element.ts';
import { KbBills } from '../components/kb-bills/kb-bills.ts';
import { KbQualifications } from '../components/kb-qualifications/kb-qualifications.ts';

define('kb-bills', KbBills);
define('kb-qualifications', KbQualifications);

export { KbBills, KbQualifications };
