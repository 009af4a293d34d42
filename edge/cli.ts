/**
 * Self-hoster CLI.
 *   kabinet operator create "Name" [--origin https://partners.example.com]… [--color #123456]
 *   kabinet migrate
 * Uses DATABASE_URL (default file:./data/kabinet.db) like the server does.
 */
import { parseArgs } from 'node:util';
import { systemClock } from '../core/lib/clock.ts';
import { createApiKey, createOperator } from '../core/modules/operators/service.ts';
import { OriginSchema } from '../core/modules/operators/schemas.ts';
import { DEFAULT_DATABASE_URL, openLibsqlDatabase } from './libsql.ts';

const USAGE = `Usage:
  kabinet operator create "Operator name" [--origin https://partners.example.com]... [--color #2563eb]
  kabinet migrate`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { origin: { type: 'string', multiple: true }, color: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [group, action, name] = positionals;
  if (values.help || !group) return console.log(USAGE);
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const { db, close } = await openLibsqlDatabase(url, process.env.DATABASE_AUTH_TOKEN);
  const ctx = { db, clock: systemClock };
  try {
    if (group === 'migrate') return console.log(`Migrations applied to ${url}`);
    if (group !== 'operator' || action !== 'create') fail(USAGE);
    if (!name?.trim()) fail('Give the operator a name: kabinet operator create "Name"');
    const origins = values.origin ?? [];
    for (const origin of origins) {
      const parsed = OriginSchema.safeParse(origin);
      if (!parsed.success) fail(`--origin ${origin}: ${parsed.error.issues[0]?.message}`);
    }
    if (values.color && !/^#[0-9a-fA-F]{6}$/.test(values.color)) fail(`--color ${values.color}: must be a hex colour like #2563eb`);
    const operator = await createOperator(ctx, {
      name: name.trim(),
      allowedOrigins: origins,
      ...(values.color ? { branding: { primaryColor: values.color } } : {}),
    });
    const key = await createApiKey(ctx, operator.id, 'Created by CLI');
    console.log(`Operator created in ${url}`);
    console.log(`  id:              ${operator.id}`);
    console.log(`  allowed origins: ${operator.allowedOrigins.join(', ') || '(none yet)'}`);
    console.log(`  secret key:      ${key.secret}`);
    console.log('The secret key is shown only now; it is stored hashed. Keep it on your server.');
  } finally {
    close();
  }
}

main(process.argv.slice(2)).catch((error) => fail(error instanceof Error ? error.message : String(error)));
