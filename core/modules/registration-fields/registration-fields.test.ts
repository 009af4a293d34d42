/**
 * Registration fields: the operator defines them (keys unique, select needs options), sign-up
 * checks answers against them (422 naming `fields.<key>`, nothing stored) and stores them with the
 * account; the partner reads and edits its answers (required ones stay); the operator reads them,
 * deactivated fields included.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { PASSWORD, activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Lucky', ['https://lucky.example']);
});
afterEach(() => t.dispose());

const problemOf = async (res: { json(): Promise<unknown>; status: number }) => ({
  status: res.status,
  ...((await res.json()) as { code: string; errors?: Array<{ path: string; reason: string; params?: object }> }),
});

async function defineFields() {
  const source = await unwrap(
    op.client.v1.registration_fields.$post({
      json: {
        key: 'traffic_source',
        label: { en: 'Main traffic source', ru: 'Основной источник трафика' },
        kind: 'select',
        options: [
          { value: 'seo', label: { en: 'SEO', ru: 'SEO' } },
          { value: 'social', label: { en: 'Social', ru: 'Соцсети' } },
        ],
        required: true,
      },
    }),
  );
  const site = await unwrap(
    op.client.v1.registration_fields.$post({
      json: { key: 'site_url', label: { en: 'Website', ru: 'Сайт' }, kind: 'text' },
    }),
  );
  const paid = await unwrap(
    op.client.v1.registration_fields.$post({
      json: { key: 'paid', label: { en: 'I run paid campaigns', ru: 'Я веду платные кампании' }, kind: 'checkbox' },
    }),
  );
  return { source, site, paid };
}

const signUp = (email: string, fields?: Record<string, string | boolean>) =>
  t.clientFor().v1.public.operators[':operatorId'].sign_up.$post({
    param: { operatorId: op.operator.id },
    json: { name: 'Anna', email, password: PASSWORD, country: 'DE', ...(fields ? { fields } : {}) },
  });

describe('defining fields', () => {
  it('keeps keys unique, orders by position, needs options for a select and none for other kinds', async () => {
    const { source, site, paid } = await defineFields();
    expect([source.position, site.position, paid.position]).toEqual([0, 1, 2]);
    const dup = await problemOf(
      await op.client.v1.registration_fields.$post({
        json: { key: 'site_url', label: { en: 'x', ru: 'x' }, kind: 'text' },
      }),
    );
    expect(dup).toMatchObject({ status: 422, errors: [{ path: 'body.key', reason: 'already_exists' }] });
    const noOptions = await problemOf(
      await op.client.v1.registration_fields.$post({ json: { key: 'x', label: { en: 'x', ru: 'x' }, kind: 'select' } }),
    );
    expect(noOptions.errors).toEqual([expect.objectContaining({ path: 'body.options', reason: 'too_few' })]);
    const stray = await problemOf(
      await op.client.v1.registration_fields.$post({
        json: {
          key: 'y',
          label: { en: 'y', ru: 'y' },
          kind: 'text',
          options: [{ value: 'a', label: { en: 'a', ru: 'a' } }],
        },
      }),
    );
    expect(stray.errors).toEqual([expect.objectContaining({ path: 'body.options', reason: 'not_applicable' })]);

    await unwrap(
      op.client.v1.registration_fields[':fieldId'].$patch({ param: { fieldId: paid.id }, json: { position: 0 } }),
    );
    await unwrap(
      op.client.v1.registration_fields[':fieldId'].$patch({ param: { fieldId: source.id }, json: { position: 5 } }),
    );
    const list = await unwrap(op.client.v1.registration_fields.$get());
    expect(list.data.map((f) => f.key)).toEqual(['paid', 'site_url', 'traffic_source']);
    const other = await t.addOperator('Other');
    const foreign = await other.client.v1.registration_fields[':fieldId'].$patch({
      param: { fieldId: paid.id },
      json: { active: false },
    });
    expect(foreign.status).toBe(404);
  });
});

describe('answers', () => {
  it('sign-up refuses bad answers naming fields.<key> and stores nothing; good answers are stored with the account', async () => {
    await defineFields();
    const bad = await problemOf(
      await signUp('anna@example.com', { traffic_source: 'tv', site_url: 'x'.repeat(501), nope: 'x', paid: 'yes' }),
    );
    expect(bad.status).toBe(422);
    expect(bad.errors?.map((e) => [e.path, e.reason]).sort()).toEqual([
      ['body.fields.nope', 'unknown_field'],
      ['body.fields.paid', 'invalid_type'],
      ['body.fields.site_url', 'too_long'],
      ['body.fields.traffic_source', 'invalid_choice'],
    ]);
    const missing = await problemOf(await signUp('anna@example.com', { site_url: 'https://a.example' }));
    expect(missing.errors).toEqual([
      expect.objectContaining({ path: 'body.fields.traffic_source', reason: 'required' }),
    ]);
    expect((await unwrap(op.client.v1.partners.$get({ query: {} }))).data).toEqual([]);

    const { partnerId } = await unwrap(signUp('anna@example.com', { traffic_source: 'seo', paid: true }));
    const answers = await unwrap(op.client.v1.partners[':partnerId'].fields.$get({ param: { partnerId } }));
    expect(answers.fields.map((f) => [f.key, f.value])).toEqual([
      ['traffic_source', 'seo'],
      ['site_url', null],
      ['paid', true],
    ]);
    const other = await t.addOperator('Other');
    expect((await other.client.v1.partners[':partnerId'].fields.$get({ param: { partnerId } })).status).toBe(404);
  });

  it('the partner edits its answers, cannot empty a required one; deactivated fields vanish for it but stay for the operator', async () => {
    const { site } = await defineFields();
    // activePartner signs up without answers: define the required field after it exists.
    await unwrap(
      op.client.v1.registration_fields[':fieldId'].$patch({ param: { fieldId: site.id }, json: { required: false } }),
    );
    const fields = await unwrap(op.client.v1.registration_fields.$get());
    for (const field of fields.data.filter((candidate) => candidate.required))
      await unwrap(
        op.client.v1.registration_fields[':fieldId'].$patch({
          param: { fieldId: field.id },
          json: { required: false },
        }),
      );
    const { partnerId } = await activePartner(t, op.operator.id, 'anna@example.com');
    const source = fields.data.find((f) => f.key === 'traffic_source')!;
    await unwrap(
      op.client.v1.registration_fields[':fieldId'].$patch({ param: { fieldId: source.id }, json: { required: true } }),
    );
    const { client } = await signedInClient(t, op.operator.id, 'anna@example.com');

    const before = await unwrap(client.v1.partner.profile.fields.$get());
    expect(before.fields.map((f) => [f.key, f.value, f.required])).toEqual([
      ['traffic_source', null, true],
      ['site_url', null, false],
      ['paid', null, false],
    ]);
    const updated = await unwrap(
      client.v1.partner.profile.fields.$patch({
        json: { fields: { traffic_source: 'social', site_url: 'https://a.example' } },
      }),
    );
    expect(updated.fields.map((f) => f.value)).toEqual(['social', 'https://a.example', null]);
    const emptied = await problemOf(
      await client.v1.partner.profile.fields.$patch({ json: { fields: { traffic_source: '' } } }),
    );
    expect(emptied.errors).toEqual([
      expect.objectContaining({ path: 'body.fields.traffic_source', reason: 'required' }),
    ]);
    const cleared = await unwrap(client.v1.partner.profile.fields.$patch({ json: { fields: { site_url: null } } }));
    expect(cleared.fields.map((f) => f.value)).toEqual(['social', null, null]);

    await unwrap(
      op.client.v1.registration_fields[':fieldId'].$patch({ param: { fieldId: source.id }, json: { active: false } }),
    );
    expect((await unwrap(client.v1.partner.profile.fields.$get())).fields.map((f) => f.key)).toEqual([
      'site_url',
      'paid',
    ]);
    const forOperator = await unwrap(op.client.v1.partners[':partnerId'].fields.$get({ param: { partnerId } }));
    expect(forOperator.fields.find((f) => f.key === 'traffic_source')).toMatchObject({
      active: false,
      value: 'social',
    });
  });

  it('the public list has only active fields, in order, and 404s an unknown operator', async () => {
    const { site } = await defineFields();
    await unwrap(
      op.client.v1.registration_fields[':fieldId'].$patch({ param: { fieldId: site.id }, json: { active: false } }),
    );
    const anon = t.clientFor().v1.public.operators[':operatorId'].registration_fields;
    const list = await unwrap(anon.$get({ param: { operatorId: op.operator.id } }));
    expect(list.data.map((f) => f.key)).toEqual(['traffic_source', 'paid']);
    expect((await anon.$get({ param: { operatorId: 'op_missing' } })).status).toBe(404);
  });
});
