/**
 * The package as an operator's project gets it: `npm pack` of this repository (after `npm run
 * build`), installed into a scratch project outside it without the network, then
 * - a TypeScript file using `kabinet/sdk` typechecks with this repo's tsc (NodeNext resolution,
 *   through the package's `exports`), its route types real: a wrong field does not compile;
 * - the same file, compiled, calls a live server through the installed SDK (plain JS + hono);
 * - `kabinet/widgets`, `kabinet/operator` and `kabinet/custom-elements.json` resolve to files in
 *   the package, with every chunk kabinet.js imports.
 * `npm install --offline <tarball>` would need the registry's metadata, which an install from a
 * lockfile never cached, so the scratch project gets a lockfile: the tarball plus this
 * repository's lock entries for the runtime dependencies, and `npm ci --offline` fetches them
 * from the npm cache by their integrity.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OPERATORS } from '../demo/seed.ts';
import { startLiveServer } from './helpers/live-server.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const npm = (args: string[], cwd: string) =>
  run('npm', args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false' }, maxBuffer: 32 * 1024 * 1024 });

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
const event: PlayerEvent = { id: 'pkg-' + Date.now(), type: 'registration', player_id: 'pkg-player', brand: brands.data[0]!.id, occurred_at: new Date().toISOString() };
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
    'operator.sendEvents([{ id: "e", type: "deposit", player_id: "p", brand: "b", amount: 25.5, currency: "EUR", occurred_at: "" }])',
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
let server: Awaited<ReturnType<typeof startLiveServer>>;
const serverStarting = startLiveServer({ KABINET_SEED_CLICKS: '50' });

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
  const packed = JSON.parse((await npm(['pack', '--json', '--pack-destination', work], root)).stdout) as Array<{
    filename: string;
  }>;
  tarball = join(work, packed[0]!.filename);
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
  server = await serverStarting;
}, 90_000);
afterAll(async () => {
  await (server ?? (await serverStarting.catch(() => null)))?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package in a scratch project', () => {
  it('ships the compiled SDK and the widgets, no TypeScript sources', async () => {
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
      ]),
    );
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    const declarations = readFileSync(join(app, 'node_modules/kabinet/dist/sdk/index.d.ts'), 'utf8');
    expect([...declarations.matchAll(/(?:from\s*|import\()\s*["']([^"']+)["']/g)].map((m) => m[1])).toEqual(
      expect.arrayContaining(['hono/client']),
    );
    expect(declarations).not.toMatch(/from\s*["']\.|import\(["']\./);
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

  it('calls a live server through the installed SDK', async () => {
    const demo = DEMO_OPERATORS[0]!;
    const { stdout } = await run(process.execPath, ['out/usage.js'], {
      cwd: app,
      env: { ...process.env, KABINET_URL: server.baseUrl, KABINET_KEY: demo.apiKey },
    });
    expect(JSON.parse(stdout)).toEqual({
      brands: expect.arrayContaining(demo.brands.map((b) => b.name)),
      secretLength: expect.any(Number),
      components: ['profile'],
      accepted: 1,
      refusal: [404, 'not_found'],
    });
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
