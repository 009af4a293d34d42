/** Styles of `<kb-operator-sign-in>` and `<kb-operator-account>` beyond the shared account sheet. */
import { css } from 'lit';

export const operatorSignInStyles = css`
  [part~='intro'] { margin: 0 0 var(--_space); color: var(--_muted); max-width: 40rem; }
  [part~='form'] { max-width: 24rem; }
  input { width: 100%; }
  [part~='input-code'] { width: 9ch; font-variant-numeric: tabular-nums; letter-spacing: 0.15em; }
  [part~='enrol-steps'] { margin: 0; padding-inline-start: 1.4em; display: grid; gap: var(--_space); max-width: 40rem; }
  [part~='enrol-step'] > p { margin: 0 0 var(--_space-2); }
  [part~='qr'] {
    display: block; width: 200px; height: 200px; max-width: 100%; padding: var(--_space-2); background: #fff;
    border: 1px solid var(--_border); border-radius: var(--_radius-small);
  }
  [part~='secret'] {
    display: inline-block; padding: var(--_space-1) var(--_space-2); border: 1px solid var(--_border);
    border-radius: var(--_radius-small); background: var(--_surface); font-size: 1.05em; letter-spacing: 0.05em;
    overflow-wrap: anywhere; user-select: all;
  }
`;

export const operatorAccountStyles = css`
  [part~='account'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2) var(--_space); }
  [part~='who'] { margin: 0; display: grid; gap: 2px; min-width: 0; }
  [part~='name'] { font-weight: 600; overflow-wrap: anywhere; }
  [part~='role'] { color: var(--_muted); font-size: 0.92em; overflow-wrap: anywhere; }
  [part~='error'] { flex-basis: 100%; margin: 0; }
`;
