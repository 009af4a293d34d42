/**
 * The money screens in real Chromium against a real server with the demo data: the partner's bills
 * (`<kb-bills>`), sub-affiliates and plans in the hosted portal, and the operator console's bills and
 * plans panels (`<kb-bills-console>`, `<kb-plans-console>` on the demo's /operator/ page, through the
 * demo backend's proxy). What the screens show is checked against the database file's rows and the
 * Operator API asked with the secret key, never against numbers read from the UI itself. One server,
 * one browser, one portal page and one console page for the whole file (the tests run in order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { DEMO_OPERATORS } from '../../demo/seed.ts';
import { currencyExponent } from '../../core/lib/money.ts';
import { billCorrections, billLines, bills, type BillRow } from '../../core/modules/billing/table.ts';
import { auditEvents, partners } from '../../core/modules/identity/table.ts';
import { launchChromium, pickAccountEntry, signInToDemoPortal } from '../helpers/browser.ts';
import { startLiveServer } from '../helpers/live-server.ts';

const lucky = DEMO_OPERATORS[0]!;
let server: Awaited<ReturnType<typeof startLiveServer>>;
let browser: Browser;
/** The demo partner signed in to the hosted portal, and the operator console: shared by the tests below. */
let portal: Page;
let operatorPage: Page;
const pageErrors: string[] = [];

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return page;
}

beforeAll(async () => {
  // More clicks than the default: the demo partner then has corrected and approved bills of its own.
  [server, browser] = await Promise.all([startLiveServer({ KABINET_SEED_CLICKS: '8000' }), launchChromium()]);
  [portal, operatorPage] = await Promise.all([newPage(), newPage()]);
  await Promise.all([signInToDemoPortal(portal, server.baseUrl), operatorPage.goto(`${server.baseUrl}/operator/`)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** `expect.poll` with room for a first load on a slow machine. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

// ---- Independent readings: the database file and the Operator API with the secret key ----

const toPayMinor = (b: BillRow) => b.issuedMinor + b.correctionsMinor;
const priced = (b: BillRow) => b.waitingFor === null;

async function dbBills(partnerId?: string): Promise<BillRow[]> {
  return server.deps.db
    .select()
    .from(bills)
    .where(and(eq(bills.operatorId, lucky.id), partnerId ? eq(bills.partnerId, partnerId) : undefined));
}

async function dbBill(billId: string): Promise<BillRow> {
  const [row] = await server.deps.db.select().from(bills).where(eq(bills.id, billId));
  return row!;
}

async function apiBill(billId: string) {
  const res = await fetch(`${server.baseUrl}/v1/bills/${billId}`, {
    headers: { authorization: `Bearer ${lucky.apiKey}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { state: string; toPay: string; corrections: string; currency: string };
}

async function apiBillAction(billId: string, action: string) {
  return fetch(`${server.baseUrl}/v1/bills/${billId}/state`, {
    method: 'POST',
    headers: { authorization: `Bearer ${lucky.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action }),
  });
}

/** A decimal string of the API (`"12.50"`) in minor units, without floats. */
function decimalMinor(decimal: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace(/^[-+]/, '').split('.');
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0').slice(0, exponent) || '0');
  return negative ? -minor : minor;
}

/** An amount as a screen writes it (`€1,234.50`, `-€51.27`, `320.01 USDT`) in minor units. */
function shownMinor(text: string, currency: string): number {
  const negative = /[-\u2212]/.test(text);
  const digits = text.replace(/[^\d.]/g, '');
  expect(digits, `an amount in "${text}"`).toMatch(/^\d+(\.\d+)?$/);
  return decimalMinor(`${negative ? '-' : ''}${digits}`, currency);
}

/** The amount inside a cell or fact (its `money` part; the coin mark beside it left out). */
async function moneyIn(scope: Locator, currency: string): Promise<number> {
  return shownMinor((await scope.locator('[part~="money"]').first().textContent()) ?? '', currency);
}

/** The state a badge inside `scope` shows (`state-approved` → `approved`). */
async function stateIn(scope: Locator): Promise<string | undefined> {
  const part = (await scope.locator('[part~="state-badge"]').first().getAttribute('part')) ?? '';
  return /state-(\w+)$/.exec(part.split(' ').find((p) => p !== 'state-badge') ?? '')?.[1];
}

// ---- The partner's screens ----

const partnerBills = () => portal.locator('kb-bills');

async function goPortal(route: string): Promise<void> {
  await portal.goto(`${server.baseUrl}/portal/${lucky.id}#/${route}`);
}

type ShownList = Record<string, { state: string | undefined; toPay: number | null }>;

/**
 * A bills table (the partner's or the console's) as shown, read in one go: bill id → state and amount
 * to pay (null: "Not priced yet"), each amount read in its bill's currency (from the database).
 */
async function shownBills(scope: Locator): Promise<ShownList> {
  const rows = await scope.locator('[part~="bill-row"]').evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-bill-id') ?? '',
      badge: tr.querySelector('[part~="bill-state"] [part~="state-badge"]')?.getAttribute('part') ?? '',
      money: tr.querySelector('[part~="bill-to-pay"] [part~="money"]')?.textContent ?? null,
    })),
  );
  const out: ShownList = {};
  for (const row of rows) {
    const { currency } = await dbBill(row.id);
    out[row.id] = {
      state: /\bstate-(?!badge\b)(\w+)/.exec(row.badge)?.[1],
      toPay: row.money === null ? null : shownMinor(row.money, currency),
    };
  }
  return out;
}

const shownBillList = () => shownBills(partnerBills());

const listOf = (rows: BillRow[]) =>
  Object.fromEntries(rows.map((b) => [b.id, { state: b.state, toPay: priced(b) ? toPayMinor(b) : null }]));

/** The facts, lines and corrections of the bill page the partner has open, against the database's rows. */
async function expectPartnerBillPage(billId: string): Promise<{ corrections: number }> {
  const page = partnerBills().locator(`[part~="bill"][data-bill-id="${billId}"]`);
  await page.waitFor();
  const bill = await dbBill(billId);
  const lines = await server.deps.db.select().from(billLines).where(eq(billLines.billId, billId));
  const corrections = await server.deps.db.select().from(billCorrections).where(eq(billCorrections.billId, billId));
  const fact = (name: string) => page.locator(`[part~="fact-${name}"] [part~="fact-value"]`);
  const issued = await moneyIn(fact('issued'), bill.currency);
  const corrected = await moneyIn(fact('corrections'), bill.currency);
  const toPay = await moneyIn(fact('to-pay'), bill.currency);
  expect({ issued, corrected, toPay }).toEqual({
    issued: bill.issuedMinor,
    corrected: bill.correctionsMinor,
    toPay: toPayMinor(bill),
  });
  expect(await stateIn(fact('state'))).toBe(bill.state);

  // The lines: one per database line, worded, adding up to what was issued.
  const shownLines = await page.locator('[part~="lines"] [part~="line"]').all();
  expect(shownLines).toHaveLength(lines.length);
  let linesSum = 0;
  for (const line of shownLines) {
    expect(((await line.locator('[part~="line-text"]').textContent()) ?? '').trim()).not.toBe('');
    linesSum += await moneyIn(line.locator('[part~="line-amount"]'), bill.currency);
  }
  expect(linesSum).toBe(bill.issuedMinor);

  // The corrections: each database row, with its action; the amount to pay is issued ± them.
  const shownCorrections = await page.locator('[part~="corrections"] [part~="correction"]').all();
  expect(shownCorrections).toHaveLength(corrections.length);
  let signed = 0;
  for (const row of shownCorrections) {
    const id = await row.getAttribute('data-correction-id');
    const stored = corrections.find((c) => c.id === id);
    expect(stored, `correction ${id}`).toBeDefined();
    const action = ((await row.locator('[part~="correction-action"]').textContent()) ?? '').trim();
    expect(action).toBe(stored!.action === 'add' ? 'Add' : 'Subtract');
    const amount = await moneyIn(row.locator('[part~="correction-amount"]'), bill.currency);
    expect(amount).toBe(stored!.amountMinor);
    signed += action === 'Add' ? amount : -amount;
  }
  if (corrections.length === 0) await page.locator('[part~="no-corrections"]').waitFor();
  expect(corrected).toBe(signed);
  expect(toPay).toBe(issued + signed);
  return { corrections: corrections.length };
}

// ---- The operator console ----

const billsConsole = () => operatorPage.locator('kb-bills-console');
const billPanel = () => billsConsole().locator('[part~="bill-panel"]');

interface ApiBillList {
  data: Array<{ id: string; state: string; toPay: string; currency: string; waitingFor: unknown }>;
  totals: Array<{ currency: string; toPay: string; count: number }>;
}

/**
 * The console's list under a state filter ('' all), for one partner or all, for periods starting in
 * [from, to]; done once the list shows what the Operator API answers the same filter with (so a row
 * is never clicked while the previous filter's list is being replaced). Returns that answer.
 */
async function consoleFilter(
  state: string,
  o: { partnerId?: string; from?: string; to?: string } = {},
): Promise<ApiBillList> {
  const c = billsConsole();
  await c.locator(`#bills-partnerId option[value="${o.partnerId ?? ''}"]`).waitFor({ state: 'attached' });
  await c.locator('#bills-partnerId').selectOption(o.partnerId ?? '');
  await c.locator('#bills-state').selectOption(state);
  await c.locator('#bills-from').fill(o.from ?? '');
  await c.locator('#bills-to').fill(o.to ?? '');
  await c.locator('[part~="apply"]').click();
  const query = new URLSearchParams(Object.entries({ state, ...o }).filter(([, v]) => v) as Array<[string, string]>);
  const res = await fetch(`${server.baseUrl}/v1/bills?${query}`, {
    headers: { authorization: `Bearer ${lucky.apiKey}` },
  });
  expect(res.status).toBe(200);
  const api = (await res.json()) as ApiBillList;
  const wanted = api.data.map((b) => [
    b.id,
    { state: b.state, toPay: b.waitingFor ? null : decimalMinor(b.toPay, b.currency) },
  ]);
  await poll(() => shownBills(c)).toEqual(Object.fromEntries(wanted));
  return api;
}

/** Opens a bill's panel from its row in the console's list. */
async function consoleOpen(billId: string): Promise<void> {
  await billsConsole().locator(`[part~="bill-row"][data-bill-id="${billId}"] [part~="open"]`).click();
  await billPanel().locator(`[part~="fact-id"] code`, { hasText: billId }).waitFor();
}

const panelFact = (name: string) => billPanel().locator(`[part~="fact-${name}"] [part~="fact-value"]`);

describe('the money screens in the browser', { timeout: 120_000 }, () => {
  let demoBills: BillRow[];
  /** Pending bills with an amount, set aside for the console's tests (approve, correct, cancel, a refused approval). */
  const chosen: Record<'approve' | 'correct' | 'cancel' | 'stale', BillRow> = {} as never;

  beforeAll(async () => {
    demoBills = await dbBills(lucky.partnerId);
    const open = (b: BillRow) => b.state === 'pending' && priced(b) && toPayMinor(b) > 0;
    const mine = demoBills.filter(open).sort((a, b) => a.id.localeCompare(b.id));
    const others = (await dbBills()).filter((b) => b.partnerId !== lucky.partnerId && open(b));
    expect(mine.length, 'pending bills of the demo partner').toBeGreaterThanOrEqual(2);
    expect(others.length, 'pending bills of other partners').toBeGreaterThanOrEqual(2);
    Object.assign(chosen, { approve: mine[0], correct: mine[1], cancel: others[0], stale: others[1] });
  });

  it('the partner’s bills list shows each of its bills with its state, amount and the totals; the state and brand filters narrow it', async () => {
    await goPortal('bills');
    const wanted = listOf(demoBills);
    expect(Object.keys(wanted).length).toBeGreaterThan(2);
    await poll(() => shownBillList()).toEqual(wanted);

    // The totals per currency: the bills that are not cancelled, added up here.
    const totals = new Map<string, number>();
    for (const b of demoBills.filter((x) => x.state !== 'cancelled' && priced(x)))
      totals.set(b.currency, (totals.get(b.currency) ?? 0) + toPayMinor(b));
    for (const [currency, minor] of totals) {
      const line = partnerBills().locator(`[part~="total"][data-currency="${currency}"]`);
      expect(await moneyIn(line, currency), currency).toBe(minor);
    }

    // The state the fewest of its bills are in (never all of them): the list narrows to those.
    const byState = new Map<string, BillRow[]>();
    for (const b of demoBills) byState.set(b.state, [...(byState.get(b.state) ?? []), b]);
    const [state, inState] = [...byState].sort(([, a], [, b]) => a.length - b.length)[0]!;
    expect(inState.length).toBeLessThan(demoBills.length);
    const form = partnerBills().locator('[part~="filters"]');
    await form.locator('#bills-state').selectOption(state);
    await form.locator('[part~="apply"]').click();
    await poll(() => shownBillList()).toEqual(listOf(inState));

    // A brand (the one with the fewest of its bills): its bills only, in any state.
    const byBrand = new Map<string, number>();
    for (const b of demoBills) byBrand.set(b.brandId, (byBrand.get(b.brandId) ?? 0) + 1);
    const [brandId] = [...byBrand].sort(([, a], [, b]) => a - b)[0]!;
    await form.locator('#bills-state').selectOption('');
    await form.locator('#bills-brand').selectOption(brandId);
    await form.locator('[part~="apply"]').click();
    await poll(() => shownBillList()).toEqual(listOf(demoBills.filter((b) => b.brandId === brandId)));
    // And back to every brand: the whole list again.
    await form.locator('#bills-brand').selectOption('');
    await form.locator('[part~="apply"]').click();
    await poll(() => shownBillList()).toEqual(wanted);
  });

  it('a partner’s bill opens on its lines and corrections, and its amount to pay is issued ± the corrections', async () => {
    await goPortal('bills');
    // A bill with corrections when the demo made one on the partner's bills, else one with lines.
    const lines = await server.deps.db.select({ billId: billLines.billId }).from(billLines);
    const bill =
      demoBills.find((b) => b.correctionsMinor !== 0) ??
      demoBills.find((b) => priced(b) && lines.some((l) => l.billId === b.id))!;
    await partnerBills().locator(`[part~="bill-row"][data-bill-id="${bill.id}"] [part~="open"]`).click();
    await poll(() => portal.url()).toContain(`#/bills/${bill.id}`);
    await expectPartnerBillPage(bill.id);
    await partnerBills().locator('[part~="back"]').click();
    await partnerBills().locator('[part~="bill-row"]').first().waitFor();
  });

  it('the console lists bills by period and state as the Operator API does, with the totals it answers', async () => {
    const day = chosen.approve.periodStart;
    for (const state of ['', 'pending']) {
      // The rows (each bill's state and amount to pay) are compared inside consoleFilter.
      const api = await consoleFilter(state, { from: day, to: day });
      expect(api.data.length, `bills of ${day} ${state}`).toBeGreaterThan(0);
      for (const t of api.totals) {
        const line = billsConsole().locator(`[part~="total"][data-currency="${t.currency}"]`);
        expect(await moneyIn(line, t.currency), `${state} ${t.currency}`).toBe(decimalMinor(t.toPay, t.currency));
      }
    }
  });

  it('the console approves a pending bill: the API has it approved, and the partner sees it approved and in Activity', async () => {
    const bill = chosen.approve;
    const approvedBefore = await server.deps.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, lucky.partnerId), eq(auditEvents.type, 'bill_approved')));

    await consoleFilter('pending', { partnerId: lucky.partnerId });
    await consoleOpen(bill.id);
    expect(await moneyIn(panelFact('to-pay'), bill.currency)).toBe(toPayMinor(bill));
    await billPanel().locator('[part~="action-approve"]').click();
    // Confirmed first, naming the amount that will be credited.
    const confirm = billPanel().locator('[part~="confirm"]');
    expect(await moneyInText(confirm, bill.currency)).toBe(toPayMinor(bill));
    await confirm.locator('[part~="confirm-yes"]').click();
    await panelFact('state').locator('[part~="state-approved"]').waitFor();
    expect((await apiBill(bill.id)).state).toBe('approved');
    expect((await dbBill(bill.id)).state).toBe('approved');
    // Approved: only "Mark paid" is left.
    expect(await billPanel().locator('[part~="action"]').allTextContents()).toEqual(['Mark paid']);
    await poll(() =>
      stateIn(billsConsole().locator(`[part~="bill-row"][data-bill-id="${bill.id}"] [part~="bill-state"]`)),
    ).toBe('approved');

    // The partner: the bill's page says approved; Activity lists the approval.
    await goPortal(`bills/${bill.id}`);
    await poll(() => stateIn(partnerBills().locator('[part~="fact-state"]'))).toBe('approved');
    await expectPartnerBillPage(bill.id);
    await pickAccountEntry(portal, 'Activity');
    const activity = portal.locator('kb-activity');
    await activity.locator('#events-type').selectOption('bill_approved');
    await activity.locator('[part~="apply"]').click();
    const approvals = activity.locator('[part~="event-row"]');
    // Only approvals, one more than before (the rows read at once: the list is swapped when the filter applies).
    const types = () => approvals.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-type')));
    await poll(types).toEqual(Array(approvedBefore.length + 1).fill('bill_approved'));
    expect(((await approvals.first().locator('[part~="event-type"]').textContent()) ?? '').trim()).toBe(
      'Bill approved',
    );
  });

  it('a correction added in the console changes the amount to pay in the console, the API and the partner’s bill', async () => {
    const bill = chosen.correct;
    const before = toPayMinor(await dbBill(bill.id));
    await consoleFilter('pending', { partnerId: lucky.partnerId });
    await consoleOpen(bill.id);
    const form = billPanel().locator('[part~="correction-form"]');
    const correct = async (action: 'add' | 'subtract', amount: string, comment: string) => {
      const count = await billPanel().locator('[part~="correction"]').count();
      await form.locator('#correction-action').selectOption(action);
      await form.locator('#correction-amount').fill(amount);
      await form.locator('#correction-comment').fill(comment);
      await form.locator('[part~="submit-correction"]').click();
      await poll(() => billPanel().locator('[part~="correction"]').count()).toBe(count + 1);
    };
    await correct('add', '12.34', 'E2E: bonus for the tournament');
    await correct('subtract', '2,30', 'E2E: a duplicate player removed');
    const expected = before + decimalMinor('12.34', bill.currency) - decimalMinor('2.30', bill.currency);

    expect(await moneyIn(panelFact('to-pay'), bill.currency)).toBe(expected);
    const api = await apiBill(bill.id);
    expect(decimalMinor(api.toPay, api.currency)).toBe(expected);
    expect(toPayMinor(await dbBill(bill.id))).toBe(expected);
    await poll(() =>
      moneyIn(
        billsConsole().locator(`[part~="bill-row"][data-bill-id="${bill.id}"] [part~="bill-to-pay"]`),
        bill.currency,
      ),
    ).toBe(expected);

    await goPortal(`bills/${bill.id}`);
    await poll(() => moneyIn(partnerBills().locator('[part~="fact-to-pay"] [part~="fact-value"]'), bill.currency)).toBe(
      expected,
    );
    const { corrections } = await expectPartnerBillPage(bill.id);
    expect(corrections).toBeGreaterThanOrEqual(2);
    const comments = await partnerBills().locator('[part~="correction-comment"]').allTextContents();
    expect(comments).toEqual(
      expect.arrayContaining(['E2E: bonus for the tournament', 'E2E: a duplicate player removed']),
    );
  });

  it('a cancelled bill cannot be approved: the console offers no approval, and an approval sent anyway is refused in words', async () => {
    const bill = chosen.cancel;
    await consoleFilter('pending');
    await consoleOpen(bill.id);
    await billPanel().locator('[part~="action-cancel"]').click();
    await billPanel().locator('[part~="confirm-yes"]').click();
    await panelFact('state').locator('[part~="state-cancelled"]').waitFor();
    expect((await apiBill(bill.id)).state).toBe('cancelled');
    expect(await billPanel().locator('[part~="action"]').count()).toBe(0);
    expect(await billPanel().locator('[part~="correction-form"]').count()).toBe(0);
    const refused = await apiBillAction(bill.id, 'approve');
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as { detail?: string };
    expect(problem.detail).toContain('cancelled');
    expect((await dbBill(bill.id)).state).toBe('cancelled');

    // A bill cancelled (by someone else) while its panel shows "Approve": the refusal is shown, in words.
    const stale = chosen.stale;
    await consoleOpen(stale.id);
    expect((await apiBillAction(stale.id, 'cancel')).status).toBe(200);
    await billPanel().locator('[part~="action-approve"]').click();
    await billPanel().locator('[part~="confirm-yes"]').click();
    const alert = billPanel().locator('[part~="bill-actions"] [role="alert"]');
    await alert.waitFor();
    expect((await alert.textContent())?.toLowerCase()).toContain('cancelled');
    expect((await apiBill(stale.id)).state).toBe('cancelled');
  });

  it('the sub-affiliates list shows the demo partner’s sub-partners at their levels', async () => {
    const all = await server.deps.db.select().from(partners).where(eq(partners.operatorId, lucky.id));
    const levels = new Map<string, number>();
    let ring = [lucky.partnerId];
    for (let level = 1; level <= 5 && ring.length; level++) {
      ring = all.filter((p) => p.referrerPartnerId && ring.includes(p.referrerPartnerId)).map((p) => p.id);
      for (const id of ring) levels.set(id, level);
    }
    const wanted = Object.fromEntries(
      all.filter((p) => levels.has(p.id)).map((p) => [p.id, { name: p.name, level: levels.get(p.id) }]),
    );
    expect(new Set(Object.values(wanted).map((w) => w.level))).toEqual(new Set([1, 2, 3]));

    await goPortal('sub-affiliates');
    const list = portal.locator('kb-subaffiliates');
    const shown = async () =>
      Object.fromEntries(
        await list.locator('[part~="row"]').evaluateAll((rows) =>
          rows.map((r) => [
            r.getAttribute('data-partner-id'),
            {
              name: r.querySelector('[part~="name"]')?.textContent?.trim(),
              level: Number(r.querySelector('[part~="level"]')?.textContent?.trim()),
            },
          ]),
        ),
      );
    await poll(shown).toEqual(wanted);
    await list.locator('#sub-level').selectOption('2');
    await list.locator('[part~="apply"]').click();
    await poll(shown).toEqual(Object.fromEntries(Object.entries(wanted).filter(([, w]) => w.level === 2)));
  });

  it('a CPA plan created in the console shows in words, gets new terms from a date, and the partner it is offered to reads the same', async () => {
    const plans = operatorPage.locator('kb-plans-console');
    const name = `E2E CPA ${Date.now().toString(36)}`;
    await plans.locator('[part~="create"]').click();
    const form = plans.locator('kb-plan-form');
    await form.locator('#plan-name').fill(name);
    await form.locator('#plan-terms-billingPeriod').selectOption('weekly');
    await form.locator('#plan-terms-cpa-amounts-0-amount').fill('37');
    await form.locator('#plan-terms-cpa-qualification-minFirstDeposit-0-amount').fill('20');
    await form.locator('#plan-terms-cpa-qualification-withinDays').fill('30');
    await form.locator('[part~="submit"]').click();
    await plans.locator('[part~="status"]', { hasText: name }).waitFor();

    const card = plans.locator('[part~="plan"]', {
      has: operatorPage.locator('[part~="plan-name"]', { hasText: name }),
    });
    const terms = card.locator('[part~="terms-lines"]:not([part~="scheduled"]) [part~="term"]');
    const sentence = (amount: string) => `CPA ${amount} per player who deposits €20+ within 30 days of registration`;
    expect(await terms.allTextContents()).toEqual([sentence('€37'), 'Billed weekly']);
    expect(((await card.locator('[part~="badge-kind"]').textContent()) ?? '').trim()).toBe('CPA');
    const planId = (await card.getAttribute('data-plan'))!;
    const apiPlan = async () => {
      const res = await fetch(`${server.baseUrl}/v1/plans`, { headers: { authorization: `Bearer ${lucky.apiKey}` } });
      const body = (await res.json()) as {
        data: Array<{
          id: string;
          name: string;
          kind: string;
          offeredTo: string[];
          current: { terms: { cpa?: { amounts: Array<{ amount: string; currency: string }> } } } | null;
          scheduled: Array<{ effectiveFrom: string; summary: { en: string[] } }>;
        }>;
      };
      return body.data.find((p) => p.id === planId)!;
    };
    const created = await apiPlan();
    expect(created).toMatchObject({ name, kind: 'cpa' });
    expect(created.current?.terms.cpa?.amounts.map((a) => [decimalMinor(a.amount, a.currency), a.currency])).toEqual([
      [3700, 'EUR'],
    ]);

    // New terms from a day a month ahead.
    const from = new Date(Date.now() + 31 * 86_400_000).toISOString().slice(0, 10);
    await card.locator('[part~="new-version"]').click();
    const version = card.locator('kb-plan-form');
    await version.locator('#plan-effectiveFrom').fill(from);
    await version.locator('#plan-terms-cpa-amounts-0-amount').fill('45');
    await version.locator('[part~="submit"]').click();
    await card.locator('[part~="scheduled-from"]').waitFor();
    const fromWords = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${from}T00:00:00Z`),
    );
    expect(((await card.locator('[part~="scheduled-from"]').textContent()) ?? '').trim()).toBe(`From ${fromWords}:`);
    expect(await card.locator('[part~="scheduled"] [part~="term"]').allTextContents()).toEqual([
      sentence('€45'),
      'Billed weekly',
    ]);
    expect(await terms.allTextContents()).toEqual([sentence('€37'), 'Billed weekly']);
    expect((await apiPlan()).scheduled.map((s) => s.effectiveFrom)).toEqual([from]);

    // Offered to the demo partner: its Plans page shows it, with both versions in the same words.
    await card.locator('select[part~="select"]').selectOption(lucky.partnerId);
    await card.locator('[part~="assign-button"]').click();
    await card.locator('[part~="assign-status"]').waitFor();
    expect((await apiPlan()).offeredTo).toContain(lucky.partnerId);
    await goPortal('plans');
    const partnerCard = portal.locator(`kb-plans [part~="card"][data-plan-id="${planId}"]`);
    await partnerCard.waitFor();
    expect(((await partnerCard.locator('[part~="plan-name"]').textContent()) ?? '').trim()).toBe(name);
    expect(
      await partnerCard.locator('[part~="terms-lines"]:not([part~="scheduled"]) [part~="term"]').allTextContents(),
    ).toEqual([sentence('€37'), 'Billed weekly']);
    expect(await partnerCard.locator('[part~="scheduled"] [part~="term"]').allTextContents()).toEqual([
      sentence('€45'),
      'Billed weekly',
    ]);
  });

  it('raised no error in either page', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** The amount a confirmation names ("Approve the bill for 1–30 Nov 2026? €26.78 will be added to …"), in minor units. */
async function moneyInText(scope: Locator, currency: string): Promise<number> {
  const text = (await scope.textContent()) ?? '';
  const amount = text.split('?')[1]?.split(' will be added')[0] ?? '';
  return shownMinor(amount, currency);
}
