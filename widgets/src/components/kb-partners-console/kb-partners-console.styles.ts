/** Styles of `<kb-partners-console>` beyond the shared sheet: search and chips, the list, a partner's page. */
import { css } from 'lit';

export const partnersConsoleStyles = css`
  :host {
    --_warning: var(--kb-color-warning, #8a5a00);
    --_warning-bg: var(--kb-color-warning-bg, #fff4d6);
  }
  /* Ids, e-mails and names are long and unbroken: they may break anywhere rather than widen a phone's page. */
  [part~='heading'], [part~='subheading'], code, [part~='owner-email'] { overflow-wrap: anywhere; }
  [part~='toolbar'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space-2);
  }
  [part~='toolbar'] [part~='field'] { min-width: 0; flex: 1 1 14rem; max-width: 28rem; }
  [part~='toolbar'] [part~='sort-field'] { flex: 0 1 14rem; }
  [part~='toolbar'] input, [part~='toolbar'] select { width: 100%; }
  [part~='chips'] { display: flex; flex-wrap: wrap; gap: var(--_space-2); margin: 0 0 var(--_space); padding: 0; border: 0; }
  [part~='chips'] legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  [part~='chip'] {
    border: 1px solid var(--_border); border-radius: 999px; padding: var(--_space-1) var(--_space);
    background: var(--_bg); color: var(--_text); font: inherit; cursor: pointer; min-height: 2.25rem;
  }
  [part~='chip'][aria-pressed='true'] { background: var(--_primary); border-color: var(--_primary); color: var(--_on-primary); }
  [part~='chip-count'] { font-variant-numeric: tabular-nums; opacity: 0.85; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='open'] {
    border: 0; padding: 0; background: none; color: var(--_link); text-decoration: underline; text-align: start;
    font: inherit; font-weight: 600; cursor: pointer; overflow-wrap: anywhere;
  }
  [part~='partner-code'] { display: block; color: var(--_muted); font-size: 0.8em; font-weight: normal; overflow-wrap: anywhere; }
  [part~='status-badge'] {
    display: inline-block; white-space: nowrap; padding: 0 0.5em; border-radius: 999px;
    border: 1px solid currentColor; font-size: 0.9em;
  }
  [part~='status-pending'] { color: var(--_warning); }
  [part~='status-rejected'], [part~='status-blocked'] { color: var(--_danger); }
  [part~='page-header'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space); }
  [part~='page-header'] [part~='heading'] { margin: 0; flex: 1 1 16rem; }
  [part~='page-section'] { margin: 0 0 var(--_space); }
  [part~='facts'] {
    display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: var(--_space-2); margin: 0 0 var(--_space);
  }
  [part~='fact'] { min-width: 0; padding: var(--_space-1) var(--_space-2); border-radius: var(--_radius-small); background: var(--_surface); }
  [part~='fact-label'] { color: var(--_muted); font-size: 0.9em; }
  [part~='fact-value'] { margin: 0; overflow-wrap: anywhere; }
  [part~='decisions'] [part~='status']:empty { display: none; }
  [part~='confirm'] {
    padding: var(--_space-2) var(--_space); border: 1px solid var(--_warning); border-radius: var(--_radius-small);
    background: var(--_warning-bg); color: var(--_text);
  }
  [part~='confirm-text'] { margin: 0 0 var(--_space-2); overflow-wrap: anywhere; }
  [part~='history'], [part~='plan-list'], [part~='documents-list'], [part~='field-list'] { margin: 0; padding: 0; list-style: none; }
  [part~='history-entry'], [part~='plan'], [part~='document'] {
    padding: var(--_space-1) 0; border-bottom: 1px solid var(--_border); overflow-wrap: anywhere;
  }
  [part~='history-entry']:last-child, [part~='plan']:last-child, [part~='document']:last-child { border-bottom: 0; }
  [part~='when'] { color: var(--_muted); font-size: 0.9em; }
  [part~='plan-name'] { font-weight: 600; }
  [part~='plan-badge'] {
    display: inline-block; margin-inline-start: var(--_space-2); padding: 0 0.5em; border: 1px solid var(--_border);
    border-radius: 999px; font-size: 0.8em; color: var(--_muted);
  }
  [part~='plan-terms'] { margin: var(--_space-1) 0 0; padding-inline-start: 1.2em; color: var(--_muted); }
  [part~='inline-form'] { display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2); margin-top: var(--_space-2); }
  [part~='inline-form'] [part~='field'] { flex: 1 1 14rem; min-width: 0; max-width: 24rem; }
  [part~='inline-form'] select { width: 100%; }
  [part~='field-list'] { display: grid; gap: var(--_space-1); }
  [part~='field-answer'] { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
`;
