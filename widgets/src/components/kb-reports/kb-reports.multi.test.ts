/**
 * Several campaigns and countries at once: the multi-select by keyboard and by tap (on a phone
 * too), the lists in the query and in the address, the promos of the chosen campaigns.
 */
import { define } from '../../internal/base-element.ts';
import { KbReports } from './kb-reports.ts';
import { KbStatsChart } from '../../internal/statistics/kb-stats-chart.ts';
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { $in, afterEach, deepActiveElement, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { eachTestApi, fakeStatisticsApi, mountAddressed } from '../../internal/statistics/statistics-test-kit.ts';
import { answer, submit, tableCalls, tick } from './reports-test-kit.ts';

define('kb-reports', KbReports);
define('kb-stats-chart', KbStatsChart);

const details = (el: Element, key: string) => $in<HTMLDetailsElement>(el, `#report-${key}`);
const summary = (el: Element, key: string) => $in(el, `#report-${key} [part~="multi-summary"]`);
const ticked = (el: Element, key: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`#report-${key} input:checked`)].map((i) => i.value);

const opened = (query = '') => mountAddressed<KbReports>('kb-reports', 'reports', query, '[part~="report-row"]');

describe('<kb-reports> with several campaigns and countries', () => {
  const stub = eachTestApi();
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('by keyboard: Enter opens, Tab and Space tick, Escape closes on the summary; the lists go to the API and the address', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const { el, address } = await opened();
    const box = summary(el, 'campaignId');
    expect(box.getAttribute('aria-labelledby')).to.equal('report-campaignId-label report-campaignId-value');
    expect(box.textContent?.trim()).to.equal('Any');
    box.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => details(el, 'campaignId').open, 1000, 'open');
    await sendKeys({ press: 'Tab' });
    expect((deepActiveElement() as HTMLInputElement).value).to.equal('camp_1');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(ticked(el, 'campaignId')).to.deep.equal(['camp_1', 'camp_2']);
    expect(summary(el, 'campaignId').textContent?.trim()).to.equal('2 selected');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !details(el, 'campaignId').open, 1000, 'closed by Escape');
    expect(deepActiveElement()).to.equal(summary(el, 'campaignId'));

    tick(el, 'country', 'DE');
    tick(el, 'country', 'AT');
    await el.updateComplete;
    submit(el);
    await waitFor(() => tableCalls(api).length === 2);
    const sent = tableCalls(api)[1]!.query;
    expect(sent.get('campaignId')).to.equal('camp_1,camp_2');
    expect(sent.get('country'), 'in the options’ order').to.equal('AT,DE');
    expect(address.moves.at(-1)!.query).to.equal(
      'period=last_30_days&groupBy=day&campaignId=camp_1,camp_2&country=AT,DE&currency=EUR',
    );
  });

  it('a link with lists ticks them; the promos are those of the chosen campaigns; Clear unticks all', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const { el } = await opened('period=last_7_days&groupBy=day&campaignId=camp_2,camp_1&country=FR');
    expect(tableCalls(api)[0]!.query.get('campaignId')).to.equal('camp_2,camp_1');
    expect(tableCalls(api)[0]!.query.get('country')).to.equal('FR');
    expect(ticked(el, 'campaignId')).to.deep.equal(['camp_1', 'camp_2']);
    expect(summary(el, 'country').textContent?.trim(), 'one: its name').to.equal('France');
    const promos = [...$in<HTMLSelectElement>(el, '#report-promoId').options].map((o) => o.value);
    expect(promos).to.deep.equal(['', 'promo_1', 'promo_2', 'promo_3']);

    summary(el, 'campaignId').click();
    await waitFor(() => details(el, 'campaignId').open);
    tick(el, 'campaignId', 'camp_1');
    await el.updateComplete;
    const left = [...$in<HTMLSelectElement>(el, '#report-promoId').options].map((o) => o.value);
    expect(left, 'camp_2’s promo only').to.deep.equal(['', 'promo_3']);
    $in<HTMLButtonElement>(el, '#report-campaignId [part~="multi-clear"]').click();
    await el.updateComplete;
    expect(ticked(el, 'campaignId')).to.deep.equal([]);
    expect(summary(el, 'campaignId').textContent?.trim()).to.equal('Any');
  });

  it('an address with too long a list keeps fifty values at most, each as long as a value may be', async () => {
    const api = stub(fakeStatisticsApi(answer));
    const many = Array.from({ length: 80 }, (_, i) => `camp_${i}`).join(',');
    await opened(`period=last_7_days&groupBy=day&campaignId=${many},,${'x'.repeat(100)}`);
    const sent = tableCalls(api)[0]!.query.get('campaignId')!.split(',');
    expect(sent.length).to.equal(50);
    expect(sent[0]).to.equal('camp_0');
  });

  it('390 px: the list opens at the field’s width inside the screen, rows a finger can hit; a tap outside closes it', async () => {
    await setViewport({ width: 390, height: 844 });
    stub(fakeStatisticsApi(answer));
    const { el } = await opened();
    summary(el, 'country').click();
    await waitFor(() => details(el, 'country').open);
    const list = $in(el, '#report-country [part~="multi-options"]').getBoundingClientRect();
    expect(list.left).to.be.at.least(0);
    expect(list.right).to.be.at.most(390);
    for (const row of el.shadowRoot!.querySelectorAll('#report-country [part~="multi-option"]'))
      expect(row.getBoundingClientRect().height).to.be.at.least(40);
    tick(el, 'country', 'FR');
    await new Promise(requestAnimationFrame); // the toggle event
    expect(details(el, 'country').open, 'ticking keeps it open').to.equal(true);
    $in(el, '[part~="heading"]').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await waitFor(() => !details(el, 'country').open, 1000, 'closed by a tap outside');
    expect(summary(el, 'country').textContent?.trim()).to.equal('France');
  });
});
