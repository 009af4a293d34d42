/** Styles of `<kb-news-console>` beyond the shared sheet: the articles table (cards on a phone), the editor and its preview. */
import { css } from 'lit';
import { markdownBodyStyles } from '../../internal/markdown-body.styles.ts';

export const newsConsoleStyles = [
  markdownBodyStyles,
  css`
    [part~='intro'] { margin: 0 0 var(--_space); color: var(--_muted); max-width: 46rem; }
    [part~='notice']:empty { display: none; }
    [part~='notice'] { color: var(--_muted); }
    [part~='table-wrap'] { margin-top: var(--_space); overflow-x: auto; }
    [part~='articles'] { width: 100%; border-collapse: collapse; }
    [part~='header-cell'], [part~='cell'] {
      text-align: start; vertical-align: top; padding: var(--_space-2); border-bottom: 1px solid var(--_border);
    }
    [part~='header-cell'] { background: var(--_surface); font-weight: 600; }
    [part~='article-title'] { font-weight: 600; overflow-wrap: anywhere; min-width: 12rem; }
    [part~='brand'] { display: block; font-weight: normal; color: var(--_muted); font-size: 0.9em; }
    [part~='state-badge'] {
      display: inline-block; padding: 0 var(--_space-2); border-radius: 999px; border: 1px solid var(--_border);
      background: var(--_surface); white-space: nowrap; font-size: 0.9em;
    }
    [part~='state-published'] { border-color: var(--_primary); }
    [part~='item-actions'] { white-space: normal; }
    [part~='item-actions'] > button { margin: 0 var(--_space-1) var(--_space-1) 0; }
    [part~='confirm'] p { margin: 0 0 var(--_space-2); max-width: 24rem; }
    [part~='editor'] {
      grid-template-columns: minmax(0, 1fr); overflow-wrap: anywhere;
      max-width: 46rem; margin: 0 0 var(--_space); padding: var(--_space); border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    textarea {
      font: inherit; color: var(--_text); background: var(--_bg); border: 1px solid var(--_border);
      border-radius: var(--_radius-small); padding: var(--_space-1) var(--_space-2); width: 100%; resize: vertical;
    }
    [part~='markdown'] { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
    input:not([type='checkbox']):not([type='file']), select { width: 100%; }
    [part~='tabs'] { display: flex; gap: var(--_space-1); }
    [part~='tab'][aria-pressed='true'] { background: var(--_primary); color: var(--_on-primary); border-color: var(--_primary); }
    [part~='preview'] {
      min-height: 10rem; padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius-small);
      background: var(--_bg);
    }
    [part~='banner-current'] { margin: 0 0 var(--_space-2); }
    [part~='banner'] {
      display: block; max-width: 100%; max-height: 12rem; height: auto; border-radius: var(--_radius-small);
      margin-bottom: var(--_space-1);
    }
    [part~='field-error'] { color: var(--_danger); margin: 0; }
    [part~='hint'] { margin: 0; }
    input[type='file'] { max-width: 100%; }
    [hidden] { display: none !important; }
    @media (max-width: 40rem) {
      [part~='articles'], [part~='articles'] tbody, [part~='article-row'], [part~='cell'] { display: block; width: 100%; }
      [part~='articles'] thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
      [part~='article-row'] { border: 1px solid var(--_border); border-radius: var(--_radius); margin-bottom: var(--_space-2); }
      [part~='cell'] { border-bottom: 0; }
    }
  `,
];
