/**
 * The API adapter's form as data: each field a descriptor (its path in the adapter's JSON, its kind,
 * its options, what a new form holds, when it shows), grouped in the four sections of the adapter;
 * and the variables each request's templates may use. network-api-form.ts renders and reads them.
 */
import {
  COMMON_VARIABLES,
  LEAD_VARIABLES,
  POLL_VARIABLES,
  SIGNING_VARIABLES,
} from '../../../../core/modules/network-api/variables.ts';
import type { ConsoleKey } from './kb-network-connections.messages.ts';

export type FormValue = string | boolean;
export interface FormValues {
  [key: string]: FormValue | FormValues;
}
type Kind = 'text' | 'textarea' | 'select' | 'number' | 'lines' | 'numbers';
type Option = string | readonly [value: string, label: ConsoleKey];

export interface FieldSpec {
  /** Where the value is, in the form's values and in the adapter's JSON (`auth.token`). */
  path: string;
  kind: Kind;
  label: ConsoleKey;
  hint?: ConsoleKey;
  options?: readonly Option[];
  /** What a new form holds. */
  initial?: string;
  /** Shown (and sent) only when this holds. */
  when?: (values: FormValues) => boolean;
  min?: number;
  max?: number;
  /** Takes a whole row (a URL template); textareas always do. */
  wide?: boolean;
}

export type SectionKey = 'auth' | 'leadPush' | 'statusPoll' | 'limits';
export interface SectionSpec {
  key: SectionKey;
  legend: ConsoleKey;
  /** A section the adapter may leave out: its checkbox (`<key>.enabled`); off sends `<key>: null`. */
  switch?: ConsoleKey;
  fields: readonly FieldSpec[];
}

/** The value at a dotted path ('' when nothing is there). */
export function valueAt(values: FormValues, path: string): FormValue {
  let at: FormValue | FormValues | undefined = values;
  for (const key of path.split('.')) at = typeof at === 'object' ? at[key] : undefined;
  return typeof at === 'object' || at === undefined ? '' : at;
}

/** A copy of `values` with `value` at `path`. */
export function withValue(values: FormValues, path: string, value: FormValue): FormValues {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  if (!rest.length) return { ...values, [key]: value };
  const inner = values[key];
  return { ...values, [key]: withValue(typeof inner === 'object' ? inner : {}, rest.join('.'), value) };
}

const is =
  (path: string, ...choices: string[]) =>
  (values: FormValues) =>
    choices.includes(String(valueAt(values, path)));
const auth = (...styles: string[]) => is('auth.style', ...styles);
const words = <P extends string>(prefix: P, values: readonly string[]) =>
  values.map((v) => [v, `${prefix}.${v}` as ConsoleKey] as const);
const textField = (p: string, label: ConsoleKey, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  path: p,
  kind: 'text',
  label,
  ...extra,
});
const num = (p: string, label: ConsoleKey, initial: number, min: number, max: number, extra: Partial<FieldSpec> = {}) =>
  ({ path: p, kind: 'number', label, initial: String(initial), min, max, ...extra }) satisfies FieldSpec;

/** The fields a request (lead push or status poll) has in common: method, URL, headers, body. */
function requestFields(key: 'leadPush' | 'statusPoll', methods: readonly string[], body: string): FieldSpec[] {
  return [
    { path: `${key}.method`, kind: 'select', label: 'api.f.method', options: methods, initial: methods[0] },
    { path: `${key}.url`, kind: 'text', label: 'api.f.url', wide: true },
    { path: `${key}.headers`, kind: 'lines', label: 'api.f.headers', hint: 'api.fh.lines' },
    {
      path: `${key}.body.format`,
      kind: 'select',
      label: 'api.f.bodyFormat',
      options: words('api.body', ['none', 'json', 'form']),
      initial: body,
    },
    {
      path: `${key}.body.fields`,
      kind: 'lines',
      label: 'api.f.bodyFields',
      hint: 'api.fh.bodyFields',
      when: is(`${key}.body.format`, 'json', 'form'),
    },
  ];
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    key: 'auth',
    legend: 'api.section.auth',
    fields: [
      {
        path: 'auth.style',
        kind: 'select',
        label: 'api.f.authStyle',
        options: words('api.auth', ['none', 'header', 'query', 'bearer', 'basic', 'hmac']),
        initial: 'none',
      },
      textField('auth.name', 'api.f.headerName', { when: auth('header') }),
      textField('auth.name', 'api.f.queryName', { when: auth('query') }),
      textField('auth.value', 'api.f.value', { when: auth('header', 'query') }),
      textField('auth.token', 'api.f.token', { when: auth('bearer') }),
      textField('auth.user', 'api.f.user', { when: auth('basic') }),
      textField('auth.password', 'api.f.password', { when: auth('basic') }),
      {
        path: 'auth.algorithm',
        kind: 'select',
        label: 'api.f.algorithm',
        options: ['SHA-256', 'SHA-512', 'SHA-1'],
        initial: 'SHA-256',
        when: auth('hmac'),
      },
      textField('auth.secret', 'api.f.secret', { when: auth('hmac') }),
      { path: 'auth.canonical', kind: 'textarea', label: 'api.f.canonical', when: auth('hmac') },
      textField('auth.signatureHeader', 'api.f.signatureHeader', { when: auth('hmac') }),
      {
        path: 'auth.encoding',
        kind: 'select',
        label: 'api.f.encoding',
        options: ['hex', 'base64'],
        initial: 'hex',
        when: auth('hmac'),
      },
      { path: 'auth.headers', kind: 'lines', label: 'api.f.hmacHeaders', hint: 'api.fh.lines', when: auth('hmac') },
    ],
  },
  {
    key: 'leadPush',
    legend: 'api.section.leadPush',
    switch: 'api.switch.leadPush',
    fields: [
      ...requestFields('leadPush', ['POST', 'PUT', 'GET'], 'json'),
      textField('leadPush.orderIdPath', 'api.f.orderIdPath'),
      {
        path: 'leadPush.duplicate.statuses',
        kind: 'numbers',
        label: 'api.f.duplicateStatuses',
        hint: 'api.fh.numbers',
        initial: '409',
      },
      textField('leadPush.duplicate.path', 'api.f.duplicatePath', { hint: 'api.fh.duplicatePath' }),
      textField('leadPush.duplicate.equals', 'api.f.duplicateEquals'),
    ],
  },
  {
    key: 'statusPoll',
    legend: 'api.section.statusPoll',
    switch: 'api.switch.statusPoll',
    fields: [
      ...requestFields('statusPoll', ['GET', 'POST'], 'none'),
      {
        path: 'statusPoll.paging.style',
        kind: 'select',
        label: 'api.f.paging',
        options: words('api.paging', ['none', 'page', 'offset', 'token']),
        initial: 'none',
      },
      num('statusPoll.paging.firstPage', 'api.f.firstPage', 1, 0, 1, { when: is('statusPoll.paging.style', 'page') }),
      num('statusPoll.paging.pageSize', 'api.f.pageSize', 100, 1, 1000, {
        when: is('statusPoll.paging.style', 'page', 'offset'),
      }),
      textField('statusPoll.paging.nextTokenPath', 'api.f.nextTokenPath', {
        when: is('statusPoll.paging.style', 'token'),
      }),
      textField('statusPoll.itemsPath', 'api.f.itemsPath'),
      textField('statusPoll.orderIdPath', 'api.f.orderIdPath'),
      textField('statusPoll.subIdPath', 'api.f.subIdPath', { hint: 'api.fh.subIdPath' }),
      textField('statusPoll.statusPath', 'api.f.statusPath'),
      textField('statusPoll.payoutPath', 'api.f.payoutPath'),
      textField('statusPoll.currencyPath', 'api.f.currencyPath'),
      textField('statusPoll.commentPath', 'api.f.commentPath'),
      textField('statusPoll.reasonPath', 'api.f.reasonPath'),
      textField('statusPoll.statusWords.sta', 'api.f.sta', { hint: 'api.fh.statusWords' }),
      textField('statusPoll.statusWords.stc', 'api.f.stc'),
      textField('statusPoll.statusWords.stt', 'api.f.stt'),
      textField('statusPoll.statusWords.stw', 'api.f.stw'),
      num('statusPoll.overlapMinutes', 'api.f.overlap', 60, 0, 10_080, { hint: 'api.fh.overlap' }),
      num('statusPoll.firstLookbackDays', 'api.f.lookback', 7, 1, 90),
    ],
  },
  {
    key: 'limits',
    legend: 'api.section.limits',
    fields: [
      num('syncEveryMinutes', 'api.f.syncEvery', 30, 5, 1440),
      num('requestsPerMinute', 'api.f.rpm', 60, 1, 600),
      num('timeoutSeconds', 'api.f.timeout', 20, 1, 60),
      num('leadContactRetentionDays', 'api.f.retention', 90, 1, 3650),
    ],
  },
];

/** A switchable section's checkbox, in the values (never sent). */
export const switchPath = (section: SectionSpec) => `${section.key}.enabled`;
/** Whether a section is sent (a switchable one only when its checkbox is on). */
export const sectionIsOn = (values: FormValues, section: SectionSpec) =>
  !section.switch || valueAt(values, switchPath(section)) === true;

/** The variables each request may use: the server's own lists (core/modules/network-api/variables.ts). */
export const VARIABLES = {
  lead: LEAD_VARIABLES,
  poll: POLL_VARIABLES,
  common: COMMON_VARIABLES,
  signing: SIGNING_VARIABLES,
};
