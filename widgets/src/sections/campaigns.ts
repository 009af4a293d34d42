/** Lazy chunk: campaigns, the wizard, campaign detail, creatives, the commission plans, sub-affiliates and the conversion log. */
import { define } from '../internal/base-element.ts';
import { KbCampaigns } from '../components/kb-campaigns/kb-campaigns.ts';
import { KbCampaignWizard } from '../components/kb-campaign-wizard/kb-campaign-wizard.ts';
import { KbCampaignDetail } from '../components/kb-campaign-detail/kb-campaign-detail.ts';
import { KbCreatives } from '../components/kb-creatives/kb-creatives.ts';
import { KbConversions } from '../components/kb-conversions/kb-conversions.ts';
import { KbPlans } from '../components/kb-plans/kb-plans.ts';
import { KbSubaffiliates } from '../components/kb-subaffiliates/kb-subaffiliates.ts';

define('kb-campaigns', KbCampaigns);
define('kb-campaign-wizard', KbCampaignWizard);
define('kb-campaign-detail', KbCampaignDetail);
define('kb-creatives', KbCreatives);
define('kb-conversions', KbConversions);
define('kb-plans', KbPlans);
define('kb-subaffiliates', KbSubaffiliates);

export { KbCampaigns, KbCampaignWizard, KbCampaignDetail, KbCreatives, KbConversions, KbPlans, KbSubaffiliates };
