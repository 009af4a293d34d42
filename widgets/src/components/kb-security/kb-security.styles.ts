/** Styles of `<kb-security>` beyond the shared account-section sheet: enrolment, recovery codes, token. */
import { css } from 'lit';

export const securityStyles = css`
  [part~='tfa-status'] { margin: 0 0 var(--_space-2); }
  [part~='tfa-on'] { border-color: var(--_link); }
  [part~='enrol-steps'] { display: grid; gap: var(--_space); margin: 0 0 var(--_space); padding-inline-start: 1.4em; }
  [part~='enrol-step'] p { margin: 0 0 var(--_space-2); }
  [part~='qr'] { display: block; width: 200px; height: 200px; padding: var(--_space-2); background: #fff; border: 1px solid var(--_border); border-radius: var(--_radius-small); }
  [part~='secret'], [part~='token'], [part~='recovery-code'] code { font-size: 1.05em; letter-spacing: 0.06em; overflow-wrap: anywhere; }
  [part~='code-input'] { width: 9em; letter-spacing: 0.2em; }
  [part~='code-form'] { max-width: 24rem; }
  [part~='recovery'] { padding: var(--_space); background: var(--_surface); border-radius: var(--_radius-small); }
  [part~='recovery-heading'] { margin: 0 0 var(--_space-2); font-size: 1em; }
  [part~='recovery-codes'] { columns: 2 10em; margin: 0 0 var(--_space); padding-inline-start: 1.6em; }
  [part~='download'] {
    display: inline-block; color: var(--_text); text-decoration: none; background: var(--_bg);
    border: 1px solid var(--_border); border-radius: var(--_radius-small); padding: var(--_space-1) var(--_space);
  }
  [part~='sessions'] + [part~='actions'], [part~='table-wrap'] + [part~='actions'] { margin-top: var(--_space); }
  [part~='session-kind'] { color: var(--_muted); font-weight: normal; }
  th[part~='session-device'] { font-weight: 600; }
  [part~='token'] { padding: var(--_space-1) var(--_space-2); background: var(--_surface); border-radius: var(--_radius-small); }
  [part~='token-row'] { margin-bottom: var(--_space-2); }
  [part~='confirm'] { padding: var(--_space); border: 1px solid var(--_danger); border-radius: var(--_radius-small); }
  [part~='confirm-text'] { margin: 0 0 var(--_space-2); }
  [part~='locked'] { padding: var(--_space); border: 1px solid var(--_danger); border-radius: var(--_radius-small); }
  [part~='locked-heading'] { margin: 0 0 var(--_space-2); font-size: 1em; }
  [part~='locked-text'] { margin: 0 0 var(--_space-2); }
`;
