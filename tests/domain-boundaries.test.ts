import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_STATUS } from '../core/http/problem.ts';
import { DOMAIN_ERROR_CODES } from '../core/lib/errors.ts';
import { IMPORT_SPECIFIER, typeScriptFiles } from './helpers/source-files.ts';

/**
 * The domain does not depend on HTTP (docs: DESIGN.md, "Boundaries"). Services, jobs and the shared
 * helpers take a `ServiceContext` (core/lib/context.ts) and throw `DomainError`s (core/lib/errors.ts);
 * only core/http/ and the modules' route files know about Hono contexts, problem+json and AppDeps.
 * This scans every `.ts` file under core/modules/, core/jobs/, core/lib/ and core/db/ and fails on
 * any import that resolves into core/http/.
 *
 * Not scanned: route files (`routes.ts`, `*-routes.ts`), which are the HTTP layer of a module, and
 * `*.test.ts` files, which may build an app to drive a service through its route.
 * Type-only imports count: a service typed by AppDeps is coupled to the HTTP layer all the same.
 */
const root = resolve(import.meta.dirname, '..');
const httpDir = join(root, 'core', 'http');
const scanned = ['modules', 'jobs', 'lib', 'db'].map((d) => join(root, 'core', d));

/**
 * Imports into core/http/ not moved yet, as `file imports specifier`. Counted: a new violation fails,
 * and so does an entry that no longer occurs (shrink the list when you fix one).
 */
const ALLOWED: string[] = [];

const isRouteFile = (base: string) => base === 'routes.ts' || base.endsWith('-routes.ts');

function scannedFiles(): string[] {
  return scanned
    .flatMap((dir) => typeScriptFiles(dir))
    .filter((file) => {
      const base = file.slice(file.lastIndexOf(sep) + 1);
      return !base.endsWith('.test.ts') && !isRouteFile(base);
    });
}

function httpImports(): string[] {
  const found: string[] = [];
  for (const file of scannedFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_SPECIFIER)) {
      const spec = m[2]!;
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (target !== httpDir && !target.startsWith(httpDir + sep)) continue;
      found.push(`${relative(root, file).split(sep).join('/')} imports ${spec}`);
    }
  }
  return [...new Set(found)].sort();
}

describe('domain boundaries', () => {
  it('no service, job, helper or schema file imports core/http/ (route files excepted)', () => {
    const found = httpImports();
    const allowed = new Set(ALLOWED);
    expect(
      found.filter((v) => !allowed.has(v)),
      'new imports of core/http/ outside route files',
    ).toEqual([]);
    expect(
      ALLOWED.filter((v) => !found.includes(v)),
      'allow-list entries that no longer occur: remove them',
    ).toEqual([]);
    expect(found.length).toBe(ALLOWED.length);
  });

  it('the shared layers below the modules (core/lib, core/jobs, core/db) import no Hono either', () => {
    const below = ['lib', 'jobs', 'db']
      .flatMap((d) => typeScriptFiles(join(root, 'core', d)))
      .filter((f) => !f.endsWith('.test.ts'));
    const found = below.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)]
        .map((m) => m[2]!)
        .filter((spec) => spec === 'hono' || spec.startsWith('hono/') || spec.startsWith('@hono/'))
        .map((spec) => `${relative(root, file).split(sep).join('/')} imports ${spec}`),
    );
    expect(found).toEqual([]);
  });

  it('the scan sees the services (a moved folder would pass it vacuously)', () => {
    const files = scannedFiles().map((f) => relative(root, f).split(sep).join('/'));
    for (const f of [
      'core/modules/identity/sign-in.ts',
      'core/modules/postbacks/service.ts',
      'core/jobs/outbox.ts',
      'core/lib/money.ts',
    ])
      expect(files).toContain(f);
    expect(files).not.toContain('core/modules/identity/partner-routes.ts');
  });

  it("the HTTP layer maps every domain error code, in the list's order (the OpenAPI `code` enum is PROBLEM_STATUS's keys)", () => {
    expect(Object.keys(PROBLEM_STATUS)).toEqual([...DOMAIN_ERROR_CODES]);
  });
});
