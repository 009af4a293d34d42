/** Lazy chunk: the signed-in account sections, defined when the portal first shows one of them. */
import { define } from '../internal/base-element.ts';
import { KbProfile } from '../components/kb-profile/kb-profile.ts';
import { KbSecurity } from '../components/kb-security/kb-security.ts';
import { KbTeam } from '../components/kb-team/kb-team.ts';
import { KbActivity } from '../components/kb-activity/kb-activity.ts';
import { KbApiDocs } from '../components/kb-api-docs/kb-api-docs.ts';
import { KbNotifications } from '../components/kb-notifications/kb-notifications.ts';
import { KbTerms } from '../components/kb-terms/kb-terms.ts';

define('kb-profile', KbProfile);
define('kb-security', KbSecurity);
define('kb-team', KbTeam);
define('kb-activity', KbActivity);
define('kb-api-docs', KbApiDocs);
define('kb-notifications', KbNotifications);
define('kb-terms', KbTerms);

export { KbProfile, KbSecurity, KbTeam, KbActivity, KbApiDocs, KbNotifications, KbTerms };
