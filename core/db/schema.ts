/** Every table of every module, in one place for drizzle-kit and for the typed db handle. */
export * from '../modules/operators/table.ts';
export * from '../modules/catalog/table.ts';
export * from '../modules/commissions/table.ts';
export * from '../jobs/table.ts';
export * from '../modules/identity/table.ts';
export * from '../modules/mail/table.ts';
export * from '../modules/campaigns/table.ts';
export * from '../modules/tracking/table.ts';
export * from '../modules/events/table.ts';
export * from '../modules/postbacks/table.ts';
export * from '../modules/networks/table.ts';
export * from '../modules/conversions/table.ts';
export * from '../modules/statistics/table.ts';
export * from '../modules/ledger/table.ts';
export * from '../modules/billing/table.ts';
export * from '../modules/payments/table.ts';
export * from '../modules/wallet/table.ts';
