/** Styles of `<kb-subaffiliates>` beyond the shared account-section sheet: the invite box, the filter and the table. */
import { css } from 'lit';

export const subAffiliatesStyles = css`
  [part~='facts'] { display: grid; gap: var(--_space-2); margin: 0 0 var(--_space-2); }
  /* Label beside the value while there is room, above it when not: it follows the section's width, not the screen's. */
  [part~='fact'] { display: flex; flex-wrap: wrap; align-items: baseline; gap: var(--_space-1) var(--_space-2); }
  [part~='fact-label'] { flex: 0 1 12rem; color: var(--_muted); }
  [part~='fact-value'] { flex: 1 1 14rem; margin: 0; display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); min-width: 0; }
  [part~='referral-code'], [part~='referral-link'] {
    padding: 0 var(--_space-1); background: var(--_surface); border-radius: var(--_radius-small); overflow-wrap: anywhere; min-width: 0;
  }
  [part~='referral-code'] { font-size: 1.05em; letter-spacing: 0.04em; }
  [part~='panel'] [part~='hint']:last-child { margin-bottom: 0; }
  [part~='filters'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space);
  }
  [part~='filters'] [part~='field'] { min-width: 10rem; }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
  [part~='count']:empty { display: none; }
  th[part~='name'] { font-weight: 600; overflow-wrap: anywhere; min-width: 8rem; }
  [part~='signed-up'] { white-space: nowrap; }
  [part~='campaign'], [part~='promo'] { overflow-wrap: anywhere; }
  [part~='deal'] { min-width: 12rem; }
  [part~='deal-list'] { margin: 0; padding: 0; list-style: none; }
  [part~='deal-item'] + [part~='deal-item'] { margin-top: var(--_space-1); }
  [part~='status-badge'] { white-space: nowrap; }
  [part~='table-wrap'] + [part~='actions'] { margin-top: var(--_space); }
`;
