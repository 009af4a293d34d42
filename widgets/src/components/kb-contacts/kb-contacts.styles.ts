/** Styles of `<kb-contacts>`: the manager's card and the support cards (a grid that is one column on a phone). */
import { css } from 'lit';

export const contactsStyles = css`
  section { margin: 0 0 var(--_space-4); }
  [part~='manager'] {
    display: flex; gap: var(--_space); align-items: flex-start; max-width: 42rem;
    padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
  }
  [part~='avatar'] {
    flex: none; width: 96px; height: 96px; border-radius: 50%; object-fit: cover;
    background: var(--_border);
  }
  [part~='initials'] {
    display: grid; place-items: center; background: var(--_primary); color: var(--_on-primary);
    font-size: 2em; font-weight: 600; letter-spacing: 0.02em;
  }
  .manager-body { min-width: 0; flex: 1; }
  [part~='manager-name'] { margin: 0; font-size: 1.15em; font-weight: 600; overflow-wrap: anywhere; }
  [part~='manager-languages'], [part~='card-hint'], [part~='no-manager'] { margin: var(--_space-1) 0 0; color: var(--_muted); }
  [part~='no-manager'] { margin: 0; max-width: 42rem; }
  [part~='cards'] {
    list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_space);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
  }
  [part~='card'] {
    min-width: 0; padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='card-title'] { margin: 0; font-size: 1.05em; overflow-wrap: anywhere; }
  [part~='facts'] { margin: var(--_space-2) 0 0; display: grid; gap: var(--_space-2); }
  [part~='fact'] { min-width: 0; }
  [part~='fact-label'] { color: var(--_muted); font-size: 0.9em; }
  [part~='fact-value'] { margin: 0; overflow-wrap: anywhere; white-space: pre-line; }
  .messengers { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_space-1); }
  [part~='messenger'] { display: flex; flex-wrap: wrap; gap: 0 var(--_space-2); }
  .kind { color: var(--_muted); min-width: 5.5em; }
  .handle { overflow-wrap: anywhere; }
  a { color: var(--_link); overflow-wrap: anywhere; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
  }
  @media (max-width: 30rem) {
    [part~='manager'] { flex-direction: column; align-items: center; text-align: center; }
    [part~='manager'] [part~='facts'] { text-align: start; }
    [part~='avatar'] { width: 80px; height: 80px; }
  }
`;
