/**
 * A fuzzer for the whole HTTP API: every route of /openapi.json gets generated bad bodies,
 * content types, query strings and path ids, as an anonymous caller, with the operator's key and
 * with a partner session. Whatever arrives, the answer is never 5xx and every 4xx is
 * problem+json whose code, params and field reasons come from the closed lists clients word
 * (core/lib/errors.ts). Shared by the Node suite (many runs) and the Deno and workerd smoke
 * suites (a smaller sample over real HTTP).
 */
import fc from 'fast-check';
import {
  DOMAIN_ERROR_CODES,
  FIELD_PROBLEM_REASONS,
  PROBLEM_FORMATS,
  PROBLEM_RESOURCES,
  PROBLEM_STATES,
} from '../../core/lib/errors.ts';

export interface FuzzTarget {
  baseUrl: string;
  fetch: typeof fetch;
  operatorKey: string;
  /** Signs a partner in again (a fuzzed sign-out or password change may end the session). */
  partnerToken: () => Promise<string>;
  /** A partner user's statistic token, fetched again likewise (a fuzzed rotate or expire ends it). */
  statisticToken?: () => Promise<string>;
  /** Real ids of this and another tenant, so path ids hit real rows as well as garbage. */
  knownIds: string[];
}

interface Operation {
  security?: Array<Record<string, string[]>>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header' | 'cookie' }>;
}
interface Schema {
  $ref?: string;
  properties?: Record<string, Schema>;
  type?: string | string[];
  items?: Schema;
  enum?: unknown[];
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzRoute {
  method: string;
  path: string;
  operation: Operation;
}

/** Strings that turn into something else somewhere: addresses, paths, templates, markup. */
const NASTY = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\uFFFF',
  '\uD800',
  'http://127.0.0.1:22/',
  'http://[::1]/',
  'http://0x7f000001/',
  'http://${a}.${b}/x',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  'x'.repeat(5000),
  '2026-13-45T99:99:99Z',
  '-9223372036854775809',
  '99999999999999999999.999',
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const anyValue = fc.oneof(nastyString, fc.jsonValue({ maxDepth: 2 }), fc.integer(), fc.double(), fc.constant(null));

function resolve(schema: Schema | undefined, doc: OpenApiDoc): Schema | undefined {
  if (!schema?.$ref) return schema;
  return doc.components?.schemas?.[schema.$ref.split('/').pop()!];
}

/**
 * Values of the schema's own type most of the time (so requests get past validation into the
 * handlers), anything at all otherwise.
 */
function valueFor(schema: Schema | undefined, doc: OpenApiDoc, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (!s || depth > 3) return anyValue;
  const alternatives = s.anyOf ?? s.oneOf;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  let typed: fc.Arbitrary<unknown> = anyValue;
  if (s.enum?.length) typed = fc.constantFrom(...s.enum);
  else if (alternatives?.length) typed = fc.oneof(...alternatives.map((a) => valueFor(a, doc, depth + 1)));
  else if (type === 'string') {
    typed =
      s.format === 'date-time'
        ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
        : s.format === 'date'
          ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
          : nastyString;
  } else if (type === 'integer' || type === 'number')
    typed = fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.integer(), fc.constantFrom(0, -1, 2 ** 53, 1e308));
  else if (type === 'boolean') typed = fc.boolean();
  else if (type === 'array') typed = fc.array(valueFor(s.items, doc, depth + 1), { maxLength: 3 });
  else if (type === 'object' || s.properties) typed = objectFor(s, doc, depth + 1);
  return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: anyValue });
}

function objectFor(schema: Schema, doc: OpenApiDoc, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(schema.properties ?? {});
  if (!keys.length) return fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 4 });
  return fc.record(Object.fromEntries(keys.map((k) => [k, valueFor(schema.properties![k], doc, depth)])), {
    requiredKeys: [],
  });
}

/** Objects with the schema's own keys (so validation gets past "unknown key") and wrong values. */
function bodyFor(operation: Operation, doc: OpenApiDoc): fc.Arbitrary<string> {
  const schema = resolve(Object.values(operation.requestBody?.content ?? {})[0]?.schema, doc);
  const shaped = schema
    ? objectFor(schema, doc, 0)
    : fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 4 });
  return fc.oneof(
    { weight: 6, arbitrary: shaped.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '{}', '{', '{"a":', 'null', '[]', '"x"', '\u0000', '{"__proto__":{"x":1}}'),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=b',
  'application/xml',
  'APPLICATION/JSON',
  '',
];

export function listRoutes(doc: OpenApiDoc): FuzzRoute[] {
  const routes: FuzzRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations))
      routes.push({ method: method.toUpperCase(), path, operation });
  }
  return routes;
}

function requestFor(route: FuzzRoute, doc: OpenApiDoc, knownIds: string[]): fc.Arbitrary<FuzzInput> {
  const pathParams = (route.path.match(/\{([^}]+)\}/g) ?? []).map((p) => p.slice(1, -1));
  const pathValue = fc.oneof(
    fc.constantFrom(...knownIds),
    nastyString.filter((s) => s.length > 0),
    fc.constantFrom('..', '%2e%2e', 'a%2Fb'),
  );
  const queryNames = (route.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const queryKey = queryNames.length
    ? fc.oneof(fc.constantFrom(...queryNames), fc.string({ maxLength: 6 }))
    : fc.string({ maxLength: 6 });
  return fc.record({
    params: fc.tuple(...pathParams.map(() => pathValue)),
    rawParams: fc.boolean(),
    query: fc.array(fc.tuple(queryKey, fc.oneof(nastyString, fc.integer().map(String))), { maxLength: 4 }),
    body:
      route.operation.requestBody || route.method !== 'GET'
        ? fc.option(bodyFor(route.operation, doc), { nil: undefined, freq: 6 })
        : fc.constant(undefined),
    contentType: fc.constantFrom(...CONTENT_TYPES),
    auth: fc.constantFrom('none', 'operator', 'partner', 'garbage'),
  }) as fc.Arbitrary<FuzzInput>;
}

type FuzzInput = {
  params: string[];
  rawParams: boolean;
  query: Array<[string, string]>;
  body: string | undefined;
  contentType: string;
  auth: 'none' | 'operator' | 'partner' | 'garbage';
};

/** A failure with everything needed to replay it by hand. */
class FuzzFailure extends Error {}

/** An error and its causes in one line (undici's `fetch failed` hides the socket's error in `cause`). */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e !== undefined && parts.length < 4; e = (e as { cause?: unknown }).cause) {
    parts.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    if (!(e instanceof Error)) break;
  }
  return parts.join(' ← ');
}

const isIn = (list: readonly string[], value: unknown) => typeof value === 'string' && list.includes(value);
const isParams = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What is wrong with a 4xx body for a client that words problems itself, or null: a code outside
 * DOMAIN_ERROR_CODES, params that are no object or name a resource or state outside their lists,
 * a field problem without a listed reason (the catch-all `invalid_value` counts as unmapped) or
 * without params, an `invalid_format` without a listed format.
 */
export function problemShapeError(problem: Record<string, unknown>): string | null {
  if (!isIn(DOMAIN_ERROR_CODES, problem.code)) return `code ${String(problem.code)} is not in DOMAIN_ERROR_CODES`;
  if (!isParams(problem.params)) return 'params is not an object';
  const { resource, state } = problem.params;
  if (resource !== undefined && !isIn(PROBLEM_RESOURCES, resource)) return `resource ${String(resource)} is not listed`;
  if (state !== undefined && !isIn(PROBLEM_STATES, state)) return `state ${String(state)} is not listed`;
  if (problem.errors === undefined) return null;
  if (!Array.isArray(problem.errors)) return 'errors is not an array';
  for (const error of problem.errors as Array<Record<string, unknown>>) {
    const at = `errors[] ${String(error.path)}`;
    if (typeof error.path !== 'string' || typeof error.message !== 'string') return `${at}: no path or message`;
    if (!isIn(FIELD_PROBLEM_REASONS, error.reason) || error.reason === 'invalid_value')
      return `${at}: reason ${String(error.reason)} is not a worded reason`;
    if (!isParams(error.params)) return `${at}: params is not an object`;
    if (error.reason === 'invalid_format' && !isIn(PROBLEM_FORMATS, error.params.format))
      return `${at}: format ${String(error.params.format)} is not listed`;
    if (error.reason === 'not_found_reference' && !isIn(PROBLEM_RESOURCES, error.params.resource))
      return `${at}: resource ${String(error.params.resource)} is not listed`;
  }
  return null;
}

export async function fuzzApi(
  target: FuzzTarget,
  options: { runsPerRoute: number; seed?: number; onlyPaths?: RegExp },
): Promise<{ routes: number; requests: number }> {
  const doc = (await (await target.fetch(`${target.baseUrl}/openapi.json`)).json()) as OpenApiDoc;
  const routes = listRoutes(doc).filter((r) => !options.onlyPaths || options.onlyPaths.test(r.path));
  let partnerToken = await target.partnerToken();
  let statisticToken = await target.statisticToken?.();
  let requests = 0;
  const failures: string[] = [];
  for (const route of routes) {
    // Every route is tried even after one fails, so one run lists every broken route.
    const params = (route.path.match(/\{/g) ?? []).map(() => target.knownIds[0]!);
    // The partner caller of a Report API route presents the statistic token instead of a session.
    const byStatisticToken = Object.keys(route.operation.security?.[0] ?? {})[0] === 'statisticToken';
    // Fixed cases first, every run: an empty object and an empty body as each kind of caller.
    const examples = (['operator', 'partner'] as const).flatMap((auth) =>
      ['{}', ''].map(
        (body) =>
          [
            {
              params,
              rawParams: false,
              query: [] as Array<[string, string]>,
              body,
              contentType: 'application/json',
              auth,
            },
          ] as [FuzzInput],
      ),
    );
    await fc
      .assert(
        fc.asyncProperty(requestFor(route, doc, target.knownIds), async (input: FuzzInput) => {
          let index = 0;
          const path = route.path.replace(/\{[^}]+\}/g, () => {
            // A lone surrogate cannot travel in a URL: the client would send U+FFFD instead.
            const value = input.params[index++]!.replace(/[\uD800-\uDFFF]/g, '\uFFFD');
            return input.rawParams ? value.replace(/[/?#%\s]/g, encodeURIComponent) : encodeURIComponent(value);
          });
          const query = new URLSearchParams(input.query).toString();
          const headers: Record<string, string> = {};
          if (input.contentType) headers['content-type'] = input.contentType;
          if (input.auth === 'operator') headers.authorization = `Bearer ${target.operatorKey}`;
          if (input.auth === 'partner')
            headers.authorization = `Bearer ${byStatisticToken && statisticToken ? statisticToken : partnerToken}`;
          if (input.auth === 'garbage') headers.authorization = 'Bearer kb_garbage';
          const withBody = route.method !== 'GET' && route.method !== 'HEAD' && input.body !== undefined;
          const url = `${target.baseUrl}${path}${query ? `?${query}` : ''}`;
          const sent = `${route.method} ${url}\nheaders ${JSON.stringify(headers)}\nbody ${withBody ? JSON.stringify(input.body) : '(none)'}`;
          const res = await target
            .fetch(url, {
              method: route.method,
              headers,
              redirect: 'manual',
              ...(withBody ? { body: input.body } : {}),
            })
            .catch((error: Error) => {
              throw new FuzzFailure(`no answer (${describeError(error)}):\n${sent}`);
            });
          requests++;
          const text = await res.text();
          const replay = `${sent}\n→ ${res.status} ${text.slice(0, 300)}`;
          if (res.status >= 500) throw new FuzzFailure(`5xx answer:\n${replay}`);
          if (res.status >= 400) {
            if (res.headers.get('content-type') !== 'application/problem+json')
              throw new FuzzFailure(`4xx without problem+json:\n${replay}`);
            let problem: { code?: string; status?: number };
            try {
              problem = JSON.parse(text) as typeof problem;
            } catch {
              throw new FuzzFailure(`problem+json that is not JSON:\n${replay}`);
            }
            if (!problem.code || problem.status !== res.status) throw new FuzzFailure(`malformed problem:\n${replay}`);
            const shape = problemShapeError(problem);
            if (shape) throw new FuzzFailure(`problem clients cannot word (${shape}):\n${replay.slice(0, 2000)}`);
          }
          if (input.auth === 'partner' && res.status === 401) {
            // The session may have ended (a fuzzed sign-out): sign in again. If that fails, an
            // earlier request changed the partner's account, and this is the first to notice.
            try {
              if (byStatisticToken) statisticToken = await target.statisticToken?.();
              else partnerToken = await target.partnerToken();
            } catch (error) {
              throw new FuzzFailure(`signing in again after a 401 failed (${describeError(error)}):\n${replay}`);
            }
          }
        }),
        {
          numRuns: options.runsPerRoute,
          examples,
          ...(options.seed !== undefined ? { seed: options.seed } : {}),
          endOnFailure: true,
        },
      )
      .catch((error: Error) => {
        // Name the route and the error the request met: fast-check's own message has neither when
        // the request itself threw (a dropped connection, a sign-in that failed).
        const cause = error.cause;
        const detail = cause instanceof FuzzFailure ? cause.message : `${describeError(cause)}\n${error.message}`;
        failures.push(`${route.method} ${route.path}: ${detail}`);
      });
  }
  if (failures.length)
    throw new FuzzFailure(`${failures.length} of ${routes.length} routes failed:\n\n${failures.join('\n\n')}`);
  return { routes: routes.length, requests };
}
