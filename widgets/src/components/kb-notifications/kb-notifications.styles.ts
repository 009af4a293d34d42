/** Styles of the bell, its popover and the notifications page (tokens from the portal, both themes). */
import { css } from 'lit';

export const notificationListStyles = css`
  [part~='notification-list'] { list-style: none; margin: 0; padding: 0; }
  [part~='notification-item'] + [part~='notification-item'] { border-top: 1px solid var(--kb-color-border, #d0d4dc); }
  [part~='notification'] {
    display: flex; gap: var(--kb-space-2, 0.5rem); align-items: flex-start; width: 100%; text-align: start;
    padding: var(--kb-space-2, 0.5rem) var(--kb-space-3, 0.75rem); border: 0; background: transparent;
    color: var(--kb-color-text, #1d2330); font: inherit; cursor: pointer; border-radius: var(--kb-radius-small, 4px);
  }
  [part~='notification']:hover { background: var(--kb-color-surface, #f4f6fa); }
  [part~='notification']:focus-visible {
    outline: var(--kb-focus-ring-width, 2px) solid var(--kb-focus-ring-color, #2563eb); outline-offset: -2px;
  }
  [part~='notification-dot'] { flex: none; width: 0.5rem; height: 0.5rem; margin-top: 0.45em; border-radius: 50%; }
  [part~='notification-unread'] [part~='notification-dot'] { background: var(--kb-color-primary, #2563eb); }
  [part~='notification-unread'] [part~='notification-text'] { font-weight: 600; }
  [part~='notification-body'] { display: flex; flex-direction: column; gap: 0.15rem; min-width: 0; }
  [part~='notification-text'] { overflow-wrap: anywhere; }
  [part~='notification-time'] { color: var(--kb-color-text-muted, #5b6475); font-size: 0.86em; }
  [part~='visually-hidden'] {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
  }
  [part~='button'] {
    font: inherit; cursor: pointer; border-radius: var(--kb-radius-small, 4px); padding: 0.35rem 0.7rem;
    border: 1px solid var(--kb-color-border, #d0d4dc); background: var(--kb-color-bg, #fff); color: var(--kb-color-text, #1d2330);
  }
  [part~='button']:disabled { cursor: default; opacity: 0.6; }
  [part~='button']:focus-visible {
    outline: var(--kb-focus-ring-width, 2px) solid var(--kb-focus-ring-color, #2563eb); outline-offset: 2px;
  }
  [part~='empty'], [part~='status'] { color: var(--kb-color-text-muted, #5b6475); margin: var(--kb-space-3, 0.75rem); }
  [part~='error'] {
    color: var(--kb-color-danger, #b42318); background: var(--kb-color-danger-bg, #fef3f2);
    padding: var(--kb-space-2, 0.5rem) var(--kb-space-3, 0.75rem); border-radius: var(--kb-radius-small, 4px);
    margin: var(--kb-space-2, 0.5rem);
  }
`;

export const bellStyles = css`
  :host { display: inline-block; position: relative; font-family: var(--kb-font-family, inherit); }
  [part~='notification-bell'] {
    position: relative; display: inline-flex; align-items: center; justify-content: center;
    min-width: 2.25rem; min-height: 2.25rem; padding: 0.25rem; border-radius: var(--kb-radius-small, 4px);
    border: 1px solid transparent; background: transparent; color: var(--kb-color-text, #1d2330); cursor: pointer;
  }
  [part~='notification-bell']:hover { border-color: var(--kb-color-border, #d0d4dc); }
  [part~='notification-bell']:focus-visible {
    outline: var(--kb-focus-ring-width, 2px) solid var(--kb-focus-ring-color, #2563eb); outline-offset: 2px;
  }
  [part~='bell-icon'] { width: 1.25rem; height: 1.25rem; }
  [part~='notification-count'] {
    position: absolute; top: -0.2rem; inset-inline-end: -0.25rem; min-width: 1.1rem; height: 1.1rem; padding: 0 0.25rem;
    border-radius: 0.55rem; background: var(--kb-color-danger, #b42318); color: var(--kb-color-bg, #fff); font-size: 0.7rem;
    font-weight: 700; line-height: 1.1rem; text-align: center; box-sizing: border-box;
  }
  [part~='popover'] {
    position: absolute; z-index: 20; top: calc(100% + 0.4rem); inset-inline-end: 0;
    width: min(24rem, calc(100vw - 1rem)); max-height: min(32rem, 75vh); overflow: auto; box-sizing: border-box;
    background: var(--kb-color-bg, #fff); color: var(--kb-color-text, #1d2330);
    border: 1px solid var(--kb-color-border, #d0d4dc); border-radius: var(--kb-radius, 8px);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }
  /* A phone: the popover spans the screen under the header, whatever the bell's place in it. */
  @media (max-width: 480px) {
    [part~='popover'] { position: fixed; inset-inline: 0.5rem; width: auto; top: auto; margin-top: 0.4rem; }
  }
  [part~='popover-header'], [part~='popover-footer'] {
    display: flex; align-items: center; justify-content: space-between; gap: var(--kb-space-2, 0.5rem);
    flex-wrap: wrap; padding: var(--kb-space-2, 0.5rem) var(--kb-space-3, 0.75rem);
  }
  [part~='popover-header'] { border-bottom: 1px solid var(--kb-color-border, #d0d4dc); }
  [part~='popover-footer'] { border-top: 1px solid var(--kb-color-border, #d0d4dc); }
  [part~='popover-heading'] { margin: 0; font-size: 1rem; }
`;

export const pageStyles = css`
  :host { display: block; font-family: var(--kb-font-family, inherit); color: var(--kb-color-text, #1d2330); }
  [part~='heading'] { margin: 0 0 var(--kb-space-2, 0.5rem); font-size: 1.4rem; }
  [part~='toolbar'] {
    display: flex; flex-wrap: wrap; align-items: center; gap: var(--kb-space-2, 0.5rem); justify-content: space-between;
    margin-bottom: var(--kb-space-3, 0.75rem);
  }
  [part~='count'] { color: var(--kb-color-text-muted, #5b6475); }
  [part~='notification-list'] {
    border: 1px solid var(--kb-color-border, #d0d4dc); border-radius: var(--kb-radius, 8px);
    background: var(--kb-color-bg, #fff);
  }
  [part~='more'] { margin-top: var(--kb-space-3, 0.75rem); }
`;
