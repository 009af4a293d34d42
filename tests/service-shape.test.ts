import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeScriptFiles } from './helpers/source-files.ts';

/**
 * One service shape (docs: DESIGN.md, "Boundaries"): `fn(ctx, input)`, with the tenant in `ctx`
 * (core/lib/context.ts: TenantContext, PartnerContext and their narrow picks), at most one input
 * after it (an object when there are several values), never the operator id or the partner
 * principal as a parameter of its own. This reads every exported function of core/modules/ (tests
 * excepted) whose first parameter is a context (`ctx` or `deps`) and fails naming each one that
 * breaks the shape, and each one whose context carries no tenant without being listed below.
 */
const root = resolve(import.meta.dirname, '..');
const modulesDir = join(root, 'core', 'modules');

/**
 * Services whose context has no tenant on purpose, with why. A new one belongs here only when it
 * cannot know the operator before it runs (it finds it) or works across operators by design.
 */
const NOT_TENANT_SCOPED: Record<string, string> = {
  createOperator: 'creates the tenant',
  authenticateApiKey: 'finds the operator by the hash of its secret key',
  isOriginAllowedByAnyOperator: 'a CORS preflight carries no credentials',
  findFallbackUrlForHost: 'the /t redirect finds the operator by the tracking host',
  findPromoByTrackingCode: 'the /t redirect finds the operator by the link code',
  authenticateSession: 'finds the operator by the hash of the session token',
  authenticateApiKeyWithId: 'finds the operator (and the key) by the hash of its secret key',
  findStaffSession: 'finds the operator by the hash of the console session token',
  authenticateStatisticToken: 'finds the operator by the hash of the statistic token',
  findRetiredStatisticToken: 'finds why a statistic token was retired by its hash, before any operator is known',
  authenticateConnection: 'finds the operator by the inbound connection and its token',
  countRecentFailures: 'the per-IP sign-in throttle counts across operators',
  clearFailuresStatement: 'by the primary key of a user its caller loaded within the tenant',
  listMailbox: 'the demo mailbox shows every tenant (an operator filter is optional)',
  oneAtATime: 'an in-process lock keyed by the deps, not a query',
  sendAttempt: "the delivery runner's pass spans operators; each delivery row names its own",
  recordAttempt: "the delivery runner's pass spans operators; each delivery row names its own",
  attemptNow: 'sends one delivery row its caller already loaded within the tenant',
  postbackHandlers: "builds the job handlers from the edge's deps",
  billingHandlers: "builds the job handlers from the edge's deps",
  listOperatorsWithPlans: 'the scheduled billing run visits every operator with plans',
  cashOutScheduleHandlers: "builds the job handlers from the edge's deps",
  requestedReportHandlers: "builds the job handlers from the edge's deps",
  newsHandlers: "builds the job handlers from the edge's deps",
  networkApiHandlers: "builds the job handlers from the edge's deps",
  listDueSyncs: 'the minutely pass visits every operator’s adapters that are due',
  listOperatorsWithSchedules: 'the hourly cash-out schedules run visits every operator with enabled schedules',
};

interface ExportedFunction {
  file: string;
  name: string;
  params: Array<{ name: string; type: string }>;
  /** The file's own type aliases (`type Read = Pick<TenantContext, …>`), by name, to see through them. */
  aliases: Map<string, string>;
}

/** The text between the parenthesis at `open` and its match. */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '{' || ch === '[' || ch === '<') depth++;
    else if (ch === ')' || ch === '}' || ch === ']' || (ch === '>' && text[i - 1] !== '=')) depth--;
    if (depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced parameter list at ${open}`);
}

/** Top-level comma-separated parameters, as name and type text. */
function parameters(list: string): Array<{ name: string; type: string }> {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i]!;
    if ('({[<'.includes(ch)) depth++;
    else if (')}]'.includes(ch) || (ch === '>' && list[i - 1] !== '=')) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [, name = '', type = ''] = /^([\w$]+)\??\s*(?::\s*([\s\S]*?))?(?:\s*=[\s\S]*)?$/.exec(p) ?? [];
      return { name, type: type.replace(/\s+/g, ' ') };
    });
}

function exportedFunctions(): ExportedFunction[] {
  const found: ExportedFunction[] = [];
  for (const path of typeScriptFiles(modulesDir)) {
    if (path.endsWith('.test.ts')) continue;
    const file = relative(root, path).split(sep).join('/');
    const text = readFileSync(path, 'utf8');
    const aliases = new Map(
      [...text.matchAll(/^(?:export )?type (\w+) = ([^;]+);/gm)].map((m) => [m[1]!, m[2]!.replace(/\s+/g, ' ')]),
    );
    const declaration = /^export (?:async )?function (\w+)\s*(?:<[^(]*>)?\s*\(/gm;
    const arrow = /^export const (\w+)\s*=\s*(?:async\s*)?(?:<[^(]*>)?\s*\(/gm;
    for (const pattern of [declaration, arrow]) {
      for (const m of text.matchAll(pattern)) {
        const open = m.index + m[0].length - 1;
        const body = text.slice(open + balanced(text, open).length + 2).trimStart();
        // `export const x = (…)` that is not an arrow function (a parenthesised value) is no service.
        if (pattern === arrow && !/^(?::[^=]*)?=>/.test(body)) continue;
        found.push({ file, name: m[1]!, params: parameters(balanced(text, open)), aliases });
      }
    }
  }
  return found;
}

/** The context types that carry the operator (core/lib/context.ts, and mail's MailDeps, a pick of TenantContext). */
const TENANT_TYPES =
  /^(TenantContext|PartnerContext|TenantStore|TenantRead|PartnerRead|PartnerStore|TenantDb|MailDeps)\b/;
const carriesTenant = (type: string, aliases: Map<string, string>): boolean => {
  if (TENANT_TYPES.test(type) || /^Pick<(Tenant|Partner)Context, [^>]*'operatorId'/.test(type)) return true;
  const alias = aliases.get(/^\w+/.exec(type)?.[0] ?? '');
  return alias !== undefined && carriesTenant(alias, new Map());
};

const services = () => exportedFunctions().filter((f) => f.params[0] && ['ctx', 'deps'].includes(f.params[0].name));
const describeFn = (f: ExportedFunction) => `${f.file}: ${f.name}(${f.params.map((p) => p.name).join(', ')})`;

describe('service shape', () => {
  it('every exported service takes (ctx, input): at most one input, never the operator or the principal on its own', () => {
    const broken = services().filter((f) => {
      const inputs = f.params.slice(1);
      return (
        inputs.length > 1 ||
        inputs.some((p) => p.name === 'operatorId' || /\bPartnerPrincipal\b/.test(p.type) || p.name === 'who')
      );
    });
    expect(
      broken.map(describeFn),
      'put the tenant in ctx (TenantContext, PartnerContext) and the rest in one input',
    ).toEqual([]);
  });

  it('a service whose context has no tenant is one of the few that find the operator (or span operators) on purpose', () => {
    const untenanted = services().filter((f) => !carriesTenant(f.params[0]!.type, f.aliases));
    expect(
      untenanted.filter((f) => !(f.name in NOT_TENANT_SCOPED)).map(describeFn),
      'scope it to the tenant (TenantContext or a pick of it), or list it in NOT_TENANT_SCOPED with the reason',
    ).toEqual([]);
    const names = new Set(untenanted.map((f) => f.name));
    expect(
      Object.keys(NOT_TENANT_SCOPED).filter((name) => !names.has(name)),
      'NOT_TENANT_SCOPED entries that no longer occur: remove them',
    ).toEqual([]);
  });

  it('the scan sees the services (a moved folder or a missed form would pass it vacuously)', () => {
    const byName = new Map(services().map((f) => [f.name, f]));
    for (const name of ['listBrands', 'signIn', 'ingestEvents', 'recordConversion', 'createPostback', 'clickFacts'])
      expect(byName.has(name), name).toBe(true);
    expect(byName.get('signIn')!.params.map((p) => p.type)).toEqual(['TenantContext', 'SignInInput']);
    expect(services().length).toBeGreaterThan(100);
  });
});
