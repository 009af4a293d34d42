/**
 * One adapter request made concrete: the URL expanded (RFC 6570), headers and body rendered
 * (Mustache), then authenticated the adapter's way. It also returns every secret that went into
 * the request (settings' secrets, the Authorization value, the signature) so the log can mask
 * them wherever they appear.
 */
import type { OutboundRequest } from '../postbacks/outbound.ts';
import type { Adapter } from './adapter.ts';
import { expandUri, renderMustache } from './templates.ts';

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body: { format: 'none' | 'json' | 'form'; fields: Record<string, string> };
}

export interface RequestValues {
  settings: Record<string, string>;
  offer?: Record<string, string>;
  lead?: Record<string, string>;
  /** Top-level variables: lead_id, visit_id, from, to, page, cursor… */
  vars: Record<string, string>;
}

export interface RenderedRequest {
  request: OutboundRequest & { method: 'GET' | 'POST' | 'PUT' };
  /** Values to mask in the log: settings' secrets and what the authentication derived from them. */
  secrets: string[];
}

function flatten(values: RequestValues): Record<string, string> {
  const flat: Record<string, string> = { ...values.vars };
  for (const [prefix, group] of [
    ['settings', values.settings],
    ['offer', values.offer],
    ['lead', values.lead],
  ] as const)
    for (const [key, value] of Object.entries(group ?? {})) flat[`${prefix}.${key}`] = value;
  return flat;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const toHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

async function hmac(algorithm: string, secret: string, message: string, encoding: 'hex' | 'base64') {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: algorithm },
    false,
    ['sign'],
  );
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message)));
  return encoding === 'hex' ? toHex(signature) : toBase64(signature);
}

export async function renderRequest(
  adapter: Pick<Adapter, 'auth' | 'timeoutSeconds'>,
  spec: RequestSpec,
  values: RequestValues,
  options: { secretSettings: readonly string[]; userAgent: string; now: Date; nonce: string },
): Promise<RenderedRequest> {
  const timestamp = Math.floor(options.now.getTime() / 1000);
  const vars = {
    ...values.vars,
    timestamp: String(timestamp),
    timestamp_ms: String(options.now.getTime()),
    nonce: options.nonce,
  };
  const view = { ...vars, settings: values.settings, offer: values.offer ?? {}, lead: values.lead ?? {} };
  const secrets = options.secretSettings.map((k) => values.settings[k]).filter((v): v is string => !!v);
  const url = new URL(expandUri(spec.url, flatten({ ...values, vars })));
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'application/json' };
  for (const [name, value] of Object.entries(spec.headers)) headers[name.toLowerCase()] = renderMustache(value, view);
  let body: string | undefined;
  if (spec.method !== 'GET' && spec.body.format !== 'none') {
    const fields = Object.fromEntries(
      Object.entries(spec.body.fields).map(([name, value]) => [name, renderMustache(value, view)]),
    );
    body = spec.body.format === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
    headers['content-type'] = spec.body.format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  }
  const auth = adapter.auth;
  switch (auth.style) {
    case 'header': {
      const value = renderMustache(auth.value, view);
      headers[auth.name.toLowerCase()] = value;
      secrets.push(value);
      break;
    }
    case 'query': {
      const value = renderMustache(auth.value, view);
      url.searchParams.append(auth.name, value);
      secrets.push(value);
      break;
    }
    case 'bearer': {
      const token = renderMustache(auth.token, view);
      headers.authorization = `Bearer ${token}`;
      secrets.push(token);
      break;
    }
    case 'basic': {
      const pair = `${renderMustache(auth.user, view)}:${renderMustache(auth.password, view)}`;
      const encoded = toBase64(new TextEncoder().encode(pair));
      headers.authorization = `Basic ${encoded}`;
      secrets.push(encoded, renderMustache(auth.password, view));
      break;
    }
    case 'hmac': {
      for (const [name, value] of Object.entries(auth.headers))
        headers[name.toLowerCase()] = renderMustache(value, view);
      const query = url.search.replace(/^\?/, '');
      const canonical = renderMustache(auth.canonical, {
        ...view,
        method: spec.method,
        path: url.pathname,
        query,
        path_and_query: url.pathname + url.search,
        body: body ?? '',
      });
      const secret = renderMustache(auth.secret, view);
      const signature = await hmac(auth.algorithm, secret, canonical, auth.encoding);
      headers[auth.signatureHeader.toLowerCase()] = signature;
      secrets.push(secret, signature);
      break;
    }
    case 'none':
      break;
  }
  return {
    request: {
      url: url.href,
      method: spec.method,
      headers,
      ...(body !== undefined ? { body } : {}),
      timeoutMs: adapter.timeoutSeconds * 1000,
      readBodyUpTo: 2_000_000,
    },
    secrets: secrets.filter((s) => s.length > 0),
  };
}

/** Each secret (and its URL-encoded form) replaced by a mask that keeps its last four characters. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  // Longest first, so a secret inside a longer one (a password inside its Basic pair) is not half-masked.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    const mask = secret.length <= 8 ? '••••' : `••••${secret.slice(-4)}`;
    for (const form of new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
    ]))
      if (form) masked = masked.split(form).join(mask);
  }
  return masked;
}
