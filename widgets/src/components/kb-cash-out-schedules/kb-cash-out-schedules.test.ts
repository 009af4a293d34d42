import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, json, problem, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { darkTokens } from '../../themes/dark.ts';
import { KbCashOutSchedules } from './kb-cash-out-schedules.ts';
import type { CashOutSchedule } from './schedule-words.ts';
import {
  ACCOUNT,
  check,
  DELETE,
  mounted,
  PUT,
  rowPart,
  schedulesApi,
  submit,
  text,
  WEEKLY,
  type State,
} from './schedules-test-kit.ts';

define('kb-cash-out-schedules', KbCashOutSchedules);

describe('<kb-cash-out-schedules>', () => {
  let api: ApiMock | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    await setViewport({ width: 800, height: 600 });
  });

  it('lists each schedule with its plan in words, amounts, next date and last result, under an h3', async () => {
    const monthly: CashOutSchedule = {
      ...WEEKLY,
      id: 'csch_monthly',
      currency: 'USD',
      kind: 'monthly',
      weekdays: [],
      dates: [31, 15],
      min: '20.00',
      max: '500.00',
      enabled: false,
      nextSlot: null,
      lastRun: {
        ...WEEKLY.lastRun!,
        outcome: 'requested',
        reason: null,
        amount: '500.00',
        minimum: null,
        cashOutId: 'cout_1',
      },
    };
    api = schedulesApi({ schedules: [WEEKLY, monthly], twoFactor: true });
    const el = await mounted();
    await find(el, '[part~="schedule-row"]');
    expect(query(el, 'h2'), 'no page heading of its own').to.equal(null);
    expect(text(query(el, 'h3'))).to.equal('Automatic cash-outs');
    expect(text(query(el, '[part~="zone"]'))).to.contain('Europe/Berlin');
    expect(rowPart(el, WEEKLY.id, 'account-name')).to.equal('SEPA •••• 3000');
    expect(rowPart(el, WEEKLY.id, 'plan')).to.equal('Every Wednesday');
    expect(rowPart(el, WEEKLY.id, 'amounts')).to.equal('€50.00 – €10,000.00');
    expect(rowPart(el, WEEKLY.id, 'next')).to.equal('Dec 9, 2026');
    expect(rowPart(el, WEEKLY.id, 'last')).to.equal('Dec 2, 2026: skipped, balance €3.20 below minimum €50.00');
    expect(rowPart(el, monthly.id, 'plan')).to.equal('On the 15th and 31st (last day in shorter months)');
    expect(rowPart(el, monthly.id, 'next')).to.equal('Paused');
    expect(rowPart(el, monthly.id, 'last')).to.equal('Dec 2, 2026: cash-out of $500.00 requested');
    expect(query(el, '[part~="add"]'), 'EUR and USD of the one account are both taken').to.equal(null);
    expect(text(query(el, '[part~="all-taken"]'))).to.contain('Every payment account and currency has a schedule');
  });

  it('adds a weekly schedule with a code; the form offers the method’s currencies and shows its limits', async () => {
    const state: State = { schedules: [], twoFactor: true };
    api = schedulesApi(state, (r) => {
      if (`${r.method} ${r.path}` !== PUT) return undefined;
      const saved = {
        ...WEEKLY,
        id: 'csch_new',
        min: '25.00',
        max: '800.00',
        weekdays: [1, 4],
        lastRun: null,
        nextSlot: '2026-12-03',
      };
      state.schedules = [saved];
      return json(saved);
    });
    const el = await mounted();
    (await find<HTMLButtonElement>(el, '[part~="add"]')).click();
    await find(el, '[part~="schedule-form"]');
    expect(query<HTMLSelectElement>(el, '#sch-account')!.value, 'the only account is chosen').to.equal(ACCOUNT.id);
    const currencies = [...query<HTMLSelectElement>(el, '#sch-currency')!.options].map((o) => o.value);
    expect(currencies).to.deep.equal(['', 'EUR', 'USD']);
    fill(query<HTMLSelectElement>(el, '#sch-currency')!, 'EUR');
    await el.updateComplete;
    expect(text(query(el, '[part~="method-limits"]'))).to.equal('SEPA pays from €10.00 to €10,000.00 per cash-out.');
    check(el, '#sch-weekday-1');
    check(el, '#sch-weekday-4');
    fill(query<HTMLInputElement>(el, '#sch-min')!, '25');
    fill(query<HTMLInputElement>(el, '#sch-max')!, '800');
    query<HTMLInputElement>(el, '#sch-code')!.value = '123 456';
    submit(el, '[part~="schedule-form"]');
    await waitFor(() => api!.sent(PUT).length === 1, 2000, 'the PUT');
    expect(api.sent(PUT)[0]!.body).to.deep.equal({
      paymentAccountId: ACCOUNT.id,
      currency: 'EUR',
      kind: 'weekly',
      weekdays: [1, 4],
      min: '25',
      max: '800',
      code: '123 456',
      enabled: true,
    });
    await find(el, '[data-schedule-id="csch_new"]');
    expect(rowPart(el, 'csch_new', 'plan')).to.equal('Every Monday and Thursday');
    expect(text(query(el, '[part~="success"]'))).to.equal('The schedule for SEPA •••• 3000 in EUR was saved.');
    expect(query(el, '[part~="schedule-form"]')).to.equal(null);
  });

  it('checks the form before sending, and puts the server’s refusals beside their fields', async () => {
    api = schedulesApi({ schedules: [], twoFactor: true }, (r) => {
      if (`${r.method} ${r.path}` !== PUT) return undefined;
      return problem(422, 'validation_failed', 'body.code: not correct', [
        { path: 'body.code', reason: 'wrong_code', message: 'not correct', params: {} },
      ]);
    });
    const el = await mounted();
    (await find<HTMLButtonElement>(el, '[part~="add"]')).click();
    await find(el, '[part~="schedule-form"]');
    fill(query<HTMLSelectElement>(el, '#sch-currency')!, 'USD');
    fill(query<HTMLInputElement>(el, '#sch-min')!, '10');
    fill(query<HTMLInputElement>(el, '#sch-max')!, '6000');
    submit(el, '[part~="schedule-form"]');
    await el.updateComplete;
    const errorOf = (id: string) => text(query(el, `#${id}-error`));
    expect(errorOf('sch-weekdays')).to.equal('Choose at least one day of the week.');
    expect(errorOf('sch-min')).to.equal('At least $20.00: the payment method’s minimum.');
    expect(errorOf('sch-max')).to.equal('At most $5,000.00: the payment method’s maximum.');
    expect(errorOf('sch-code')).to.equal('Enter the code from your authenticator app.');
    fill(query<HTMLInputElement>(el, '#sch-min')!, '300');
    fill(query<HTMLInputElement>(el, '#sch-max')!, '200.5');
    submit(el, '[part~="schedule-form"]');
    await el.updateComplete;
    expect(errorOf('sch-min')).to.equal('The minimum is above the maximum.');
    expect(api.sent(PUT)).to.have.length(0);
    query<HTMLInputElement>(el, '#sch-kind-daily')!.click();
    fill(query<HTMLInputElement>(el, '#sch-max')!, '300.00');
    query<HTMLInputElement>(el, '#sch-code')!.value = '000000';
    submit(el, '[part~="schedule-form"]');
    await waitFor(() => errorOf('sch-code') === 'That code is not right or was used already. Wait for the next one.');
    expect(api.sent(PUT)[0]!.body).to.include({ kind: 'daily', min: '300', max: '300.00' });
    expect(api.sent(PUT)[0]!.body).not.to.have.property('weekdays');
  });

  it('edits a schedule into a monthly one on the 15th and 31st', async () => {
    const state: State = { schedules: [{ ...WEEKLY, currency: 'USD', id: 'csch_usd' }, WEEKLY], twoFactor: true };
    api = schedulesApi(state, (r) => {
      if (`${r.method} ${r.path}` !== PUT) return undefined;
      return json({ ...WEEKLY, kind: 'monthly', weekdays: [], dates: [15, 31], nextSlot: '2026-12-15' });
    });
    const el = await mounted();
    await find(el, '[part~="schedule-row"]');
    query<HTMLButtonElement>(el, `[data-schedule-id="${WEEKLY.id}"] [part~="edit"]`)!.click();
    await find(el, '[part~="schedule-form"]');
    expect(text(query(el, '[part~="form-heading"]'))).to.equal('Edit the automatic cash-out to SEPA •••• 3000 in EUR');
    expect(query(el, '#sch-account'), 'a schedule is its account and currency').to.equal(null);
    expect(query<HTMLInputElement>(el, '#sch-weekday-3')!.checked).to.equal(true);
    query<HTMLInputElement>(el, '#sch-kind-monthly')!.click();
    await el.updateComplete;
    expect(query(el, '[part~="date-grid"]')!.querySelectorAll('input')).to.have.length(31);
    expect(text(query(el, '#sch-dates-hint'))).to.contain('last day of shorter months');
    check(el, '#sch-date-31');
    check(el, '#sch-date-15');
    query<HTMLInputElement>(el, '#sch-code')!.value = '654321';
    submit(el, '[part~="schedule-form"]');
    await waitFor(() => rowPart(el, WEEKLY.id, 'plan') === 'On the 15th and 31st (last day in shorter months)');
    expect(api.sent(PUT)[0]!.body).to.deep.include({ kind: 'monthly', dates: [15, 31], min: '50.00', max: '10000.00' });
    expect(rowPart(el, 'csch_usd', 'plan'), 'the other schedule stays').to.equal('Every Wednesday');
  });

  it('deletes after asking, with a code', async () => {
    const state: State = { schedules: [WEEKLY], twoFactor: true };
    api = schedulesApi(state, (r) => (`${r.method} ${r.path}` === DELETE ? json(WEEKLY) : undefined));
    const el = await mounted();
    await find(el, '[part~="schedule-row"]');
    query<HTMLButtonElement>(el, '[part~="delete"]')!.click();
    await find(el, '[part~="delete-confirm"]');
    expect(text(query(el, '[part~="confirm-text"]'))).to.equal(
      'Delete the automatic cash-out to SEPA •••• 3000 in EUR? Cash-outs it made stay.',
    );
    submit(el, '[part~="delete-confirm"]');
    await el.updateComplete;
    expect(api.sent(DELETE)).to.have.length(0);
    expect(text(query(el, `#sch-delete-code-${WEEKLY.id}-error`))).to.equal(
      'Enter the code from your authenticator app.',
    );
    query<HTMLInputElement>(el, `#sch-delete-code-${WEEKLY.id}`)!.value = '111222';
    submit(el, '[part~="delete-confirm"]');
    await waitFor(() => query(el, '[part~="schedule-row"]') === null);
    expect(api.sent(DELETE)[0]!.body).to.deep.equal({ code: '111222' });
    expect(text(query(el, '[part~="success"]'))).to.equal('The schedule for SEPA •••• 3000 in EUR was deleted.');
    expect(text(query(el, '[part~="empty"]'))).to.contain('No automatic cash-outs yet.');
  });

  it('an analyst sees the list without buttons; 2FA off is said with a link to Security', async () => {
    api = schedulesApi({ schedules: [WEEKLY], twoFactor: false });
    const reader = await mounted({ role: 'analyst' });
    await find(reader, '[part~="schedule-row"]');
    expect(query(reader, '[part~="edit"]')).to.equal(null);
    expect(query(reader, '[part~="add"]')).to.equal(null);
    expect(text(query(reader, '[part~="read-only"]'))).to.contain('see the schedules only');
    cleanupFixtures();
    const owner = await mounted();
    await find(owner, '[part~="tfa-off"]');
    expect(query<HTMLAnchorElement>(owner, '[part~="security-link"]')!.getAttribute('href')).to.equal('#/security');
  });

  it('speaks Russian: plans, amounts and results', async () => {
    // Schedules of an account deleted since: USD of the live one stays free to add.
    const gone = { id: 'pacc_old', summary: null, method: null };
    const daily = { ...WEEKLY, id: 'csch_daily', kind: 'daily' as const, weekdays: [], paymentAccount: gone };
    const monthly = {
      ...WEEKLY,
      id: 'csch_m',
      kind: 'monthly' as const,
      weekdays: [],
      dates: [29],
      paymentAccount: gone,
    };
    api = schedulesApi({ schedules: [{ ...WEEKLY, weekdays: [1, 3, 5] }, daily, monthly], twoFactor: true });
    const el = await mounted({ locale: 'ru' });
    await find(el, '[part~="schedule-row"]');
    expect(text(query(el, 'h3'))).to.equal('Автоматический вывод');
    expect(rowPart(el, WEEKLY.id, 'plan')).to.equal('По понедельникам, средам и пятницам');
    expect(rowPart(el, 'csch_daily', 'plan')).to.equal('Каждый день');
    expect(rowPart(el, 'csch_daily', 'account-name')).to.equal('Платёжный счёт удалён');
    expect(rowPart(el, 'csch_m', 'plan')).to.equal(
      'Каждый месяц 29-го числа (в более коротких месяцах — в последний день)',
    );
    expect(rowPart(el, WEEKLY.id, 'last')).to.match(
      /^2 дек\. 2026 г\.: пропущено, баланс 3,20 € меньше минимума 50,00 €$/,
    );
    (await find<HTMLButtonElement>(el, '[part~="add"]')).click();
    await find(el, '[part~="schedule-form"]');
    query<HTMLInputElement>(el, '#sch-kind-weekly')!.click();
    await el.updateComplete;
    expect(text(query(el, '[for="sch-weekday-3"]'))).to.equal('Среда');
  });

  it('390 px in the dark theme: each schedule is a card, the form and its dates fit, and it reads the tokens', async () => {
    await setViewport({ width: 390, height: 844 });
    api = schedulesApi({ schedules: [{ ...WEEKLY, currency: 'USD', id: 'csch_usd' }], twoFactor: true });
    const el = await mounted();
    el.setAttribute('style', darkTokens.cssText.replace(/\n/g, ' '));
    await find(el, '[part~="schedule-row"]');
    expect(getComputedStyle(query(el, '[part~="schedule-row"]')!).display).to.equal('grid');
    expect(getComputedStyle(query(el, '[part~="plan"]')!).color).to.equal('rgb(232, 234, 238)');
    (await find<HTMLButtonElement>(el, '[part~="add"]')).click();
    await find(el, '[part~="schedule-form"]');
    query<HTMLInputElement>(el, '#sch-kind-monthly')!.click();
    await el.updateComplete;
    const grid = query(el, '[part~="date-grid"]')!;
    expect(grid.getBoundingClientRect().right).to.be.at.most(390);
    expect(grid.scrollWidth).to.be.at.most(grid.clientWidth);
    expect(query(el, '[part~="table-wrap"]')!.scrollWidth).to.be.at.most(390);
    expect(el.scrollWidth).to.be.at.most(390);
  });
});
