/**
 * Base of the plans console's elements: the operator console's base (api-base, locale, the typed
 * client, failures as messages) with this panel's strings and the console's look (the page's
 * `--kb-*` tokens), plus the plan cards and the form's part groups.
 */
import { css } from 'lit';
import { ConsoleElement } from '../../internal/console-element.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import { plansMessages, type PlansKey } from './kb-plans-console.messages.ts';

export abstract class PlansConsoleElement extends ConsoleElement {
  static override styles = [
    ...accountSectionStyles,
    campaignStyles,
    css`
      /* The box beside the first line of its words when they wrap on a phone. */
      [part~='toggle'] { display: inline-flex; align-items: baseline; gap: var(--_space-1); font-weight: 600; }
      [part~='toggle'] input { flex: none; width: 1.1em; height: 1.1em; accent-color: var(--_link); margin: 0; align-self: flex-start; margin-top: 0.2em; }
      [part~='plan-list'] {
        display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_space); margin: 0; padding: 0; list-style: none;
      }
      [part~='plan'] {
        display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_space-2); min-width: 0; padding: var(--_space);
        border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg);
      }
      [part~='plan-name'] { margin: 0; font-size: 1.05em; overflow-wrap: anywhere; }
      [part~='badges'] { display: flex; flex-wrap: wrap; gap: var(--_space-1); margin: 0; }
      [part~='badges'] [part~='badge'] { white-space: normal; }
      [part~='terms-lines'] { margin: 0; padding-inline-start: 1.2em; }
      [part~='scheduled-from'] { margin: var(--_space-1) 0 0; font-weight: 600; }
      [part~='assign'] { display: flex; flex-wrap: wrap; gap: var(--_space-2); align-items: end; }
      [part~='assign'] [part~='field'] { flex: 1 1 12rem; min-width: 0; }
      [part~='plan-form'] {
        display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_space); margin: 0; padding: var(--_space);
        border: 1px solid var(--_primary); border-radius: var(--_radius); background: var(--_bg);
      }
      [part~='terms-part'] {
        display: grid; gap: var(--_space-2); margin: 0; padding: var(--_space-2) var(--_space);
        border: 1px solid var(--_border); border-radius: var(--_radius); min-width: 0;
      }
      [part~='terms-part'] legend { padding: 0 var(--_space-1); }
      [part~='terms-part'] > [part~='hint'] { margin: 0; }
      [part~='rows'] { display: grid; gap: var(--_space-2); margin: 0; padding: 0; list-style: none; }
      /* A row's fields fill the line; its Remove button sits at their end, or under them when the line is short. */
      [part~='row'] {
        display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2); min-width: 0; padding: var(--_space-2);
        border: 1px solid var(--_border); border-radius: var(--_radius-small); background: var(--_surface);
      }
      [part~='row'] [part~='field-row'] { flex: 1 1 24rem; min-width: 0; grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr)); }
      [part~='row-label'] { flex: 1 0 100%; margin: 0; font-weight: 600; }
      [part~='remove-row'] { flex: none; }
      /* The tiers' two choices read as sentences: wide enough for their words and the example under them. */
      [part~='choice'] { display: grid; gap: var(--_space-1); align-content: start; }
      [part~='choice'] > [part~='label'] { margin: 0; }
      [part~='choice-option'] { display: flex; align-items: flex-start; gap: var(--_space-1); }
      [part~='choice'] [part~='choice-option'] input {
        flex: none; width: 1.1em; min-width: 1.1em; height: 1.1em; min-height: 0; margin: 0.2em 0 0; padding: 0; accent-color: var(--_link);
      }
      [part~='field-row'][part~='tiers-settings'] { grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
      [part~='rows'] + [part~='actions'] { margin: 0; }
      [part~='field-row'] { display: grid; gap: var(--_space-2); grid-template-columns: repeat(auto-fill, minmax(min(100%, 9rem), 1fr)); align-items: start; }
      /* A select is as wide as its longest option (a partner's name) unless told otherwise. */
      input, select { max-width: 100%; box-sizing: border-box; }
      [part~='assign'] select { width: 100%; }
      [part~='field-row'] input, [part~='field-row'] select { width: 100%; min-width: 0; }
    `,
  ];

  protected m(key: PlansKey, params?: MessageParams): string {
    return plansMessages(this.uiLocale, key, params);
  }

  protected get networkErrorMessage(): string {
    return this.m('networkError');
  }
}
