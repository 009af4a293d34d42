/** Styles of `<kb-profile>` beyond the shared account-section sheet: the facts list and the referral code. */
import { css } from 'lit';

export const profileStyles = css`
  [part~='facts'] { display: grid; gap: var(--_space-2); margin: 0 0 var(--_space-2); }
  [part~='fact'] { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: var(--_space-2); align-items: baseline; }
  [part~='fact-label'] { color: var(--_muted); }
  [part~='fact-value'] { margin: 0; display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); overflow-wrap: anywhere; }
  [part~='referral-code'] { font-size: 1.05em; letter-spacing: 0.04em; padding: 0 var(--_space-1); background: var(--_surface); border-radius: var(--_radius-small); }
  [part~='fieldset'] [part~='check'] + [part~='check'] { margin-top: var(--_space-1); }
  [part~='checkbox-field'] { display: flex; align-items: flex-start; gap: var(--_space-2); }
  [part~='checkbox'] { margin: 0.2em 0 0; width: 1.1em; height: 1.1em; flex: none; }
  [part~='checkbox-field'] [part~='label'] { font-weight: normal; }
  @media (max-width: 30rem) {
    [part~='fact'] { grid-template-columns: 1fr; gap: 0; }
  }
`;
