/**
 * Self-hoster CLI. Uses DATABASE_URL (default file:./data/kabinet.db, relative to the working
 * directory) like the server does.
 *   kabinet start                 the server, as `npm start` (edge/node.ts): the same env settings
 *   kabinet operator create "Name" [--origin https://partners.example.com]… [--color #123456] [--terms-url https://…]
 *   kabinet partners list [--status pending]
 *   kabinet partner approve|reject|block|unblock <partnerId>
 *   kabinet user unlock <userId>
 *   kabinet rates import <file.csv> --operator <operatorId>
 *   kabinet bills run [--period 2026-11] [--operator <operatorId>]
 *   kabinet migrate
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { systemClock } from '../core/lib/clock.ts';
import { withTenant } from '../core/lib/context.ts';
import { createApiKey, createOperator } from '../core/modules/operators/service.ts';
import { BrandingSchema, OriginSchema } from '../core/modules/operators/schemas.ts';
import { decideOnPartner, listPartners, operatorUnlockUser } from '../core/modules/identity/partner-admin.ts';
import { partners, users, PARTNER_STATUSES } from '../core/modules/identity/table.ts';
import { operators } from '../core/modules/operators/table.ts';
import { createOutbox } from '../core/jobs/outbox.ts';
import { createGuardedOutbound } from './outbound-http.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { DEFAULT_DATABASE_URL, openLibsqlDatabase } from './libsql.ts';
import { readServerConfig } from './config.ts';
import { readMailConfig } from './mail-config.ts';
import { createSmtpTransport } from './smtp-transport.ts';
import { resolveSecret } from './secret.ts';
import { createTrackingDeps } from '../core/modules/tracking/tracking-deps.ts';
import { createDirectWriter } from '../core/modules/tracking/click-writer.ts';
import { EcbCsvError, parseEcbRatesCsv } from '../core/modules/statistics/ecb-rates-csv.ts';
import { saveExchangeRates } from '../core/modules/statistics/exchange-rates.ts';
import { billsRunCommand } from './cli-bills.ts';
import { STAFF_ADD_USAGE, staffAddCommand } from './cli-staff.ts';

const USAGE = `Usage:
  kabinet start
      The server (API, hosted portal, kabinet.js, demo pages), as \`npm start\` in a clone, with the
      same environment settings: PORT (8787), HOST (127.0.0.1), DATABASE_URL (file:./data/kabinet.db,
      under the working directory), KABINET_SEED (demo|none), KABINET_SECRET, MAIL_DRIVER, …
  kabinet operator create "Operator name" [--origin https://partners.example.com]... [--color #2563eb]
      [--terms-url https://partners.example.com/terms]
      --terms-url: the partner program's terms page; the sign-up form links it and partners must accept it
  ${STAFF_ADD_USAGE}
      A console staff user; prints their single-use set-password link (the first owner starts here)
  kabinet partners list [--status pending|active|rejected|blocked]
  kabinet partner approve|reject|block|unblock <partnerId>
  kabinet user unlock <userId>
  kabinet rates import <file.csv> --operator <operatorId>
      Exchange rates from the ECB's reference-rate CSV (eurofxref-hist.csv or the day's eurofxref.csv,
      unzipped): units of each currency per euro, by date, for the operator's reports. Currencies
      Kabinet does not support are ignored; importing again replaces the same dates' rates.
  kabinet bills run [--period 2026-11|2026-11-30] [--operator <operatorId>]
      Billing by hand (the server runs it hourly): qualifies players, bills every closed period not
      billed yet (with --period: only periods starting on or before that month's last day or that
      date), prices bills that waited for an exchange rate. Running it again issues nothing twice.
  kabinet migrate`;

const CLI_META = { ip: null, userAgent: 'kabinet-cli' };

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      origin: { type: 'string', multiple: true },
      color: { type: 'string' },
      'terms-url': { type: 'string' },
      status: { type: 'string' },
      operator: { type: 'string' },
      period: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [group, action, subject] = positionals;
  if (values.help || !group) return console.log(USAGE);
  // The Node entry starts the server when imported; it opens the database itself.
  if (group === 'start') return void (await import('./node.ts'));
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const { db, close } = await openLibsqlDatabase(url, process.env.DATABASE_AUTH_TOKEN);
  const mail = readMailConfig(process.env, { smtp: createSmtpTransport });
  // The CLI queues emails like the server does; a running server's job runner delivers them.
  const deps: AppDeps = {
    db,
    clock: systemClock,
    jobs: createOutbox(db, systemClock),
    runtime: 'node',
    version: 'cli',
    secretBox: await createSecretBox(resolveSecret(process.env, url)),
    mailTransport: mail.transport,
    publicUrl: readServerConfig(process.env).publicUrl,
    tracking: createTrackingDeps(db, systemClock, { writer: createDirectWriter(db) }),
    // The CLI sends no postbacks itself (the server's runner does), but deps name a transport.
    outbound: createGuardedOutbound(),
  };
  try {
    if (group === 'migrate') return console.log(`Migrations applied to ${url}`);
    if (group === 'operator' && action === 'create') return await createOperatorCommand(deps, url, subject, values);
    if (group === 'operator' && action === 'staff' && subject === 'add') {
      const [operatorId, email] = positionals.slice(3);
      return await staffAddCommand(deps, { operatorId, email, role: values.role, name: values.name }, fail);
    }
    if (group === 'partners' && action === 'list') return await listPartnersCommand(deps, values.status);
    if (group === 'partner' && ['approve', 'reject', 'block', 'unblock'].includes(action ?? '')) {
      if (!subject) fail(`Name the partner: kabinet partner ${action} <partnerId>`);
      const [partner] = await db.select().from(partners).where(eq(partners.id, subject));
      if (!partner) fail(`No partner ${subject}`);
      const result = await decideOnPartner(withTenant(deps, partner.operatorId, CLI_META), {
        partnerId: partner.id,
        decision: action as 'approve',
      });
      return console.log(
        `${result.name} (${result.id}) is now ${result.status}${result.owner ? `; ${result.owner.email} was emailed` : ''}`,
      );
    }
    if (group === 'bills' && action === 'run') return await billsRunCommand(deps, values, fail);
    if (group === 'rates' && action === 'import') return await importRatesCommand(deps, subject, values.operator);
    if (group === 'user' && action === 'unlock') {
      if (!subject) fail('Name the user: kabinet user unlock <userId>');
      const [user] = await db.select().from(users).where(eq(users.id, subject));
      if (!user) fail(`No user ${subject}`);
      const result = await operatorUnlockUser(withTenant(deps, user.operatorId, CLI_META), user.id);
      return console.log(`${result.email} is unlocked`);
    }
    fail(USAGE);
  } finally {
    close();
  }
}

async function createOperatorCommand(
  deps: AppDeps,
  url: string,
  name: string | undefined,
  values: { origin?: string[]; color?: string; 'terms-url'?: string },
) {
  if (!name?.trim()) fail('Give the operator a name: kabinet operator create "Name"');
  const origins = values.origin ?? [];
  for (const origin of origins) {
    const parsed = OriginSchema.safeParse(origin);
    if (!parsed.success) fail(`--origin ${origin}: ${parsed.error.issues[0]?.message}`);
  }
  if (values.color && !/^#[0-9a-fA-F]{6}$/.test(values.color))
    fail(`--color ${values.color}: must be a hex colour like #2563eb`);
  const termsUrl = values['terms-url'];
  if (termsUrl !== undefined && !BrandingSchema.shape.termsUrl.safeParse(termsUrl).success)
    fail(`--terms-url ${termsUrl}: must be an http or https URL like https://partners.example.com/terms`);
  const operator = await createOperator(deps, {
    name: name.trim(),
    allowedOrigins: origins,
    branding: {
      ...(values.color ? { primaryColor: values.color } : {}),
      ...(termsUrl ? { termsUrl } : {}),
    },
  });
  const key = await createApiKey(withTenant(deps, operator.id), { name: 'Created by CLI' });
  console.log(`Operator created in ${url}`);
  console.log(`  id:              ${operator.id}`);
  console.log(`  allowed origins: ${operator.allowedOrigins.join(', ') || '(none yet)'}`);
  console.log(`  terms:           ${operator.branding.termsUrl ?? '(none: sign-up asks for no acceptance)'}`);
  console.log(`  secret key:      ${key.secret}`);
  console.log('The secret key is shown only now; it is stored hashed. Keep it on your server.');
}

async function listPartnersCommand(deps: AppDeps, status: string | undefined) {
  if (status && !(PARTNER_STATUSES as readonly string[]).includes(status))
    fail(`--status must be one of ${PARTNER_STATUSES.join(', ')}`);
  const ops = await deps.db.select({ id: operators.id, name: operators.name }).from(operators);
  for (const op of ops) {
    const rows = await listPartners(withTenant(deps, op.id), {
      status: status as (typeof PARTNER_STATUSES)[number] | undefined,
    });
    if (!rows.length) continue;
    console.log(`${op.name} (${op.id})`);
    for (const p of rows)
      console.log(`  ${p.id}  ${p.status.padEnd(8)}  ${p.name}  ${p.owner?.email ?? ''}  ${p.createdAt.slice(0, 10)}`);
  }
}

/** Rates saved per call: a full eurofxref-hist.csv (~200,000 rates) goes in as several batches. */
const RATES_PER_BATCH = 10_000;

async function importRatesCommand(deps: AppDeps, file: string | undefined, operatorId: string | undefined) {
  const usage = 'kabinet rates import <file.csv> --operator <operatorId>';
  if (!file) fail(`Name the CSV file: ${usage}`);
  if (!operatorId) fail(`Name the operator whose reports use the rates: ${usage}`);
  const [operator] = await deps.db
    .select({ id: operators.id, name: operators.name })
    .from(operators)
    .where(eq(operators.id, operatorId));
  if (!operator) fail(`No operator ${operatorId}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let parsed: ReturnType<typeof parseEcbRatesCsv>;
  try {
    parsed = parseEcbRatesCsv(text);
  } catch (error) {
    if (error instanceof EcbCsvError) fail(`${file} is not an ECB reference-rate CSV: ${error.message}`);
    throw error;
  }
  const { rates, skipped, ignoredCurrencies } = parsed;
  const problems = skipped.map((s) => `  line ${s.line}: ${s.reason}`);
  if (rates.length === 0)
    fail(
      [
        `${file}: no rates to import (no dated row with a rate in a currency Kabinet supports)`,
        ...problems.slice(0, 20),
      ].join('\n'),
    );
  const tenant = withTenant(deps, operator.id);
  let saved = 0;
  for (let i = 0; i < rates.length; i += RATES_PER_BATCH)
    saved += await saveExchangeRates(tenant, rates.slice(i, i + RATES_PER_BATCH));
  const dates = rates.map((r) => r.date).sort();
  const currencies = [...new Set(rates.map((r) => r.currency))];
  console.log(`Saved ${saved} exchange rates for ${operator.name} (${operator.id})`);
  console.log(`  dates:      ${dates[0]} to ${dates.at(-1)}`);
  console.log(`  currencies: ${currencies.join(', ')}`);
  if (ignoredCurrencies.length)
    console.log(`  ignored:    ${ignoredCurrencies.join(', ')} (not currencies Kabinet supports)`);
  const skippedLines = new Set(skipped.map((s) => s.line)).size;
  console.log(
    skipped.length
      ? `Skipped ${skipped.length} ${skipped.length === 1 ? 'entry' : 'entries'} on ${skippedLines} ${skippedLines === 1 ? 'line' : 'lines'}:`
      : 'Skipped nothing',
  );
  for (const line of problems.slice(0, 20)) console.log(line);
  if (problems.length > 20) console.log(`  … and ${problems.length - 20} more`);
}

main(process.argv.slice(2)).catch((error) => fail(error instanceof Error ? error.message : String(error)));
