/** Styles of `<kb-report-favorites>` beyond the shared account-section sheet: cards that stack on a phone, long links that wrap. */
import { css } from 'lit';

export const favoritesStyles = css`
  [part~='favorite-list'] { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_space); }
  [part~='favorite'] {
    border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space);
    background: var(--kb-color-surface, transparent); min-width: 0;
  }
  [part~='favorite-name'] { margin: 0 0 var(--_space-1); overflow-wrap: anywhere; }
  [part~='favorite-facts'] {
    display: grid; grid-template-columns: repeat(auto-fit, minmax(12em, 1fr)); gap: var(--_space-1) var(--_space);
    margin: 0 0 var(--_space-2);
  }
  [part~='fact-label'] { color: var(--_muted); font-size: 0.875em; }
  [part~='fact-value'] { margin: 0; overflow-wrap: anywhere; }
  [part~='actions'] { display: flex; flex-wrap: wrap; gap: var(--_space-1); }
  [part~='rename-row'] { display: flex; flex-wrap: wrap; gap: var(--_space-1); align-items: center; }
  [part~='rename-input'] { flex: 1 1 12em; min-width: 0; }
  [part~='download'] { margin-top: var(--_space-2); }
  [part~='feeds'] { display: grid; gap: var(--_space-1); margin-top: var(--_space-2); }
  [part~='feed'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-1); min-width: 0; }
  [part~='feed-label'] { font-weight: 600; }
  [part~='feed-link'] { overflow-wrap: anywhere; word-break: break-all; min-width: 0; flex: 1 1 16em; }
  [part~='feeds-note'] { display: flex; flex-wrap: wrap; align-items: baseline; gap: var(--_space-2); }
  [part~='security-link'] { color: var(--kb-color-link, inherit); }
  [part~='count'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
`;
