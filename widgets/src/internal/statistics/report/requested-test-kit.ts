/**
 * Test-only fixtures of the requested reports' browser tests (`<kb-reports>`' Request report and
 * slow fallback, `<kb-requested-reports>`): a request as the server sends it, and a recorder of the
 * idempotency keys the widgets send (the API stub records no headers). Nothing outside *.test.ts
 * imports this.
 */
import type { RequestedReport } from './requested-api.ts';

export const REQUESTED_PATH = '/v1/partner/reports/requested';

export function requested(overrides: Partial<RequestedReport> = {}): RequestedReport {
  return {
    id: 'rr_1',
    name: 'Last 30 days by day',
    format: 'csv_zip',
    status: 'processing',
    failureReason: null,
    query: { period: 'last_30_days', groupBy: 'day', currency: 'EUR' },
    period: null,
    requestedBy: { userId: 'usr_owner', email: 'owner@partner.test' },
    requestedAt: '2026-11-30T10:00:00.000Z',
    finishedAt: null,
    expiresAt: null,
    rowCount: null,
    fileSize: null,
    ...overrides,
  };
}

/**
 * Records the `idempotency-key` of each POST to the requested reports (call after the API stub: it
 * wraps that stub's fetch, which the stub's own restore replaces).
 */
export function recordKeys(): string[] {
  const keys: string[] = [];
  const inner = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (init?.method?.toUpperCase() === 'POST' && url.includes(REQUESTED_PATH))
      keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
    return inner.call(window, input, init);
  };
  return keys;
}

/** A promise and its resolve, to hold a stubbed answer until the test lets it go. */
export function gate(): { promise: Promise<void>; open(): void } {
  const held = { open: (): void => undefined } as { promise: Promise<void>; open(): void };
  held.promise = new Promise<void>((resolve) => {
    held.open = resolve;
  });
  return held;
}
