/**
 * The package as an operator's project gets it: `npm pack` of this repository (after `npm run
 * build`), installed into a scratch project outside it without the network, then
 * - a TypeScript file using `kabinet/sdk` typechecks with this repo's tsc (NodeNext resolution,
 *   through the package's `exports`), its route types real: a wrong field does not compile;
 * - `npx kabinet start` runs the server from node_modules/kabinet (its TypeScript through tsx),
 *   with the database and its secret under the project's data/, not in the package; it answers
 *   /health and serves /kabinet.js from the package;
 * - the same file, compiled, calls that server through the installed SDK (plain JS + hono);
 * - `npx kabinet --help` and CLI commands work against the server's database and, without
 *   DATABASE_URL, against ./data/kabinet.db under the working directory;
 * - `kabinet/widgets`, `kabinet/operator` and `kabinet/custom-elements.json` resolve to files in
 *   the package, with every chunk kabinet.js imports.
 * `npm install --offline <tarball>` would need the registry's metadata, which an install from a
 * lockfile never cached, so the scratch project gets a lockfile: the tarball plus this
 * repository's lock entries for the runtime dependencies, and `npm ci --offline` fetches them
 * from the npm cache by their integrity.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OPERATORS } from '../demo/seed.ts';
import { freePort, waitForHealth } from './helpers/processes.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const npmEnv = { ...process.env, npm_config_update_notifier: 'false' };
const npm = (args: string[], cwd: string) => run('npm', args, { cwd, env: npmEnv, maxBuffer: 32 * 1024 * 1024 });

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM'],
    strict: true,
    types: [],
    skipLibCheck: true,
    outDir: 'out',
    rootDir: '.',
  },
};

/** Typechecks and, compiled, runs against KABINET_URL: brands, an embed session, an event, and a refusal. */
const USAGE = `
import { createKabinetClient, createOperatorClient, unwrap, KabinetApiError, type PlayerEvent } from 'kabinet/sdk';
declare const process: { env: Record<string, string | undefined> };
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const expectType = <T extends true>(_: T) => undefined;

const kabinet = createKabinetClient(process.env.KABINET_URL!, { secretKey: process.env.KABINET_KEY! });
const brands = await unwrap(kabinet.v1.brands.$get());
expectType<Equal<typeof brands.data[number]['currency'], string>>(true);
expectType<Equal<typeof brands.data[number]['fallbackUrl'], string | null>>(true);
const operator = createOperatorClient(process.env.KABINET_URL!, process.env.KABINET_KEY!);
const partners = await unwrap(operator.client.v1.partners.$get({ query: {} }));
const owner = partners.data.find((p) => p.status === 'active' && p.owner)!.owner!;
const session = await operator.mintEmbedSession({ userId: owner.id, components: ['profile'] });
expectType<Equal<typeof session.clientSecret, string>>(true);
const event: PlayerEvent = { id: 'pkg-' + Date.now(), type: 'registration', playerId: 'pkg-player', brand: brands.data[0]!.id, occurredAt: new Date().toISOString() };
const sent = await operator.sendEvents([event]);
expectType<Equal<typeof sent.accepted, number>>(true);
let refusal: unknown = null;
try { await operator.updateConversion('conv_missing', { status: 'approve' }); } catch (error) { refusal = error; }
console.log(JSON.stringify({
  brands: brands.data.map((b) => b.name), secretLength: session.clientSecret.length, components: session.components, accepted: sent.accepted,
  refusal: refusal instanceof KabinetApiError ? [refusal.status, refusal.problem.code] : String(refusal),
}));
`;

/** Each line must fail to compile, with the error code given: the route types are not any. */
const WRONG = [
  ['brands.$post({ json: { name: "x", currency: "EUR", websiteUrl: "https://x.example", colour: "red" } })', 'TS2353'],
  ['(await unwrap(kabinet.v1.brands.$get())).data[0]!.nmae', 'TS2339'],
  ['operator.updateConversion("c", { status: "paid" })', 'TS2322'],
  [
    'operator.sendEvents([{ id: "e", type: "deposit", playerId: "p", brand: "b", amount: ' +
      '25.5, currency: "EUR", occurredAt: "" }])',
    'TS2322',
  ],
] as const;
const WRONG_FILE = `
import { createKabinetClient, createOperatorClient, unwrap } from 'kabinet/sdk';
const kabinet = createKabinetClient('https://partners.example.com');
const operator = createOperatorClient('https://partners.example.com', 'sk_x');
const brands = kabinet.v1.brands;
${WRONG.map(([line], i) => `export const wrong${i} = async () => ${line};`).join('\n')}
void brands; void operator; void unwrap;
`;

let work = '';
let app = '';
let tarball = '';
let packed: { size: number; unpackedSize: number; entryCount: number };
/** `npx kabinet start` in the scratch project, in its own process group. */
let server: { child: ChildProcess; baseUrl: string; databaseFile: string; output: () => string } | null = null;
/** `npx kabinet …` in the scratch project: the bin as a user runs it. */
const kabinet = (args: string[], env: Record<string, string | undefined> = {}) =>
  run('npx', ['--no-install', 'kabinet', ...args], { cwd: app, env: { ...npmEnv, ...env } });

async function startPackagedServer() {
  const port = await freePort();
  const databaseFile = join(app, 'data/k.db');
  const child = spawn('npx', ['--no-install', 'kabinet', 'start'], {
    cwd: app,
    env: {
      ...npmEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${databaseFile}`,
      KABINET_SEED_CLICKS: '50',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  server = { child, baseUrl: `http://127.0.0.1:${port}`, databaseFile, output: () => log };
  await waitForHealth(server.baseUrl, child, server.output, 60_000);
}

async function stopPackagedServer() {
  const child = server?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name); // npx, npm and the server: the whole group
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  for (const built of [
    'dist/sdk/index.js',
    'dist/sdk/index.d.ts',
    'widgets/dist/kabinet.js',
    'widgets/dist/custom-elements.json',
  ]) {
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  work = mkdtempSync(join(tmpdir(), 'kabinet-package-'));
  const [pack] = JSON.parse((await npm(['pack', '--json', '--pack-destination', work], root)).stdout) as Array<{
    filename: string;
    size: number;
    unpackedSize: number;
    entryCount: number;
  }>;
  tarball = join(work, pack!.filename);
  packed = pack!;
  console.log(
    `kabinet tarball: ${(packed.size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked, ${packed.entryCount} files`,
  );
  app = join(work, 'app');
  mkdirSync(app);
  const repoLock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; link?: boolean }>;
  };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
    dependencies: Record<string, string>;
    bin: unknown;
    engines: unknown;
  };
  const resolved = `file:${tarball}`;
  const runtime = Object.entries(repoLock.packages).filter(
    ([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.link,
  );
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'scratch',
      version: '1.0.0',
      private: true,
      type: 'module',
      dependencies: { kabinet: resolved },
    }),
  );
  writeFileSync(
    join(app, 'package-lock.json'),
    JSON.stringify({
      name: 'scratch',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'scratch', version: '1.0.0', dependencies: { kabinet: resolved } },
        'node_modules/kabinet': {
          version: pkg.version,
          resolved,
          license: pkg.license,
          dependencies: pkg.dependencies,
          bin: pkg.bin,
          engines: pkg.engines,
        },
        ...Object.fromEntries(runtime),
      },
    }),
  );
  await npm(['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, files: ['usage.ts'] }));
  writeFileSync(join(app, 'usage.ts'), USAGE);
  writeFileSync(
    join(app, 'tsconfig.wrong.json'),
    JSON.stringify({
      ...TSCONFIG,
      compilerOptions: { ...TSCONFIG.compilerOptions, noEmit: true },
      files: ['wrong.ts'],
    }),
  );
  writeFileSync(join(app, 'wrong.ts'), WRONG_FILE);
  await startPackagedServer();
}, 120_000);
afterAll(async () => {
  await stopPackagedServer();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package in a scratch project', () => {
  it('ships the SDK, the widgets and what the server and CLI run on, without tests or dev files', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, ''));
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/sdk/index.js',
        'dist/sdk/index.d.ts',
        'widgets/dist/kabinet.js',
        'widgets/dist/kabinet-operator.js',
        'widgets/dist/custom-elements.json',
        'edge/cli.mjs',
        'edge/cli.ts',
        'edge/node.ts',
        'core/http/app.ts',
        'core/db/migrations/meta/_journal.json',
        ...readdirSync(join(root, 'core/db/migrations'))
          .filter((f) => f.endsWith('.sql'))
          .map((f) => `core/db/migrations/${f}`),
        'demo/seed.ts',
        'demo/site/_headers',
        'demo/site/index.html',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.test.ts'))).toEqual([]);
    // TypeScript only where tsx runs it; no build, test or Workers-only files.
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !/^(core|edge|demo)\//.test(f))).toEqual(
      [],
    );
    expect(
      files.filter((f) =>
        /^(tests|widgets\/src|node_modules|data)\/|_snapshot\.json$|drizzle\.config|assemble-site|seed-local-d1|worker\.ts|vite\.config/.test(
          f,
        ),
      ),
    ).toEqual([]);
    const declarations = readFileSync(join(app, 'node_modules/kabinet/dist/sdk/index.d.ts'), 'utf8');
    expect([...declarations.matchAll(/(?:from\s*|import\()\s*["']([^"']+)["']/g)].map((m) => m[1])).toEqual(
      expect.arrayContaining(['hono/client']),
    );
    expect(declarations).not.toMatch(/from\s*["']\.|import\(["']\./);
    expect(packed.entryCount).toBe(files.length);
  });

  it('typechecks a usage file against the installed SDK, and refuses wrong fields', async () => {
    await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app });
    const wrong = await run(process.execPath, [tsc, '-p', 'tsconfig.wrong.json', '--pretty', 'false'], {
      cwd: app,
    }).then(
      () => null,
      (e: { stdout: string }) => e.stdout,
    );
    expect(wrong, 'wrong.ts compiled: the route types are lost').not.toBeNull();
    const errors = wrong!
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('wrong.ts('))
      .map((l) => [Number(/^wrong\.ts\((\d+),/.exec(l)![1]), /error (TS\d+)/.exec(l)![1]]);
    const firstWrongLine = WRONG_FILE.split('\n').findIndex((l) => l.startsWith('export const wrong0')) + 1;
    expect(errors).toEqual(WRONG.map(([, code], i) => [firstWrongLine + i, code]));
  }, 60_000);

  it('`npx kabinet start` serves the API and kabinet.js from the package, its database in the project', async () => {
    const health = await fetch(`${server!.baseUrl}/health`);
    expect(health.status).toBe(200);
    const widgets = await fetch(`${server!.baseUrl}/kabinet.js`);
    expect(widgets.status).toBe(200);
    expect(widgets.headers.get('content-type')).toMatch(/javascript/);
    expect(await widgets.text()).toBe(readFileSync(join(app, 'node_modules/kabinet/widgets/dist/kabinet.js'), 'utf8'));
    expect((await fetch(`${server!.baseUrl}/`)).status).toBe(200);
    expect(existsSync(server!.databaseFile)).toBe(true);
    expect(existsSync(join(app, 'data/kabinet.secret'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/kabinet/data'))).toBe(false);
    expect(server!.output()).toContain('demo data seeded');
  });

  it('calls the packaged server through the installed SDK', async () => {
    const demo = DEMO_OPERATORS[0]!;
    const { stdout } = await run(process.execPath, ['out/usage.js'], {
      cwd: app,
      env: { ...process.env, KABINET_URL: server!.baseUrl, KABINET_KEY: demo.apiKey },
    });
    expect(JSON.parse(stdout)).toEqual({
      brands: expect.arrayContaining(demo.brands.map((b) => b.name)),
      secretLength: expect.any(Number),
      components: ['profile'],
      accepted: 1,
      refusal: [404, 'not_found'],
    });
  }, 30_000);

  it('`npx kabinet --help` prints the commands, start among them', async () => {
    const { stdout } = await kabinet(['--help']);
    expect(stdout).toContain('kabinet start');
    expect(stdout).toContain('kabinet partners list');
  });

  it("`npx kabinet partners list` reads the running server's database", async () => {
    const { stdout } = await kabinet(['partners', 'list'], { DATABASE_URL: `file:${server!.databaseFile}` });
    for (const demo of DEMO_OPERATORS) expect(stdout).toContain(`${demo.name} (${demo.id})`);
  }, 30_000);

  it('without DATABASE_URL the CLI uses ./data/kabinet.db under the working directory', async () => {
    const { stdout } = await kabinet(['migrate'], { DATABASE_URL: undefined });
    expect(stdout).toContain('Migrations applied to file:./data/kabinet.db');
    expect(existsSync(join(app, 'data/kabinet.db'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/kabinet/data'))).toBe(false);
  }, 30_000);

  it('resolves the widget entries and the manifest through the package exports', async () => {
    const script = `for (const s of ['kabinet/widgets', 'kabinet/kabinet.js', 'kabinet/operator', 'kabinet/custom-elements.json']) console.log(import.meta.resolve(s));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
    const [widgets, kabinetJs, operator, manifest] = stdout
      .trim()
      .split('\n')
      .map((u) => fileURLToPath(u));
    expect(widgets).toBe(join(app, 'node_modules/kabinet/widgets/dist/kabinet.js'));
    expect([kabinetJs, operator, manifest].map((p) => existsSync(p!))).toEqual([true, true, true]);
    const dist = join(app, 'node_modules/kabinet/widgets/dist');
    const chunks = new Set(readdirSync(join(dist, 'chunks')));
    const imported = [...readFileSync(widgets!, 'utf8').matchAll(/["']\.\/chunks\/([^"']+)["']/g)].map((m) => m[1]!);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((c) => !chunks.has(c))).toEqual([]);
    const tags = (
      JSON.parse(readFileSync(manifest!, 'utf8')) as { modules: Array<{ declarations?: Array<{ tagName?: string }> }> }
    ).modules
      .flatMap((m) => m.declarations ?? [])
      .map((d) => d.tagName);
    expect(tags).toEqual(expect.arrayContaining(['kb-portal', 'kb-network-connections']));
  });
});
