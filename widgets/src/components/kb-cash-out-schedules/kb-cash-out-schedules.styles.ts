/**
 * Styles of `<kb-cash-out-schedules>` beyond the shared account-section sheet: the panel row under a
 * schedule, the form with its choice groups (the dates in a 7-column grid that fits 390 px) and the
 * minimum and maximum side by side where there is room. Tokens only (`--_…`).
 */
import { css } from 'lit';

export const schedulesStyles = css`
  [part~='subheading'] { margin-top: 0; }
  [part~='subheading']:focus { outline: none; }
  [part~='tfa-off'], [part~='no-accounts'] {
    margin: 0 0 var(--_space); padding: var(--_space-2) var(--_space); border-radius: var(--_radius-small);
    border-inline-start: 4px solid var(--_danger); background: var(--_surface);
  }
  [part~='no-accounts'] { border-inline-start-color: var(--_primary); }
  [part~='security-link'], [part~='methods-link'] { color: var(--_link); }
  [part~='toolbar'] { margin: 0 0 var(--_space); }
  [part~='schedule-row'] [part~='toolbar'] { margin: 0; }
  [part~='schedule-account']:focus { outline: none; }
  [part~='account-name'] { display: block; overflow-wrap: anywhere; }
  [part~='account-gone'] { color: var(--_danger); font-weight: normal; }
  [part~='paused'] [part~='plan'], [part~='paused-note'] { color: var(--_muted); }
  [part~='skipped'] { color: var(--_muted); }
  [part~='schedule-next'] { white-space: nowrap; }
  [part~='panel-cell'] { background: var(--_surface); }
  [part~='panel-cell'] [part~='form'] { max-width: 32rem; }
  [part~='confirm-text'] { margin: 0; }
  [part~='code-input'] { width: 10em; letter-spacing: 0.1em; }
  [part~='form-panel'] {
    margin: 0 0 var(--_space-4); padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius);
  }
  [part~='form-heading'] { margin: 0 0 var(--_space); font-size: 1em; overflow-wrap: anywhere; }
  [part~='schedule-form'] select { width: 100%; }
  [part~='legend'] { font-weight: 600; padding: 0 var(--_space-1); }
  [part~='fieldset'] [part~='hint'] { margin: 0 0 var(--_space-2); }
  [part~='fieldset'][aria-invalid='true'] { border-color: var(--_danger); }
  [part~='kind-options'], [part~='weekday-options'] { display: flex; flex-wrap: wrap; gap: var(--_space-1) var(--_space); }
  [part~='choice'] { display: inline-flex; align-items: center; gap: var(--_space-1); min-height: 2.5em; cursor: pointer; }
  [part~='choice'] input { margin: 0; width: 1.1em; height: 1.1em; accent-color: var(--_primary); }
  [part~='date-grid'] { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: var(--_space-1); max-width: 24rem; }
  [part~='date-option'] {
    justify-content: center; gap: 2px; padding: 0 2px; border: 1px solid var(--_border); border-radius: var(--_radius-small);
    font-variant-numeric: tabular-nums;
  }
  [part~='date-option']:has(input:checked) { border-color: var(--_primary); background: var(--_surface); font-weight: 600; }
  [part~='date-option'] input { width: 1em; height: 1em; }
  [part~='method-limits'] { margin: 0; color: var(--_muted); }
  [part~='amounts-row'] { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: var(--_space); }
  [part~='amount-field'] { align-content: start; }
  [part~='amount-input'] { width: 100%; font-variant-numeric: tabular-nums; }
  [part~='enabled-field'] { display: flex; align-items: center; gap: var(--_space-2); }
  [part~='enabled-field'] + [part~='hint'] { margin-top: calc(-1 * var(--_space-2)); }
  [part~='error']:focus { outline: none; }
  @container kb-table (max-width: 40rem) {
    [part~='schedule-next'] { white-space: normal; }
    [part~='table-wrap'] tbody > tr[part~='panel-row'] { display: block; padding: 0; }
    [part~='panel-cell'] { padding: var(--_space-2) var(--_space) !important; }
  }
`;
