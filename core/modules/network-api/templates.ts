/**
 * The two template languages and the one path language an adapter is written in, each a
 * maintained library: URLs are RFC 6570 URI templates (url-template: `{?from,to,page}` adds
 * encoded query pairs, `{offer.zcpa}` one encoded segment), headers, bodies and the HMAC
 * canonical string are Mustache (unescaped: nothing here is HTML), and answers are read with RFC
 * 9535 JSONPath (jsonpath-rfc9535). This file checks them when an adapter is saved (syntax and
 * that every variable is one the request will have) and renders them when it is sent.
 */
import Mustache from 'mustache';
import { parseTemplate } from 'url-template';
import { query, type JsonValue } from 'jsonpath-rfc9535';
import ipaddr from 'ipaddr.js';
import { isForbiddenHost } from '../postbacks/template.ts';

import { COMMON_VARIABLES, LEAD_VARIABLES, POLL_VARIABLES, SIGNING_VARIABLES } from './variables.ts';

export { COMMON_VARIABLES, LEAD_VARIABLES, POLL_VARIABLES, SIGNING_VARIABLES };

export type TemplateScope = { names: ReadonlySet<string>; prefixes: readonly string[] };

export function isKnownVariable(scope: TemplateScope, name: string): boolean {
  return scope.names.has(name) || scope.prefixes.some((p) => name.startsWith(p) && name.length > p.length);
}

/** Variables a URI template names (RFC 6570 expressions: operator, comma list, `:n` and `*` modifiers). */
function uriTemplateNames(template: string): string[] {
  return [...template.matchAll(/\{([+#./;?&]?)([^{}]*)\}/g)].flatMap((m) =>
    m[2]!.split(',').map((v) => v.replace(/(:\d+|\*)$/, '').trim()),
  );
}

/** null when the URI template is well formed and names only known variables; else why not. */
export function checkUriTemplate(template: string, scope: TemplateScope): string | null {
  const unknown = uriTemplateNames(template).find((n) => !isKnownVariable(scope, n));
  if (unknown !== undefined) return `unknown variable {${unknown}}`;
  // url-template leaves a malformed expression as written: a brace left over is one.
  const expanded = parseTemplate(template).expand({});
  if (/[{}]/.test(expanded)) return 'an unclosed or malformed {expression}';
  return null;
}

/**
 * null when the URL template, its variables filled in, is an http(s) URL to a public host name;
 * the send-time guard checks every request again (a variable may still pick the host).
 */
export function checkRequestUrl(template: string): string | null {
  const filled = parseTemplate(template).expand(
    Object.fromEntries(uriTemplateNames(template).map((name) => [name, 'x'])),
  );
  let url: URL;
  try {
    url = new URL(filled);
  } catch {
    return 'not an absolute URL (https://api.network.example/…)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `a ${url.protocol} URL: only http and https`;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) return `the host ${url.hostname} is an IP address: use the network's host name`;
  const reason = isForbiddenHost(url.hostname);
  return reason ? `the host "${url.hostname}" ${reason}` : null;
}

/** Empty values count as undefined, so `{&cursor}` adds nothing before the first page has a token. */
export const expandUri = (template: string, values: Record<string, string>) =>
  parseTemplate(template).expand(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')));

type MustacheToken = [string, string, number, number, MustacheToken[]?, number?];

function mustacheNames(tokens: MustacheToken[]): Array<{ type: string; name: string }> {
  return tokens.flatMap((t) =>
    t[0] === 'text' ? [] : [{ type: t[0], name: t[1] }, ...(t[4] ? mustacheNames(t[4]) : [])],
  );
}

/** null when the Mustache template parses and names only known variables (sections allowed, partials not). */
export function checkMustache(template: string, scope: TemplateScope): string | null {
  let tokens: MustacheToken[];
  try {
    tokens = Mustache.parse(template) as unknown as MustacheToken[];
  } catch (error) {
    return (error as Error).message;
  }
  for (const { type, name } of mustacheNames(tokens)) {
    if (type === '>') return `partials ({{> ${name}}}) are not taken`;
    if (type === '!' || type === '=') continue;
    if (!isKnownVariable(scope, name)) return `unknown variable {{${name}}}`;
  }
  return null;
}

export const renderMustache = (template: string, view: Record<string, unknown>) =>
  Mustache.render(template, view, {}, { escape: (value: unknown) => String(value) });

/** null when the JSONPath parses (RFC 9535: starts with `$`). */
export function checkJsonPath(path: string): string | null {
  try {
    query({}, path);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Every value the path selects. */
export const selectAll = (value: unknown, path: string): JsonValue[] => query(value as JsonValue, path);

/** The first value the path selects, as text; null when nothing (or null) is there. */
export function selectText(value: unknown, path: string | null | undefined): string | null {
  if (!path) return null;
  const [first] = query(value as JsonValue, path);
  if (first === undefined || first === null) return null;
  return typeof first === 'object' ? JSON.stringify(first) : String(first);
}
