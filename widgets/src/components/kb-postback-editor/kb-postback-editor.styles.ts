/** Styles of `<kb-postback-editor>` beyond the shared sheets: the URL field, problem marks, macro chips, preview. */
import { css } from 'lit';

export const editorStyles = css`
  :host {
    --_warning: var(--kb-color-warning, #8a5a00);
    --_warning-bg: var(--kb-color-warning-bg, #fff4d6);
    --_mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }
  [part~='form'] { max-width: 56rem; }
  [part~='heading'] { font-size: 1.2em; }
  [part~='heading']:focus, [part~='preview-heading']:focus { outline: none; }
  [part~='fieldset'] { display: flex; flex-wrap: wrap; gap: var(--_space-2) var(--_space); }
  [part~='fieldset'] legend { padding: 0 var(--_space-1); }
  input[type='radio'] { min-height: auto; padding: 0; margin: 0; accent-color: var(--_link); }
  [part~='checkbox'] { accent-color: var(--_link); }
  [part~='url-input'] { font-family: var(--_mono); background: var(--_bg); min-height: 4.5em; overflow-wrap: anywhere; }
  [part~='url-input'][aria-invalid='true'] { border-color: var(--_danger); }
  [part~='problems'] { display: grid; gap: var(--_space-1); }
  [part~='problems-heading'] { margin: var(--_space-1) 0 0; font-weight: 600; }
  [part~='problem-list'] { display: grid; gap: var(--_space-2); margin: 0; padding: 0; list-style: none; }
  [part~='problem'] {
    display: flex; flex-wrap: wrap; align-items: baseline; gap: var(--_space-1) var(--_space-2);
    padding: var(--_space-2); border-radius: var(--_radius-small); border-inline-start: 4px solid var(--_danger); background: var(--_danger-bg);
  }
  [part~='problem-warning'] { border-inline-start-color: var(--_warning); background: var(--_warning-bg); }
  [part~='problem-severity'] { font-weight: 600; color: var(--_danger); }
  [part~='problem-warning'] [part~='problem-severity'] { color: var(--_warning); }
  [part~='problem-message'] { overflow-wrap: anywhere; }
  [part~='link-button'] { border: 0; padding: 0; background: none; color: var(--_link); text-decoration: underline; cursor: pointer; }
  [part~='problem-mirror'] {
    flex: 1 0 100%; display: block; padding: var(--_space-1) var(--_space-2); white-space: pre-wrap; overflow-wrap: anywhere;
    background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius-small); font-size: 0.92em;
  }
  [part~='problem-mark'] { background: var(--_danger); color: var(--_bg); border-radius: 2px; padding: 0 1px; }
  [part~='problem-warning'] [part~='problem-mark'] { background: var(--_warning); }
  [part~='problem-mark-end'] { display: inline-block; min-width: 0.6ch; min-height: 1em; vertical-align: text-bottom; }
  [part~='valid'] { margin: 0; color: var(--_muted); }
  [part~='checking'] { margin: 0; }
  [part~='macro-list'] {
    display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: var(--_space-1) var(--_space);
    margin: var(--_space-1) 0 var(--_space-2); padding: 0; list-style: none;
  }
  [part~='macro'] { display: flex; align-items: baseline; gap: var(--_space-2); min-width: 0; }
  [part~='macro-chip'] {
    flex: none; font-family: var(--_mono); font-size: 0.85em; padding: 0 var(--_space-2);
    border-radius: 999px; background: var(--_surface);
  }
  [part~='macro-doc'] { color: var(--_muted); font-size: 0.9em; }
  [part~='preview'], [part~='test-result'] {
    display: grid; gap: var(--_space-2); max-width: 56rem; margin: var(--_space) 0 0; padding: var(--_space);
    border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
  }
  [part~='test-delivered'] { border-inline-start: 4px solid var(--_primary); }
  [part~='test-failed'] { border-inline-start: 4px solid var(--_danger); }
  [part~='preview'] p, [part~='test-result'] p { margin: 0; }
  [part~='preview-heading'] { margin: 0; }
  [part~='request-url'] { overflow-wrap: anywhere; }
  [part~='request-method'] { margin-inline-start: 0; }
  [part~='request-body'] {
    margin: 0; padding: var(--_space-2); white-space: pre-wrap; overflow-wrap: anywhere; font-family: var(--_mono);
    background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius-small);
  }
  [part~='confirm-question'] { font-weight: 600; }
  [part~='test-status']:empty { display: none; }
`;
