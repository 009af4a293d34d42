/** Styles of `<kb-campaign-detail>` beyond the shared sheets: the promo cards. */
import { css } from 'lit';

export const detailStyles = css`
  [part~='header'] { justify-content: flex-start; }
  [part~='header'] [part~='archive'], [part~='header'] [part~='unarchive'] { margin-inline-start: auto; }
  [part~='toolbar'] { justify-content: space-between; margin: var(--_space-4) 0 var(--_space-2); }
  [part~='toolbar'] [part~='subheading'] { margin: 0; }
  [part~='promo'] { display: grid; gap: var(--_space); padding: var(--_space); margin: 0 0 var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); }
  [part~='promo-header'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); }
  [part~='promo-title'] { margin: 0; font-size: 1.05em; }
  [part~='promo-facts'] { margin: 0; }
  [part~='promo-creative'] { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); }
  [part~='promo-creative'] [part~='thumbnail'] { max-height: 3.5rem; width: auto; }
  [part~='link-button'] { border: 0; padding: 0; background: none; color: var(--_link); text-decoration: underline; cursor: pointer; }
  [part~='campaign-postbacks'] { margin: var(--_space-4) 0 0; }
  [part~='promo-postbacks'] { padding: var(--_space); border: 1px dashed var(--_border); border-radius: var(--_radius-small); }
  [part~='rename-form'], [part~='source-form'] { display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--_space-2); }
`;
