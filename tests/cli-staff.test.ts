/** `kabinet operator staff add`, run as a person runs it: the printed link sets the password once. */
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
const dir = mkdtempSync(join(tmpdir(), 'kabinet-cli-staff-'));
const env = {
  ...process.env,
  DATABASE_URL: `file:${join(dir, 'cli.db')}`,
  KABINET_PUBLIC_URL: 'https://partners.acme.example',
};
const kabinet = (...args: string[]) => run(process.execPath, [join(root, 'edge/cli.mjs'), ...args], { env, cwd: root });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kabinet operator staff add', () => {
  it('adds an owner and prints a single-use set-password link; refuses a bad role and a second add', async () => {
    const created = await kabinet('operator', 'create', 'Acme Partners');
    const operatorId = /id:\s+(op_\w+)/.exec(created.stdout)![1]!;
    const { stdout } = await kabinet('operator', 'staff', 'add', operatorId, 'Olga@Acme.example', '--role', 'owner');
    expect(stdout).toContain(`Added olga@acme.example`);
    expect(stdout).toMatch(new RegExp(`/console/${operatorId}#set-password=ssp_\\w+`));
    const db = createClient({ url: env.DATABASE_URL });
    const rows = await db.execute({
      sql: 'select role, password_hash from operator_staff where operator_id = ?',
      args: [operatorId],
    });
    expect(rows.rows.map((r) => [r.role, r.password_hash])).toEqual([['owner', null]]);
    db.close();

    const badRole = await kabinet('operator', 'staff', 'add', operatorId, 'x@acme.example', '--role', 'admin').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(badRole).toMatchObject({ code: 2 });
    expect((badRole as { stderr: string }).stderr).toContain('Give a role (owner, manager, finance, viewer)');
    const again = await kabinet('operator', 'staff', 'add', operatorId, 'olga@acme.example', '--role', 'viewer').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(again).toMatchObject({ code: 2 });
    expect((again as { stderr: string }).stderr).toContain('already exists');
    // Five CLI processes, each starting tsx and opening the database.
  }, 120_000);
});
