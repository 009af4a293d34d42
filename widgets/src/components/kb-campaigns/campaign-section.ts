/**
 * Base of the campaign widgets: the account-section behaviour (contexts, loading, errors, copy)
 * plus the shared campaign strings and who may change things.
 */
import type { MessageParams } from '../../internal/i18n.ts';
import { AccountSection } from '../kb-profile/account-section.ts';
import { isManager } from '../kb-profile/account-types.ts';
import { campaignMessages, type CampaignKey } from './campaign.messages.ts';

export abstract class CampaignSection extends AccountSection {
  protected c(key: CampaignKey, params?: MessageParams): string {
    return campaignMessages(this.i18n.locale, key, params);
  }

  /** Owners and admins create and change campaigns and promos; analysts and finance only read (the server answers 403). */
  protected get canWrite(): boolean {
    return isManager(this.userRole);
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value);
  }
}
