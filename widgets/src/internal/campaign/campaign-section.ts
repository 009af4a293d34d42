/**
 * Base of the campaign widgets: the account-section behaviour (contexts, loading, errors, copy)
 * plus the shared campaign strings, who may change things and "newest load wins" list fetches.
 */
import type { PropertyDeclarations } from 'lit';
import type { MessageParams } from '../i18n.ts';
import { AccountSection } from '../account/account-section.ts';
import { isManager } from '../account/account-types.ts';
import { campaignMessages, type CampaignKey } from './campaign.messages.ts';

export abstract class CampaignSection extends AccountSection {
  static override properties: PropertyDeclarations = { loading: { state: true }, error: { state: true } };

  /** A `loadNewest` call is in flight (filters' submit buttons are disabled meanwhile). */
  declare protected loading: boolean;
  /** The newest load's failure, or a subclass's own error message; shown in its alert region. */
  declare protected error: string | null;
  /** Only the latest `loadNewest` may write: a slow answer must not land after a newer tab or filter. */
  private newestSeq = 0;

  constructor() {
    super();
    this.loading = false;
    this.error = null;
  }

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

  /**
   * Runs `load` and hands its result to `apply`, unless a newer call started meanwhile; keeps
   * `loading` and `error` (the failure's message) for the newest call only.
   */
  protected async loadNewest<T>(load: () => Promise<T>, apply: (value: T) => void): Promise<void> {
    const seq = ++this.newestSeq;
    this.loading = true;
    this.error = null;
    try {
      const value = await load();
      if (seq === this.newestSeq) apply(value);
    } catch (error) {
      if (seq === this.newestSeq) this.error = this.errorMessage(error);
    } finally {
      if (seq === this.newestSeq) this.loading = false;
    }
  }
}
