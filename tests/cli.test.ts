/** The self-hoster CLI, run as a person runs it (`npx kabinet …` is edge/cli.mjs through tsx). */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';

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
});
