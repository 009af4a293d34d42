/**
 * Every problem the API can answer is worded in every language the widgets speak: the closed
 * lists of core/lib/errors.ts (codes, field reasons, formats, resources, states) against the
 * catalogs of widgets/src/internal/problem-messages.ts (plain TS, imported here). And the server
 * side of the bargain: every pattern the schemas use has its format named (problem.ts), and
 * requests that break each kind of check answer the reason and params the widgets word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOMAIN_ERROR_CODES,
  FIELD_PROBLEM_REASONS,
  PROBLEM_FORMATS,
  PROBLEM_RESOURCES,
  PROBLEM_STATES,
  type ProblemParams,
} from '../core/lib/errors.ts';
import { PATTERN_REASONS } from '../core/http/problem.ts';
import {
  PROBLEM_MESSAGES,
  alertMessage,
  fieldProblemMessage,
  problemMessage,
} from '../widgets/src/internal/problem-messages.ts';
import { LOCALES, type Locale } from '../widgets/src/internal/i18n.ts';
import { createTestApp } from './helpers/test-app.ts';
import { problemShapeError } from './helpers/api-fuzz.ts';

/** Params each reason's sentence needs, as the server sends them. */
const REASON_PARAMS: Record<(typeof FIELD_PROBLEM_REASONS)[number], ProblemParams> = {
  required: {},
  required_one_of: { fields: ['status', 'payout'] },
  requires_field: { field: 'amount' },
  not_applicable: { kind: 'tracker' },
  invalid_type: { expected: 'integer' },
  too_short: { minimum: 10 },
  too_long: { maximum: 120 },
  too_small: { minimum: 1 },
  too_big: { maximum: 500 },
  too_few: { minimum: 1 },
  too_many: { maximum: 30 },
  too_large: { maximum: 65536 },
  invalid_format: { format: 'email' },
  invalid_choice: { allowed: ['GET', 'POST'] },
  must_accept: {},
  outdated: { current: 'tv_1' },
  unknown_field: {},
  money_format: { decimals: 2 },
  unknown_currency: {},
  not_found_reference: { resource: 'brand' },
  already_exists: {},
  immutable: {},
  weak_password: { rule: 'common' },
  wrong_code: {},
  invalid_template: { problem: 'whitespace', position: 12 },
  invalid_value: {},
};

/** A sentence a person can read: words, no placeholder or missing value left, Cyrillic in Russian. */
function expectWorded(locale: Locale, text: string, what: string) {
  expect(text.trim().length, what).toBeGreaterThan(3);
  expect(text, what).not.toMatch(/\{\w+\}|undefined|NaN|\[object/);
  if (locale === 'ru') expect(text, `${what} is Russian`).toMatch(/[а-яё]/i);
}

describe('problem messages', () => {
  it('words every problem code in every locale', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(PROBLEM_MESSAGES[locale].codes).sort(), locale).toEqual([...DOMAIN_ERROR_CODES].sort());
      for (const code of DOMAIN_ERROR_CODES)
        expectWorded(locale, problemMessage(locale, { code }), `${locale} ${code}`);
    }
  });

  it('words every field reason in every locale, with its params', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(PROBLEM_MESSAGES[locale].reasons).sort(), locale).toEqual([...FIELD_PROBLEM_REASONS].sort());
      for (const reason of FIELD_PROBLEM_REASONS) {
        const message = 'at 12: A space or line break inside the URL: remove it, or write a space in a value as %20';
        const text = fieldProblemMessage(locale, { path: 'body.x', reason, params: REASON_PARAMS[reason], message });
        expectWorded(locale, text, `${locale} ${reason}`);
      }
    }
  });

  it('words every format, resource and state in every locale', () => {
    for (const locale of LOCALES) {
      const catalog = PROBLEM_MESSAGES[locale];
      expect(Object.keys(catalog.formats).sort(), `${locale} formats`).toEqual([...PROBLEM_FORMATS].sort());
      expect(Object.keys(catalog.resources).sort(), `${locale} resources`).toEqual([...PROBLEM_RESOURCES].sort());
      expect(Object.keys(catalog.states).sort(), `${locale} states`).toEqual([...PROBLEM_STATES].sort());
      for (const format of PROBLEM_FORMATS) {
        const text = fieldProblemMessage(locale, {
          path: 'body.x',
          reason: 'invalid_format',
          params: { format },
          message: 'x',
        });
        expectWorded(locale, text, `${locale} format ${format}`);
      }
      for (const resource of PROBLEM_RESOURCES) {
        expectWorded(
          locale,
          problemMessage(locale, { code: 'not_found', params: { resource } }),
          `${locale} ${resource}`,
        );
        expectWorded(
          locale,
          fieldProblemMessage(locale, {
            path: 'body.x',
            reason: 'not_found_reference',
            params: { resource },
            message: 'x',
          }),
          `${locale} reference ${resource}`,
        );
      }
      for (const state of PROBLEM_STATES) {
        for (const code of ['conflict', 'forbidden', 'account_inactive'] as const) {
          const params = { resource: 'campaign', state, status: 'hold', to: 'approve' };
          expectWorded(locale, problemMessage(locale, { code, params }), `${locale} ${code} ${state}`);
        }
      }
    }
  });

  it('never shows the English detail or message in Russian, whatever the server sends', () => {
    const english = { code: 'no_such_code', detail: 'Something in English', params: {} };
    expect(problemMessage('ru', english)).not.toContain('English');
    expect(problemMessage('en', english)).toBe('Something in English');
    const field = { path: 'body.x', reason: 'no_such_reason', message: 'English words' };
    expect(fieldProblemMessage('ru', field)).not.toContain('English');
    expect(fieldProblemMessage('en', field)).toBe('English words');
    const unplaced = { code: 'validation_failed', errors: [field], params: {} };
    expect(alertMessage('ru', unplaced)).toBe('x: Это значение не подходит.');
  });

  it('takes the Russian plural form the number needs', () => {
    const short = (minimum: number) =>
      fieldProblemMessage('ru', { path: 'body.p', reason: 'too_short', params: { minimum }, message: '' });
    expect([1, 2, 5, 21, 22, 25].map(short)).toEqual([
      'Минимум 1 символ.',
      'Минимум 2 символа.',
      'Минимум 5 символов.',
      'Минимум 21 символ.',
      'Минимум 22 символа.',
      'Минимум 25 символов.',
    ]);
    expect(problemMessage('ru', { code: 'rate_limited', params: { minutes: 15 } })).toBe(
      'Слишком много попыток: подождите 15 минут и попробуйте снова.',
    );
    expect(problemMessage('en', { code: 'not_found', params: { resource: 'campaign' } })).toBe(
      'The campaign was not found.',
    );
    expect(problemMessage('ru', { code: 'not_found', params: { resource: 'campaign' } })).toBe('Кампания не найдена.');
  });

  it('words a postback template problem with the editor’s own words', () => {
    const problem = {
      path: 'body.url',
      reason: 'invalid_template',
      params: { problem: 'macro_in_host', position: 8, name: 'host' },
      message:
        'at 8: ${host} is in the scheme, host or port: write the address out; macros belong in the path or the query',
    };
    expect(fieldProblemMessage('ru', problem)).toContain('стоит в схеме, хосте или порте');
    expect(fieldProblemMessage('en', problem)).toBe(
      '${host} is in the scheme, host or port: write the address out; macros belong in the path or the query',
    );
  });
});

describe("the fuzzer's check of a problem's shape", () => {
  const problem = (extra: Record<string, unknown>) => ({ code: 'validation_failed', params: {}, ...extra });
  it('passes a problem whose code, params and reasons are listed', () => {
    const errors = [{ path: 'body.email', reason: 'invalid_format', params: { format: 'email' }, message: 'x' }];
    expect(problemShapeError(problem({ errors }))).toBe(null);
  });
  it('fails a field problem without a reason or params, and unlisted codes, formats, resources and states', () => {
    expect(problemShapeError(problem({ errors: [{ path: 'body.x', message: 'x' }] }))).toMatch(/reason/);
    expect(problemShapeError(problem({ errors: [{ path: 'body.x', reason: 'required', message: 'x' }] }))).toMatch(
      /params/,
    );
    expect(
      problemShapeError(problem({ errors: [{ path: 'b', reason: 'invalid_value', params: {}, message: 'x' }] })),
    ).toMatch(/invalid_value/);
    expect(
      problemShapeError(
        problem({ errors: [{ path: 'b', reason: 'invalid_format', params: { format: 'regex' }, message: 'x' }] }),
      ),
    ).toMatch(/format/);
    expect(problemShapeError({ code: 'teapot', params: {} })).toMatch(/code/);
    expect(problemShapeError({ code: 'not_found' })).toMatch(/params/);
    expect(problemShapeError({ code: 'not_found', params: { resource: 'unicorn' } })).toMatch(/resource/);
    expect(problemShapeError({ code: 'conflict', params: { state: 'melted' } })).toMatch(/state/);
  });
});

interface Problem {
  code: string;
  params: ProblemParams;
  errors?: Array<{ path: string; reason: string; params: ProblemParams; message: string }>;
}

describe('the reasons the API answers', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let doc: unknown;
  beforeAll(async () => {
    t = await createTestApp();
    doc = await (await t.fetchApp('http://kabinet.test/openapi.json')).json();
  });
  afterAll(() => t.dispose());

  it('names the format of every pattern in the document', () => {
    const patterns = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'pattern' && typeof value === 'string') patterns.add(`/${value}/`);
          else walk(value);
        }
      }
    };
    walk(doc);
    expect(patterns.size).toBeGreaterThan(5);
    expect([...patterns].filter((p) => !PATTERN_REASONS.has(p))).toEqual([]);
  });

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await t.fetchApp(`http://kabinet.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, problem: (await res.json()) as Problem };
  };
  const reasons = (problem: Problem) =>
    Object.fromEntries((problem.errors ?? []).map((e) => [e.path, { reason: e.reason, params: e.params }]));

  it('answers sign-up mistakes with the reason and params of each', async () => {
    const { operator } = await t.addOperator('Reasons');
    const { status, problem } = await post(`/v1/public/operators/${operator.id}/sign_up`, {
      name: '',
      email: 'not an email',
      password: 'short',
      country: 'Germany',
      locale: 'de',
      acceptTerms: 'yes',
      fields: { size: 12 },
      extra: 1,
    });
    expect(status).toBe(422);
    expect(problem.params).toEqual({});
    expect(reasons(problem)).toEqual({
      'body.name': { reason: 'required', params: {} },
      'body.email': { reason: 'invalid_format', params: { format: 'email' } },
      'body.password': { reason: 'too_short', params: { minimum: 10 } },
      'body.country': { reason: 'invalid_format', params: { format: 'country_code' } },
      'body.locale': { reason: 'invalid_choice', params: { allowed: ['en', 'ru'] } },
      'body.acceptTerms': { reason: 'invalid_type', params: { expected: 'boolean' } },
      // A registration field's answer is text or true/false: a number is neither.
      'body.fields.size': { reason: 'invalid_type', params: { expected: 'string or boolean' } },
      'body.extra': { reason: 'unknown_field', params: {} },
    });
    const missing = await post(`/v1/public/operators/${operator.id}/sign_up`, {});
    expect(reasons(missing.problem)['body.email']).toEqual({ reason: 'required', params: {} });
    // Terms are the operator's: only an operator with a terms URL requires accepting them.
    const withTerms = await t.addOperator('Terms');
    await withTerms.client.v1.operator.$patch({ json: { branding: { termsUrl: 'https://terms.example/' } } });
    const unaccepted = await post(`/v1/public/operators/${withTerms.operator.id}/sign_up`, {
      name: 'Anna',
      email: 'anna@example.com',
      password: 'correct-horse-battery-9',
      country: 'DE',
      acceptTerms: false,
    });
    expect(unaccepted.status).toBe(422);
    expect(reasons(unaccepted.problem)).toEqual({ 'body.acceptTerms': { reason: 'must_accept', params: {} } });
  });

  it('answers the service checks and the top-level problems with their params', async () => {
    const { operator, key } = await t.addOperator('Params');
    const auth = { authorization: `Bearer ${key}` };
    const brand = await post('/v1/brands', { name: 'B', currency: 'XXX', websiteUrl: 'ftp://b.example' }, auth);
    expect(reasons(brand.problem)).toEqual({
      'body.currency': { reason: 'unknown_currency', params: {} },
      'body.websiteUrl': { reason: 'invalid_format', params: { format: 'url' } },
    });
    await post('/v1/brands', { name: 'Taken', currency: 'EUR', websiteUrl: 'https://b.example' }, auth);
    const again = await post('/v1/brands', { name: 'Taken', currency: 'EUR', websiteUrl: 'https://b.example' }, auth);
    expect(again.status).toBe(409);
    expect(again.problem.params).toEqual({ resource: 'brand', state: 'exists' });
    expect(reasons(again.problem)).toEqual({ 'body.name': { reason: 'already_exists', params: {} } });
    const json = await post('/v1/brands', '{"name":', auth);
    expect(json).toMatchObject({ status: 400, problem: { code: 'bad_request', params: {} } });
    const missing = await t.fetchApp(`http://kabinet.test/v1/partners/pa_nobody/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ action: 'approve' }),
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Problem).params).toEqual({ resource: 'partner' });
    const signIn = await post(`/v1/public/operators/${operator.id}/sign_in`, {
      email: 'nobody@example.com',
      password: 'whatever-it-is',
    });
    expect(signIn.problem).toMatchObject({ code: 'unauthorized', params: {} });
  });
});
