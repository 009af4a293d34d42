/**
 * Look of the operator console: the account sections' sheet (tokens through `--_…` fallbacks, so
 * the page's `--kb-*` theme wins and the console still looks right alone) plus the catalog cards,
 * connection cards, copy rows, the conversions table, and the API adapter's form, results and log.
 */
import { css } from 'lit';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';

export const consoleStyles = [
  ...accountSectionStyles,
  campaignStyles,
  css`
  [part~='section'] { margin: 0 0 var(--_space-4); }
  [part~='search'] { max-width: 24rem; margin: 0 0 var(--_space-2); }
  [part~='network-list'], [part~='connection-list'] { display: grid; gap: var(--_space); margin: 0; padding: 0; list-style: none; }
  [part~='network-list'] { grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
  [part~='network'], [part~='connection'], [part~='tracker-card'] {
    display: grid; gap: var(--_space-2); align-content: start; min-width: 0;
    padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg);
  }
  [part~='network-name'], [part~='connection-name'] { margin: 0; font-size: 1.05em; }
  [part~='network-name'] [part~='badge'], [part~='connection-name'] [part~='badge'] { font-weight: 400; }
  [part~='badge-streams'] { border-color: var(--_link); color: var(--_text); white-space: normal; margin: 0; }
  [part~='badge-disabled'] { color: var(--_danger); }
  [part~='term'] { margin: var(--_space-2) 0 var(--_space-1); font-weight: 600; font-size: 0.95em; }
  [part~='plain-list'] { margin: 0; padding-inline-start: 1.2em; }
  [part~='plain-list'] li { overflow-wrap: anywhere; }
  [part~='notes'], [part~='meta'] { margin: 0; color: var(--_muted); font-size: 0.92em; }
  [part~='tails'] { display: grid; grid-template-columns: max-content 1fr; gap: var(--_space-1) var(--_space-2); margin: 0; }
  [part~='tails'] dt { color: var(--_muted); }
  [part~='tails'] dd { margin: 0; overflow-wrap: anywhere; }
  [part~='postback'] { display: grid; gap: var(--_space-1); margin: 0 0 var(--_space-2); }
  [part~='postback-url'] { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; min-width: 0; }
  [part~='toggle'] { display: inline-flex; align-items: center; gap: var(--_space-1); font-weight: 600; }
  [part~='toggle'] input { width: 1.1em; height: 1.1em; accent-color: var(--_link); margin: 0; }
  [part~='connect-form'], [part~='offer-form'] {
    display: grid; gap: var(--_space); margin: 0; padding: var(--_space); max-width: 42rem;
    border: 1px solid var(--_primary); border-radius: var(--_radius); background: var(--_bg);
  }
  [part~='offer-form'] { border-color: var(--_border); max-width: none; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); align-items: start; }
  [part~='offer-form'] [part~='actions'] { grid-column: 1 / -1; }
  [part~='table-wrap'] + [part~='offer-form'] { margin-top: var(--_space-2); }
  [part~='conversions-panel'] { padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); }
  [part~='conversion-payout'], [part~='conversion-updated'] { white-space: nowrap; font-variant-numeric: tabular-nums; }
  [part~='row-actions'] { display: flex; gap: var(--_space-1); }
  [part~='row-actions'] button { padding: 2px var(--_space-2); }
  [part~='status-pill'] { display: inline-block; padding: 0 var(--_space-2); border-radius: 999px; border: 1px solid var(--_border); background: var(--_surface); white-space: nowrap; }
  [part~='status-approve'] { border-color: var(--_link); }
  [part~='status-cancel'], [part~='status-trash'] { color: var(--_danger); border-color: currentColor; }
  /* The API adapter (kb-network-api, kb-network-api-activity): long URLs, templates and answers wrap or
     scroll in their own box. */
  kb-network-api { margin-top: var(--_space); }
  [part~='api-panel'] {
    display: grid; gap: var(--_space-2); min-width: 0; padding: var(--_space);
    border: 1px solid var(--_primary); border-radius: var(--_radius);
  }
  [part~='api-panel'] > [part~='subheading'] { margin: 0; }
  [part~='api-form'] { display: grid; gap: var(--_space); min-width: 0; }
  [part~='api-section'] { display: grid; gap: var(--_space-2); min-width: 0; }
  [part~='api-fields'] {
    display: grid; gap: var(--_space-2) var(--_space); align-items: start;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
  }
  [part~='api-field-wide'] { grid-column: 1 / -1; }
  [part~='api-field'] :is(input, select, textarea) { width: 100%; min-width: 0; }
  [part~='code-input'] { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  textarea[aria-invalid='true'] { border-color: var(--_danger); }
  [part~='api-field'] :is([part~='hint'], [part~='field-error']) { margin: 0; font-size: 0.9em; overflow-wrap: anywhere; }
  [part~='api-field'] [part~='field-error'] { white-space: pre-line; }
  [part~='api-section'] > [part~='hint'] { margin: 0; overflow-wrap: anywhere; }
  [part~='variables'] { display: flex; flex-wrap: wrap; gap: var(--_space-1); margin: 0; padding: 0; list-style: none; }
  [part~='variable'] code {
    display: inline-block; padding: 0 var(--_space-1); font-size: 0.85em; overflow-wrap: anywhere;
    background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius-small);
  }
  [part~='api-switch'] input { width: 1.1em; height: 1.1em; margin: 0; accent-color: var(--_link); }
  :is([part~='sync-state'], [part~='test-facts'], [part~='sync-facts']) { grid-template-columns: fit-content(45%) minmax(0, 1fr); }
  [part~='url'], [part~='request-headers'] code { overflow-wrap: anywhere; word-break: break-word; }
  [part~='method-badge'] { margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  [part~='answer'] {
    display: block; margin: 0; max-width: 100%; max-height: 20rem; overflow: auto; padding: var(--_space-2);
    white-space: pre-wrap; overflow-wrap: anywhere; font: 0.85em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    color: var(--_text); background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius-small);
  }
  [part~='test-result'], [part~='sync-result'], [part~='activity'] { display: grid; gap: var(--_space-2); min-width: 0; }
  [part~='test-result'] [part~='term'], [part~='sync-result'] [part~='term'] { margin: 0; }
  [part~='test-problem'] { margin: 0; }
  [part~='item-count'] { margin: 0; }
  [part~='running'] { margin: 0; font-weight: 600; }
  :is([part~='outcome-ok'], [part~='outcome-partial'], [part~='outcome-failed']) {
    white-space: normal; border-radius: var(--_radius-small);
  }
  [part~='outcome-ok'] { border-color: var(--_link); }
  :is([part~='outcome-failed'], [part~='no-answer'], [part~='lead-rejected'], [part~='lead-failed']) {
    color: var(--_danger); border-color: currentColor;
  }
  [part~='activity'] [part~='header'] { margin: 0; }
  [part~='activity'] [part~='term'] { margin: 0; }
  [part~='answer-details'] summary { cursor: pointer; color: var(--_link); }
  [part~='answer-details'][open] { display: grid; gap: var(--_space-1); }
  :is([part~='log-error'], [part~='lead-error'], [part~='lead-contact']) { overflow-wrap: anywhere; }
  :is([part~='items'], [part~='log'], [part~='leads']) code { overflow-wrap: anywhere; }
  [part~='lead-state-code'] { color: var(--_muted); font-size: 0.85em; }
  /* A table (not cards): the URL gets room enough to read, the other columns take what is left. */
  @container kb-table (min-width: 40rem) {
    [part~='log-request'] { min-width: 12rem; }
  }
`,
];
