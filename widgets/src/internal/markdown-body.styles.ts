/**
 * Typography of server-rendered Markdown (news articles, terms) inside `[part~='body']`: headings,
 * paragraphs, lists, links, code, quotes, tables and images, from the portal's `--kb-*` tokens
 * through the private fallbacks of token-fallbacks.ts, so both themes apply.
 */
import { css } from 'lit';

export const markdownBodyStyles = css`
  [part~='body'] { line-height: 1.6; overflow-wrap: anywhere; max-width: 46rem; }
  [part~='body'] > :first-child { margin-top: 0; }
  [part~='body'] h1, [part~='body'] h2, [part~='body'] h3, [part~='body'] h4 {
    margin: var(--_space-4, 24px) 0 var(--_space-2, 8px); line-height: 1.3;
  }
  [part~='body'] h1 { font-size: 1.4em; }
  [part~='body'] h2 { font-size: 1.25em; }
  [part~='body'] h3 { font-size: 1.1em; }
  [part~='body'] h4 { font-size: 1em; }
  [part~='body'] p, [part~='body'] ul, [part~='body'] ol, [part~='body'] blockquote, [part~='body'] pre,
  [part~='body'] table { margin: 0 0 var(--_space, 16px); }
  [part~='body'] ul, [part~='body'] ol { padding-inline-start: 1.5em; }
  [part~='body'] li + li { margin-top: var(--_space-1, 4px); }
  [part~='body'] a { color: var(--_link); text-decoration: underline; }
  [part~='body'] a:focus-visible {
    outline: var(--kb-focus-ring-width, 2px) solid var(--kb-focus-ring-color, var(--_link)); outline-offset: 2px;
  }
  [part~='body'] code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em;
    background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius-small);
    padding: 0 0.25em;
  }
  [part~='body'] pre {
    background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius-small);
    padding: var(--_space-2, 8px) var(--_space, 16px); overflow-x: auto;
  }
  [part~='body'] pre code { border: 0; padding: 0; background: none; }
  [part~='body'] blockquote {
    padding: var(--_space-2, 8px) var(--_space, 16px); border-inline-start: 4px solid var(--_border);
    background: var(--_surface); color: var(--_muted);
  }
  [part~='body'] blockquote > :last-child { margin-bottom: 0; }
  [part~='body'] hr { border: 0; border-top: 1px solid var(--_border); margin: var(--_space-4, 24px) 0; }
  [part~='body'] img { max-width: 100%; height: auto; border-radius: var(--_radius-small); }
  [part~='body'] table { border-collapse: collapse; display: block; overflow-x: auto; }
  [part~='body'] th, [part~='body'] td { border: 1px solid var(--_border); padding: var(--_space-1, 4px) var(--_space-2, 8px); }
`;
