/**
 * The report's filter fields (period, partner for operators, brand, plan, campaign, promo, promo
 * code, country, device, operating system, landing, traffic source) and its currency choice, their
 * values from the options endpoint (countries, devices and systems: those seen in the traffic).
 * Campaigns and countries take several values (multi-select.ts); the others one each.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../i18n.ts';
import { selectField, textField } from '../../campaign/campaign-fields.ts';
import { renderPeriodPicker, type PeriodChoice } from '../period-picker.ts';
import type { StatisticsKey } from '../statistics.messages.ts';
import { countryName } from '../format.ts';
import { DEVICES, type Device, type ReportOptions } from '../statistics-types.ts';
import { listOf, multiSelectField } from './multi-select.ts';
import type { ReportsKey } from './report.messages.ts';
import type { ReportFilterValues, ReportSetup } from './report-setup.ts';

export interface FiltersView {
  locale: Locale;
  m(key: ReportsKey, params?: Record<string, string | number>): string;
  s(key: StatisticsKey): string;
  options: ReportOptions;
  setup: ReportSetup;
  /** Problems by field (`from`, `to`, `ratesDate`, `promoCode`…), ours or the server's. */
  errors: Record<string, string | undefined>;
  changePeriod(change: Partial<PeriodChoice>): void;
  changeFilters(change: Partial<ReportFilterValues>): void;
  changeSetup(change: Partial<Pick<ReportSetup, 'currency' | 'ratesDate' | 'parameter'>>): void;
}

type Named = ReadonlyArray<{ id: string; name: string }>;

/** A filter of several values (campaigns, countries): ids comma-separated, as the API and the address take them. */
function pickSeveral(
  v: FiltersView,
  key: 'campaignId' | 'country',
  label: ReportsKey,
  items: Named,
  onChange?: (value: string) => void,
): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return multiSelectField({
    id: `report-${key}`,
    label: v.m(label),
    value: v.setup.filters[key],
    items,
    words: {
      any: v.m('multi.any'),
      several: (count) => v.m('multi.several', { count }),
      clear: v.m('multi.clear'),
    },
    onChange: onChange ?? ((value) => v.changeFilters({ [key]: value })),
  });
}

function pick(
  v: FiltersView,
  key: keyof ReportFilterValues,
  label: ReportsKey,
  items: Named,
  onChange?: (value: string) => void,
): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return selectField({
    id: `report-${key}`,
    name: key,
    label: v.m(label),
    value: v.setup.filters[key],
    options: [['', v.m('any')], ...items.map((i) => [i.id, i.name] as const)],
    onChange: onChange ?? ((value) => v.changeFilters({ [key]: value })),
  });
}

export function renderFilterFields(v: FiltersView): TemplateResult {
  const { options, setup } = v;
  const f = setup.filters;
  const campaigns = listOf(f.campaignId);
  const promos = campaigns.length ? options.promos.filter((p) => campaigns.includes(p.campaignId)) : options.promos;
  const chooseCampaign = (campaignId: string) => {
    const chosen = listOf(campaignId);
    const promo = options.promos.find((p) => p.id === f.promoId);
    // A promo of a campaign no longer chosen would match nothing: it goes with the campaign change.
    const stale = promo && chosen.length > 0 && !chosen.includes(promo.campaignId);
    v.changeFilters({ campaignId, promoId: stale ? '' : f.promoId });
  };
  return html`${renderPeriodPicker({
    id: 'report',
    locale: v.locale,
    value: setup.period,
    error: v.errors.to ?? null,
    fromError: v.errors.from ?? null,
    onChange: (change) => v.changePeriod(change),
  })}
    ${pick(v, 'partnerId', 'partner', options.partners)}
    ${pick(v, 'brandId', 'brand', options.brands)}
    ${pick(v, 'planId', 'plan', options.plans)}
    ${pickSeveral(v, 'campaignId', 'campaign', options.campaigns, chooseCampaign)}
    ${pick(v, 'promoId', 'promo', promos)}
    ${textField({
      id: 'report-promoCode',
      name: 'promoCode',
      label: v.m('promoCode'),
      value: f.promoCode,
      maxlength: 40,
      error: v.errors.promoCode ?? null,
      onInput: (promoCode) => v.changeFilters({ promoCode }),
    })}
    ${pickSeveral(
      v,
      'country',
      'country',
      options.countries
        .map((code) => ({ id: code, name: countryName(v.locale, code) }))
        .sort((a, b) => a.name.localeCompare(b.name, v.locale)),
    )}
    ${pick(
      v,
      'device',
      'device',
      options.devices.map((d) => ({
        id: d,
        name: (DEVICES as readonly string[]).includes(d) ? v.s(`device.${d as Device}`) : d,
      })),
    )}
    ${pick(
      v,
      'os',
      'os',
      options.operatingSystems.map((os) => ({ id: os, name: os })),
    )}
    ${pick(v, 'landingId', 'landing', options.landings)}
    ${pick(v, 'trafficSourceId', 'trafficSource', options.trafficSources)}`;
}

/** Each currency on its own, or everything converted to one at one date's rates. */
export function renderCurrencyFields(v: FiltersView): TemplateResult {
  const { options, setup } = v;
  const currencies = [
    ...new Set([...(options.defaultCurrency ? [options.defaultCurrency] : []), ...options.currencies]),
  ];
  const { first, last } = options.ratesDates;
  return html`${selectField({
    id: 'report-currency',
    name: 'currency',
    label: v.m('currency'),
    value: setup.currency,
    options: [
      ['', v.m('currency.each')],
      ...currencies.map((c) => [c, v.m('currency.convert', { currency: c })] as const),
    ],
    onChange: (currency) => v.changeSetup({ currency }),
  })}
    ${
      setup.currency
        ? html`<div part="field">
            <label part="label" for="report-ratesDate">${v.m('ratesDate')}</label>
            <input part="input" id="report-ratesDate" name="ratesDate" type="date" .value=${setup.ratesDate}
              min=${first ?? nothing} max=${last ?? nothing}
              aria-describedby=${v.errors.ratesDate ? 'report-ratesDate-hint report-ratesDate-error' : 'report-ratesDate-hint'}
              aria-invalid=${v.errors.ratesDate ? 'true' : 'false'}
              @input=${(e: Event) => v.changeSetup({ ratesDate: (e.target as HTMLInputElement).value })} />
            <p part="hint" id="report-ratesDate-hint">${v.m('ratesDateHint')}</p>
            ${v.errors.ratesDate ? html`<p part="field-error" id="report-ratesDate-error">${v.errors.ratesDate}</p>` : nothing}
          </div>`
        : nothing
    }`;
}
