/** Styles of `<kb-terms-console>` beyond the shared sheet: the versions and acceptances tables (cards on a phone), the form, the text. */
import { css } from 'lit';
import { markdownBodyStyles } from '../../internal/markdown-body.styles.ts';

export const termsConsoleStyles = [
  markdownBodyStyles,
  css`
    [part~='intro'], [part~='hint'] { margin: 0 0 var(--_space-2); color: var(--_muted); max-width: 46rem; }
    [part~='notice']:empty { display: none; }
    [part~='notice'] { color: var(--_muted); }
    [part~='table-wrap'] { margin-top: var(--_space); overflow-x: auto; }
    [part~='versions'], [part~='acceptances'] { width: 100%; border-collapse: collapse; }
    [part~='header-cell'], [part~='cell'] {
      text-align: start; vertical-align: top; padding: var(--_space-2); border-bottom: 1px solid var(--_border);
    }
    [part~='header-cell'] { background: var(--_surface); font-weight: 600; }
    [part~='version-title'] { font-weight: 600; overflow-wrap: anywhere; min-width: 10rem; }
    [part~='version-number'] { white-space: nowrap; }
    [part~='current-badge'] {
      display: inline-block; margin-inline-start: var(--_space-1); padding: 0 var(--_space-2); border-radius: 999px;
      border: 1px solid var(--_primary); background: var(--_surface); white-space: nowrap; font-size: 0.85em;
      font-weight: normal;
    }
    [part~='acceptance-email'] { font-weight: normal; overflow-wrap: break-word; min-width: 14rem; }
    [part~='user-agent'] { max-width: 22rem; overflow-wrap: anywhere; font-size: 0.85em; color: var(--_muted); }
    [part~='editor'] {
      overflow-wrap: anywhere; max-width: 46rem; margin: 0 0 var(--_space); padding: var(--_space);
      border: 1px solid var(--_border); border-radius: var(--_radius);
    }
    textarea {
      font: inherit; color: var(--_text); background: var(--_bg); border: 1px solid var(--_border);
      border-radius: var(--_radius-small); padding: var(--_space-1) var(--_space-2); width: 100%; resize: vertical;
      box-sizing: border-box;
    }
    [part~='markdown'] { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
    input:not([type='checkbox']) { width: 100%; box-sizing: border-box; }
    [part~='tabs'] { display: flex; gap: var(--_space-1); }
    [part~='tab'][aria-pressed='true'] { background: var(--_primary); color: var(--_on-primary); border-color: var(--_primary); }
    [part~='preview'], [part~='terms-text'] {
      padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius-small); background: var(--_bg);
      overflow-wrap: anywhere;
    }
    [part~='preview'] { min-height: 10rem; }
    [part~='terms-text'] { max-height: 32rem; overflow: auto; max-width: 52rem; }
    [part~='confirm'] {
      margin-top: var(--_space-2); padding: var(--_space); border: 1px solid var(--_danger); border-radius: var(--_radius);
      background: var(--_danger-bg);
    }
    [part~='confirm'] p { margin: 0 0 var(--_space-2); }
    [part~='actions'] { display: flex; flex-wrap: wrap; gap: var(--_space-2); }
    [part~='meta'] { color: var(--_muted); margin: 0 0 var(--_space-2); }
    [part~='minor-heading'] { margin: var(--_space) 0 var(--_space-1); font-size: 1rem; }
    [part~='summary'] { max-width: 46rem; }
    [part~='summary'] p { margin: 0; white-space: pre-line; }
    [part~='pager'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); margin-top: var(--_space-2); }
    [part~='field-error'] { color: var(--_danger); margin: 0; }
    [hidden] { display: none !important; }
    @media (max-width: 40rem) {
      [part~='versions'], [part~='versions'] tbody, [part~='version-row'],
      [part~='acceptances'], [part~='acceptances'] tbody, [part~='acceptance-row'], [part~='cell'] { display: block; width: 100%; box-sizing: border-box; }
      thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
      [part~='version-row'], [part~='acceptance-row'] {
        border: 1px solid var(--_border); border-radius: var(--_radius); margin-bottom: var(--_space-2);
      }
      [part~='cell'] { border-bottom: 0; padding: var(--_space-1) var(--_space-2); }
      [part~='acceptance-row'] [part~='cell'][data-label]::before {
        content: attr(data-label) ': '; color: var(--_muted);
      }
      [part~='user-agent'] { max-width: none; }
      [part~='acceptance-email'] { min-width: 0; overflow-wrap: anywhere; }
    }
  `,
];
