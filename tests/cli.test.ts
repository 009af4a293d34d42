/** The self-hoster CLI, run as a person runs it (`npx kabinet …` is edge/cli.mjs through tsx). */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { seedBillingWorld } from './helpers/billing-world.ts';
import { createTestApp } from './helpers/test-app.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kabinet-cli-'));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'cli.db')}` };
const kabinet = (...args: string[]) => run(process.execPath, [join(root, 'edge/cli.mjs'), ...args], { env, cwd: root });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kabinet CLI', () => {
  it('creates an operator with a secret key shown once and stored hashed', async () => {
    const { stdout } = await kabinet(
      'operator',
      'create',
      'Acme Partners',
      '--origin',
      'https://partners.acme.example',
    );
    const key = /secret key:\s+(sk_\w+)/.exec(stdout)?.[1];
    const id = /id:\s+(op_\w+)/.exec(stdout)?.[1];
    expect(key).toBeTruthy();
    const db = createClient({ url: env.DATABASE_URL });
    const stored = await db.execute({
      sql: 'select secret_hash from operator_api_keys where operator_id = ?',
      args: [id!],
    });
    expect(String(stored.rows[0]!.secret_hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(String(stored.rows[0]!.secret_hash)).not.toContain(key!.slice(3));
    db.close();
  });

  it('refuses a bad origin with a clear line and exit code 2', async () => {
    const failed = await kabinet('operator', 'create', 'Bad', '--origin', 'https://x.example/path').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('--origin https://x.example/path: must be an origin');
  });

  it('takes the terms URL of the partner program, and refuses one that is not an http(s) URL', async () => {
    const { stdout } = await kabinet(
      'operator',
      'create',
      'Terms Partners',
      '--terms-url',
      'https://partners.terms.example/terms',
    );
    expect(stdout).toContain('terms:           https://partners.terms.example/terms');
    const id = /id:\s+(op_\w+)/.exec(stdout)?.[1];
    const db = createClient({ url: env.DATABASE_URL });
    const stored = await db.execute({ sql: 'select branding from operators where id = ?', args: [id!] });
    expect(JSON.parse(String(stored.rows[0]!.branding))).toMatchObject({
      displayName: 'Terms Partners',
      termsUrl: 'https://partners.terms.example/terms',
    });
    db.close();
    const failed = await kabinet('operator', 'create', 'Bad', '--terms-url', 'javascript:alert(1)').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain(
      '--terms-url javascript:alert(1): must be an http or https',
    );
  });

  it('lists pending partners and approves one', async () => {
    const db = createClient({ url: env.DATABASE_URL });
    const op = String((await db.execute('select id from operators limit 1')).rows[0]!.id);
    await db.execute({
      sql: "insert into partners (id, operator_id, name, status, referral_code, created_at) values ('partner_cli_1', ?, 'Waiting Media', 'pending', 'WAITING1', 0)",
      args: [op],
    });
    db.close();
    expect((await kabinet('partners', 'list', '--status', 'pending')).stdout).toContain(
      'partner_cli_1  pending   Waiting Media',
    );
    expect((await kabinet('partner', 'approve', 'partner_cli_1')).stdout).toContain(
      'Waiting Media (partner_cli_1) is now active',
    );
    expect((await kabinet('partners', 'list', '--status', 'pending')).stdout).not.toContain('partner_cli_1');
  });

  it("imports the ECB's reference-rate CSV for an operator, and refuses a file that is not one with exit code 2", async () => {
    const db = createClient({ url: env.DATABASE_URL });
    const op = String((await db.execute('select id from operators limit 1')).rows[0]!.id);
    const csv = join(dir, 'eurofxref-hist.csv');
    writeFileSync(
      csv,
      [
        'Date,USD,JPY,BGN,CZK,GBP,RON,',
        '2026-11-27,1.0553,160.9,N/A,25.112,0.83245,5.0876,',
        '2026-11-26,1.0548,160.62,N/A,25.098,oops,5.0869,',
        '25 November 2026, 1.0541, 160.5, N/A, 25.101, 0.83311, 5.0871, ',
        'not a date,1.05,160,N/A,25,0.83,5,',
      ].join('\n'),
    );
    const { stdout } = await kabinet('rates', 'import', csv, '--operator', op);
    expect(stdout).toContain(`Saved 11 exchange rates for`);
    expect(stdout).toContain('dates:      2026-11-25 to 2026-11-27');
    expect(stdout).toContain('ignored:    BGN, RON');
    expect(stdout).toContain('Skipped 2 entries on 2 lines:');
    expect(stdout).toContain('line 3: GBP on 2026-11-26: "oops" is not a positive decimal');
    expect(stdout).toContain('line 5: "not a date" is not a date');
    const stored = await db.execute({
      sql: 'select day, currency, per_eur from exchange_rates where operator_id = ? order by day, currency',
      args: [op],
    });
    expect(stored.rows.map((r) => `${r.day} ${r.currency} ${r.per_eur}`)).toEqual([
      '2026-11-25 CZK 25.101',
      '2026-11-25 GBP 0.83311',
      '2026-11-25 JPY 160.5',
      '2026-11-25 USD 1.0541',
      '2026-11-26 CZK 25.098',
      '2026-11-26 JPY 160.62',
      '2026-11-26 USD 1.0548',
      '2026-11-27 CZK 25.112',
      '2026-11-27 GBP 0.83245',
      '2026-11-27 JPY 160.9',
      '2026-11-27 USD 1.0553',
    ]);
    db.close();
    const notCsv = join(dir, 'rates.json');
    writeFileSync(notCsv, '{"USD": 1.0553}\n');
    const failures = await Promise.all(
      [
        kabinet('rates', 'import', notCsv, '--operator', op),
        kabinet('rates', 'import', join(dir, 'missing.csv'), '--operator', op),
        kabinet('rates', 'import', csv),
      ].map((p) => p.catch((e: { code: number; stderr: string }) => e)),
    );
    expect(failures.map((f) => (f as { code: number }).code)).toEqual([2, 2, 2]);
    const messages = failures.map((f) => (f as { stderr: string }).stderr);
    expect(messages[0]).toContain(
      `${notCsv} is not an ECB reference-rate CSV: line 1 should be a header starting with "Date,"`,
    );
    expect(messages[1]).toContain(`Cannot read ${join(dir, 'missing.csv')}`);
    expect(messages[2]).toContain(
      'Name the operator whose reports use the rates: kabinet rates import <file.csv> --operator <operatorId>',
    );
  }, 60_000);
});

describe('kabinet bills run', () => {
  it('bills the periods up to --period, issues nothing the second time, and refuses a bad --period with exit code 2', async () => {
    const t = await createTestApp();
    try {
      // A monthly hybrid plan with players in the last two or three closed months.
      const now = new Date();
      const intoMonth = now.getUTCDate();
      const world = await seedBillingWorld(t, {
        name: 'Cli',
        billingPeriod: 'monthly',
        partners: 2,
        playersPerPartner: 6,
        planDaysAgo: intoMonth + 70,
        firstDayAgo: intoMonth + 45,
        lastDayAgo: intoMonth,
      });
      const { rows } = await (
        t.deps.db as unknown as { $client: { execute(sql: string): Promise<{ rows: Array<{ file: string }> }> } }
      ).$client.execute('PRAGMA database_list');
      const billsEnv = { ...process.env, DATABASE_URL: `file:${rows[0]!.file}` };
      const bills = (...args: string[]) =>
        run(process.execPath, [join(root, 'edge/cli.mjs'), 'bills', 'run', ...args], { env: billsEnv, cwd: root });
      const starts = [...world.expected.perPeriod.keys()].map((k) => k.split('|')[1]!).sort();
      const first = starts[0]!.slice(0, 7);
      const inFirst = starts.filter((s) => s.startsWith(first)).length;
      expect(inFirst).toBeGreaterThan(0);
      expect(inFirst).toBeLessThan(starts.length);

      const once = await bills('--period', first, '--operator', world.operatorId);
      expect(once.stdout).toContain(`${world.operatorId}: `);
      expect(once.stdout).toMatch(/: \d+ players qualified, (\d+) bills issued, 0 waiting bills priced/);
      expect(once.stdout).toContain(`${inFirst} bills issued`);
      const again = await bills('--period', first, '--operator', world.operatorId);
      expect(again.stdout).toContain(
        `${world.operatorId}: 0 players qualified, 0 bills issued, 0 waiting bills priced`,
      );
      // Without --period: every closed month not billed yet, once.
      expect((await bills()).stdout).toContain(`${starts.length - inFirst} bills issued`);
      const stored = await t.deps.db.all<{ n: number; total: number }>(
        sql`select count(*) as n, sum(issued_minor) as total from bills where operator_id = ${world.operatorId}`,
      );
      expect(stored).toEqual([
        { n: starts.length, total: [...world.expected.issuedMinor.values()].reduce((a, b) => a + b, 0) },
      ]);

      const failures = await Promise.all(
        [
          ['--period', '2026-13'],
          ['--period', 'November'],
          ['--period', '2026-11', '--operator', 'op_nobody'],
        ].map((args) => bills(...args).catch((e: { code: number; stderr: string }) => e)),
      );
      expect(failures.map((f) => (f as { code: number }).code)).toEqual([2, 2, 2]);
      const messages = failures.map((f) => (f as { stderr: string }).stderr);
      expect(messages[0]).toContain('--period 2026-13: a month like 2026-11 or a date like 2026-11-30');
      expect(messages[1]).toContain('--period November: a month like 2026-11 or a date like 2026-11-30');
      expect(messages[2]).toContain('No operator op_nobody with commission plans');
    } finally {
      t.dispose();
    }
  }, 60_000);
});
