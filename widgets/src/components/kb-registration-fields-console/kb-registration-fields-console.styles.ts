/** Styles of `<kb-registration-fields-console>` beyond the shared sheet: the fields table (cards on a phone) and the form. */
import { css } from 'lit';

export const registrationFieldsConsoleStyles = css`
  [part~='intro'], [part~='hint'] { margin: 0 0 var(--_space-2); color: var(--_muted); max-width: 46rem; }
  [part~='notice']:empty { display: none; }
  [part~='notice'] { color: var(--_muted); }
  [part~='table-wrap'] { margin-top: var(--_space); overflow-x: auto; }
  [part~='fields'] { width: 100%; border-collapse: collapse; }
  [part~='header-cell'], [part~='cell'] {
    text-align: start; vertical-align: top; padding: var(--_space-2); border-bottom: 1px solid var(--_border);
  }
  [part~='header-cell'] { background: var(--_surface); font-weight: 600; }
  [part~='order'] { white-space: nowrap; }
  [part~='up'], [part~='down'] { min-width: 2.25rem; }
  [part~='field-label'] { font-weight: 600; overflow-wrap: anywhere; min-width: 10rem; }
  [part~='label-other'] { display: block; font-weight: normal; color: var(--_muted); font-size: 0.9em; }
  [part~='key'] { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; white-space: nowrap; }
  [part~='state-badge'] {
    display: inline-block; padding: 0 var(--_space-2); border-radius: 999px; border: 1px solid var(--_border);
    background: var(--_surface); white-space: nowrap; font-size: 0.9em;
  }
  [part~='state-active'] { border-color: var(--_primary); }
  [part~='state-inactive'] { color: var(--_muted); }
  [part~='item-actions'] > button { margin: 0 var(--_space-1) var(--_space-1) 0; }
  [part~='editor'] {
    overflow-wrap: anywhere; max-width: 46rem; margin: 0 0 var(--_space); padding: var(--_space);
    border: 1px solid var(--_border); border-radius: var(--_radius);
  }
  [part~='editor'] input:not([type='checkbox']), [part~='editor'] select { width: 100%; box-sizing: border-box; }
  [part~='editor'] input[readonly] { background: var(--_surface); color: var(--_muted); }
  [part~='field-pair'] { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: var(--_space-2); }
  [part~='options'] {
    border: 1px solid var(--_border); border-radius: var(--_radius-small); padding: var(--_space-2); margin: 0 0 var(--_space-2);
    min-width: 0;
  }
  [part~='option-row'] {
    display: grid; grid-template-columns: minmax(0, 0.8fr) minmax(0, 1fr) minmax(0, 1fr) auto; gap: var(--_space-2);
    align-items: end; padding-bottom: var(--_space-2); margin-bottom: var(--_space-2); border-bottom: 1px dashed var(--_border);
  }
  [part~='option-field'] { margin: 0; }
  [part~='remove-option'] { min-width: 2.25rem; }
  [part~='check-label'] { display: flex; gap: var(--_space-2); align-items: flex-start; }
  [part~='check-label'] input { margin-top: 0.2em; flex: none; }
  [part~='actions'] { display: flex; flex-wrap: wrap; gap: var(--_space-2); }
  [part~='field-error'] { color: var(--_danger); margin: 0; }
  @media (max-width: 40rem) {
    [part~='fields'], [part~='fields'] tbody, [part~='field-row'], [part~='cell'] { display: block; width: 100%; box-sizing: border-box; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    [part~='field-row'] { border: 1px solid var(--_border); border-radius: var(--_radius); margin-bottom: var(--_space-2); }
    [part~='cell'] { border-bottom: 0; padding: var(--_space-1) var(--_space-2); }
    [part~='cell'][data-label]::before { content: attr(data-label) ': '; color: var(--_muted); }
    [part~='key'] { white-space: normal; overflow-wrap: anywhere; }
    [part~='option-row'] { grid-template-columns: minmax(0, 1fr) auto; }
    [part~='option-row'] [part~='option-field'] { grid-column: 1 / -1; }
    [part~='option-row'] [part~='option-field']:first-child { grid-column: 1; }
    [part~='option-row'] [part~='remove-option'] { grid-column: 2; grid-row: 1; }
  }
`;
