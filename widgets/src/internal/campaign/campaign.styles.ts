/**
 * Styles shared by the campaign widgets on top of the account-section sheet: filter rows, tabs,
 * facts lists, copy rows, snippets, cards and thumbnails. Tokens only through the `--_…` fallbacks.
 */
import { css } from 'lit';

export const campaignStyles = css`
  [part~='filters'] {
    display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2) var(--_space);
    margin: 0 0 var(--_space); padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius);
  }
  [part~='filters'] [part~='field'] { min-width: 9rem; flex: 1 1 9rem; }
  /* Inputs keep their intrinsic width otherwise and spill over the next field in a narrow row. */
  [part~='filters'] [part~='field'] :is(input, select) { width: 100%; min-width: 0; box-sizing: border-box; }
  [part~='header'] { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--_space-2); margin: 0 0 var(--_space); }
  [part~='header'] [part~='heading'] { margin: 0; }
  [part~='note'] { padding: var(--_space-2) var(--_space); background: var(--_surface); border-radius: var(--_radius-small); }
  [part~='facts'] { display: grid; grid-template-columns: max-content 1fr; gap: var(--_space-1) var(--_space); margin: 0 0 var(--_space); }
  [part~='facts'] dt { color: var(--_muted); }
  [part~='facts'] dd { margin: 0; overflow-wrap: anywhere; }
  [part~='copy-row'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); }
  [part~='copy-row'] input { flex: 1 1 16rem; }
  textarea {
    font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--_text); background: var(--_surface);
    border: 1px solid var(--_border); border-radius: var(--_radius-small); padding: var(--_space-2); width: 100%; resize: vertical;
  }
  [part~='cards'] { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: var(--_space); margin: 0; padding: 0; list-style: none; }
  [part~='card'] { display: grid; gap: var(--_space-1); padding: var(--_space-2); border: 1px solid var(--_border); border-radius: var(--_radius); }
  [part~='card-selected'] { border-color: var(--_link); box-shadow: 0 0 0 1px var(--_link); }
  [part~='thumbnail'] {
    display: grid; place-items: center; max-width: 100%; height: auto; max-height: 8rem; object-fit: contain;
    background: var(--_surface); border-radius: var(--_radius-small); color: var(--_muted);
  }
  [part~='meta'] { margin: 0; color: var(--_muted); font-size: 0.9em; }
  [part~='tab-list'] { display: flex; gap: var(--_space-1); border-bottom: 1px solid var(--_border); margin: 0 0 var(--_space); }
  [part~='tab'] { border: 0; border-bottom: 3px solid transparent; border-radius: 0; background: none; }
  [part~='tab-selected'] { border-bottom-color: var(--_link); font-weight: 600; }
  [part~='back'] { margin: 0 0 var(--_space); }
`;
