/**
 * One favorite in `<kb-report-favorites>`: its name (or the inline rename form), what it asks
 * (period as chosen, groupings, currency), who saved it and when, its actions (Open, Rename,
 * Delete with an inline confirmation, Download) and its JSON and XML feed links, masked until the
 * user shows them, each with a Copy button that copies the real link.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageParams } from '../../internal/i18n.ts';
import { formatDay } from '../../internal/statistics/format.ts';
import type { StatisticsLabels } from '../../internal/statistics/statistics-labels.ts';
import { groupingWords, periodWords, type Favorite } from '../../internal/statistics/report/report-favorites.ts';
import type { FavoritesKey } from './kb-report-favorites.messages.ts';

export interface CardView {
  m(key: FavoritesKey, params?: MessageParams): string;
  labels: StatisticsLabels;
  dateTime(value: string): string;
  /** The feed links with the user's token (null: no token, so none), and whether they are shown unmasked. */
  feeds(favorite: Favorite): { json: string; xml: string; masked: { json: string; xml: string } } | null;
  revealed: boolean;
  renaming: { id: string; value: string; problem: string | null; busy: boolean } | null;
  confirmingDelete: string | null;
  busy: boolean;
  download(favorite: Favorite): TemplateResult;
  copy(key: string, text: string, label: string): TemplateResult;
  open(favorite: Favorite): void;
  startRename(favorite: Favorite): void;
  editName(value: string): void;
  rename(event: Event, favorite: Favorite): void;
  cancelRename(): void;
  askDelete(favorite: Favorite): void;
  remove(favorite: Favorite): void;
  cancelDelete(): void;
  toggleLinks(): void;
}

function currencyWords(favorite: Favorite, v: CardView): string {
  const { currency, ratesDate } = favorite.query;
  if (!currency) return v.m('eachCurrency');
  return ratesDate
    ? v.m('convertedAt', { currency, date: formatDay(v.labels.locale, ratesDate) })
    : v.m('converted', { currency });
}

export function renderFavoriteCard(favorite: Favorite, v: CardView): TemplateResult {
  const id = favorite.id;
  const headingId = `favorite-${id}-name`;
  return html`<li part="favorite" data-favorite=${id} aria-labelledby=${headingId}>
    ${
      v.renaming?.id === id
        ? renderRename(favorite, v, headingId)
        : html`<h3 part="favorite-name" id=${headingId} tabindex="-1">${favorite.name}</h3>`
    }
    <dl part="favorite-facts">
      <div part="fact"><dt part="fact-label">${v.m('period')}</dt>
        <dd part="fact-value favorite-period">${periodWords(favorite.query, v.labels)}</dd></div>
      <div part="fact"><dt part="fact-label">${v.m('groupings')}</dt>
        <dd part="fact-value favorite-groupings">${groupingWords(favorite.query, v.labels) ?? v.m('noGroupings')}</dd></div>
      <div part="fact"><dt part="fact-label">${v.m('currency')}</dt>
        <dd part="fact-value favorite-currency">${currencyWords(favorite, v)}</dd></div>
      <div part="fact"><dt part="fact-label">${v.m('savedBy')}</dt>
        <dd part="fact-value favorite-saved">${v.m('savedByWhen', { email: favorite.savedBy.email, date: v.dateTime(favorite.createdAt) })}</dd></div>
    </dl>
    ${v.confirmingDelete === id ? renderConfirm(favorite, v) : renderActions(favorite, v)}
    ${v.download(favorite)}
    ${renderFeeds(favorite, v)}
  </li>`;
}

function renderActions(favorite: Favorite, v: CardView): TemplateResult {
  const name = favorite.name;
  return html`<div part="actions favorite-actions">
    <button part="button primary open" type="button" aria-label=${v.m('openLabel', { name })}
      @click=${() => v.open(favorite)}>${v.m('open')}</button>
    <button part="button rename" type="button" aria-label=${v.m('renameLabel', { name })}
      ?disabled=${v.busy} @click=${() => v.startRename(favorite)}>${v.m('rename')}</button>
    <button part="button danger delete" type="button" aria-label=${v.m('deleteLabel', { name })}
      ?disabled=${v.busy} @click=${() => v.askDelete(favorite)}>${v.m('delete')}</button>
  </div>`;
}

function renderRename(favorite: Favorite, v: CardView, headingId: string): TemplateResult {
  const r = v.renaming!;
  const inputId = `favorite-${favorite.id}-rename`;
  return html`<form part="rename-form" novalidate @submit=${(e: Event) => v.rename(e, favorite)}>
    <h3 part="favorite-name" id=${headingId} class="visually-hidden">${favorite.name}</h3>
    <label part="field" for=${inputId}><span part="label">${v.m('newName')}</span></label>
    <div part="rename-row">
      <input part="input rename-input" id=${inputId} maxlength="100" autocomplete="off" .value=${r.value}
        aria-invalid=${r.problem ? 'true' : 'false'} aria-describedby=${`${inputId}-problem`}
        @input=${(e: Event) => v.editName((e.target as HTMLInputElement).value)} />
      <button part="button primary save-name" type="submit" ?disabled=${r.busy}>${v.m('saveName')}</button>
      <button part="button cancel-rename" type="button" @click=${() => v.cancelRename()}>${v.m('cancel')}</button>
    </div>
    <p part="field-error" id=${`${inputId}-problem`}>${r.problem ?? nothing}</p>
  </form>`;
}

function renderConfirm(favorite: Favorite, v: CardView): TemplateResult {
  const textId = `favorite-${favorite.id}-confirm`;
  return html`<div part="confirm" role="group" aria-labelledby=${textId}>
    <p part="confirm-text" id=${textId}>${v.m('confirmDelete', { name: favorite.name })}</p>
    <div part="actions">
      <button part="button danger confirm-yes" type="button" ?disabled=${v.busy}
        @click=${() => v.remove(favorite)}>${v.m('yesDelete')}</button>
      <button part="button confirm-no" type="button" @click=${() => v.cancelDelete()}>${v.m('cancel')}</button>
    </div>
  </div>`;
}

function renderFeeds(favorite: Favorite, v: CardView): TemplateResult | typeof nothing {
  const feeds = v.feeds(favorite);
  if (!feeds) return nothing;
  const link = (kind: 'json' | 'xml') => {
    const id = `favorite-${favorite.id}-feed-${kind}`;
    return html`<div part="feed" data-feed=${kind}>
      <span part="feed-label" id=${`${id}-label`}>${v.m(kind === 'json' ? 'feedJson' : 'feedXml')}</span>
      <code part="feed-link" id=${id} aria-labelledby=${`${id}-label`}>${v.revealed ? feeds[kind] : feeds.masked[kind]}</code>
      ${v.copy(`${favorite.id}-${kind}`, feeds[kind], v.m(kind === 'json' ? 'copyJson' : 'copyXml'))}
    </div>`;
  };
  return html`<section part="feeds" aria-label=${v.m('feeds')}>
    ${link('json')} ${link('xml')}
  </section>`;
}
