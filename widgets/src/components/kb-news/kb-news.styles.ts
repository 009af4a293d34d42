/** Styles of `<kb-news>`: article cards with a banner beside the text (above it on a phone), the unread dot, an article's page. */
import { css } from 'lit';
import { markdownBodyStyles } from '../../internal/markdown-body.styles.ts';

export const newsStyles = [
  markdownBodyStyles,
  css`
    [part~='toolbar'] {
      display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2) var(--_space); margin: 0 0 var(--_space-2);
    }
    [part~='unread-count'] { color: var(--_muted); }
    [part~='success']:empty { display: none; }
    [part~='items'] { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_space); }
    [part~='item'] {
      display: grid; grid-template-columns: minmax(0, 16rem) minmax(0, 1fr); gap: var(--_space); align-items: start;
      padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
    }
    [part~='item']:not(:has([part~='banner'])) { grid-template-columns: minmax(0, 1fr); }
    [part~='item-unread'] { border-inline-start: 4px solid var(--_primary); }
    [part~='banner'] {
      display: block; width: 100%; height: auto; aspect-ratio: 12 / 5; object-fit: cover;
      border-radius: var(--_radius-small); background: var(--_border);
    }
    [part~='item-body'] { min-width: 0; }
    [part~='item-title'] { margin: 0; font-size: 1.1em; line-height: 1.3; overflow-wrap: anywhere; }
    [part~='unread-dot'] {
      display: inline-block; width: 0.6em; height: 0.6em; margin-inline-end: 0.4em; border-radius: 50%;
      background: var(--_primary); vertical-align: 0.1em;
    }
    [part~='title-link'] { color: inherit; text-decoration: none; }
    [part~='title-link']:hover { text-decoration: underline; }
    [part~='item-unread'] [part~='title-link'] { font-weight: 700; }
    [part~='meta'] { margin: var(--_space-1) 0 var(--_space-2); color: var(--_muted); font-size: 0.9em; }
    [part~='excerpt'] { margin: 0 0 var(--_space-2); overflow-wrap: anywhere; }
    [part~='show-more'], [part~='back-link'] { color: var(--_link); }
    [part~='more'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2) var(--_space); margin: var(--_space) 0 0; color: var(--_muted); }
    [part~='article'] { max-width: 46rem; }
    [part~='article'] [part~='banner'] { margin: 0 0 var(--_space); aspect-ratio: auto; max-height: 22rem; }
    [part~='article-title']:focus { outline: none; }
    a:focus-visible, [part~='heading']:focus-visible {
      outline: var(--kb-focus-ring-width, 2px) solid var(--kb-focus-ring-color, var(--_link)); outline-offset: 2px;
    }
    @media (max-width: 40rem) {
      [part~='item'] { grid-template-columns: minmax(0, 1fr); }
    }
  `,
];
