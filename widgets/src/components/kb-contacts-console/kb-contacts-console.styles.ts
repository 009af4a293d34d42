/** Styles of `<kb-contacts-console>` beyond the shared sheet: the managers list, the cards and the forms. */
import { css } from 'lit';

export const contactsConsoleStyles = css`
  section { margin: 0 0 var(--_space-4); }
  [part~='section-head'] { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--_space-2); }
  [part~='section-head'] [part~='subheading'] { margin: 0; }
  [part~='notice']:empty { display: none; }
  [part~='notice'] { color: var(--_muted); }
  [part~='managers'], [part~='cards'] { list-style: none; margin: var(--_space) 0 0; padding: 0; display: grid; gap: var(--_space-2); }
  [part~='manager-item'] {
    display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2) var(--_space);
    padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
  }
  [part~='manager-item'][part~='editing'] { display: block; }
  [part~='avatar'] { flex: none; width: 56px; height: 56px; border-radius: 50%; object-fit: cover; background: var(--_border); }
  [part~='initials'] {
    display: grid; place-items: center; background: var(--_primary); color: var(--_on-primary); font-weight: 600; font-size: 1.2em;
  }
  .who { flex: 1 1 12rem; min-width: 0; }
  .who p { margin: 0; overflow-wrap: anywhere; }
  [part~='manager-name'] { font-weight: 600; }
  [part~='manager-email'], [part~='partner-count'] { color: var(--_muted); }
  [part~='inactive'] { color: var(--_danger); }
  [part~='confirm'] { flex-basis: 100%; display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-2); }
  [part~='confirm'] p { margin: 0; flex-basis: 100%; }
  [part~='card'] {
    padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); min-width: 0;
    background: var(--_surface);
  }
  [part~='card-title'], [part~='form-heading'] { margin: 0 0 var(--_space-1); font-size: 1.05em; overflow-wrap: anywhere; }
  [part~='card-summary'], [part~='not-set'] { margin: 0 0 var(--_space-2); color: var(--_muted); overflow-wrap: anywhere; }
  [part~='form'] { margin-top: var(--_space-2); }
  [part~='messenger-row'] { display: grid; grid-template-columns: minmax(7rem, 10rem) minmax(0, 1fr); gap: var(--_space-2); margin: 0 0 var(--_space-2); }
  [part~='pair'] { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr)); gap: var(--_space); }
  textarea {
    font: inherit; color: var(--_text); background: var(--_bg); border: 1px solid var(--_border);
    border-radius: var(--_radius-small); padding: var(--_space-1) var(--_space-2); width: 100%; resize: vertical;
  }
  textarea:focus-visible { outline: var(--kb-focus-ring-width, 3px) solid var(--kb-focus-ring-color, currentColor); outline-offset: 2px; }
  input[type='file'] { border: none; padding: 0; min-height: 0; max-width: 100%; }
  @media (max-width: 30rem) { [part~='messenger-row'] { grid-template-columns: 1fr; } }
`;
