/**
 * Form pieces the contacts console shares between the manager form and the contact card form:
 * messenger rows (a kind and a handle each) and reading them back, and a field's problem by the
 * path the server names (`messengers.1.handle`, `hours.en`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../../internal/api-client.ts';
import type { Locale } from '../../internal/i18n.ts';
import { fieldProblemMessage } from '../../internal/problem-messages.ts';

export const MESSENGER_KINDS = ['telegram', 'whatsapp', 'skype', 'other'] as const;
export type MessengerKind = (typeof MESSENGER_KINDS)[number];
export interface MessengerInput {
  kind: MessengerKind;
  handle: string;
}
/** The most messengers a card or manager takes (the API's bound). */
export const MAX_MESSENGER_ROWS = 6;

/** A 422's messages in `locale` by field path without `body.` (`messengers.0.handle`). */
export function fieldErrorsByPath(error: unknown, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const problem of error.errors) {
    const path = problem.path.replace(/^body\.?/, '') || 'body';
    out[path] ??= fieldProblemMessage(locale, problem);
  }
  return out;
}

/** An input's invalid state and the id of its message, when it has one. */
export function invalid(errors: Record<string, string>, path: string, id: string) {
  const message = errors[path];
  return {
    attrs: message ? { invalid: 'true', describedBy: `${id}-error` } : { invalid: 'false', describedBy: '' },
    message: message ? html`<p part="field-error" id=${`${id}-error`}>${message}</p>` : nothing,
  };
}

/** The messenger rows: the given ones plus empty rows up to `rows`; a row with an empty handle is left out on save. */
export function renderMessengerRows(opts: {
  idPrefix: string;
  messengers: ReadonlyArray<MessengerInput>;
  rows: number;
  errors: Record<string, string>;
  kindLabel: (kind: MessengerKind) => string;
  rowLabels: (n: number) => { kind: string; handle: string };
}): TemplateResult {
  const count = Math.min(MAX_MESSENGER_ROWS, Math.max(opts.rows, opts.messengers.length));
  return html`${Array.from({ length: count }, (_, index) => {
    const current = opts.messengers[index];
    const id = `${opts.idPrefix}-messenger-${index}`;
    const labels = opts.rowLabels(index + 1);
    const handle = invalid(opts.errors, `messengers.${index}.handle`, `${id}-handle`);
    return html`<div part="messenger-row">
      <div part="field">
        <label part="label" for=${`${id}-kind`}>${labels.kind}</label>
        <select part="input" id=${`${id}-kind`} name=${`messenger-kind-${index}`}>
          ${MESSENGER_KINDS.map(
            (kind) =>
              html`<option value=${kind} ?selected=${(current?.kind ?? 'telegram') === kind}>${opts.kindLabel(kind)}</option>`,
          )}
        </select>
      </div>
      <div part="field">
        <label part="label" for=${`${id}-handle`}>${labels.handle}</label>
        <input part="input" id=${`${id}-handle`} name=${`messenger-handle-${index}`} maxlength="200"
          autocomplete="off" .value=${current?.handle ?? ''}
          aria-invalid=${handle.attrs.invalid} aria-describedby=${handle.attrs.describedBy || nothing} />
        ${handle.message}
      </div>
    </div>`;
  })}`;
}

/** The rows with a handle, in order, and the form row each came from (empty rows are left out). */
export function readMessengers(data: FormData): { messengers: MessengerInput[]; rowOf: number[] } {
  const messengers: MessengerInput[] = [];
  const rowOf: number[] = [];
  for (let index = 0; index < MAX_MESSENGER_ROWS; index++) {
    const handle = String(data.get(`messenger-handle-${index}`) ?? '').trim();
    const kind = String(data.get(`messenger-kind-${index}`) ?? '') as MessengerKind;
    if (handle && MESSENGER_KINDS.includes(kind)) {
      messengers.push({ kind, handle });
      rowOf.push(index);
    }
  }
  return { messengers, rowOf };
}

/** The server names a messenger by its index in what was sent: moves its message to the form row it came from. */
export function errorsOnRows(errors: Record<string, string>, rowOf: number[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => [
      path.replace(/^messengers\.(\d+)\./, (_, i: string) => `messengers.${rowOf[Number(i)] ?? i}.`),
      message,
    ]),
  );
}
