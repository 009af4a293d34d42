/**
 * Postback URL templates: `${name}` macros inside a URL. A small scanner with positions (not
 * regex patches) so every mistake is reported where it is, with the classic near-misses named:
 * `{x}`, `$[x]`, `$x`, an unclosed `${x`, parameters after a path with no `?`, names near a
 * built-in (a warning with "did you mean": click parameters are the partner's own names, case and
 * all), non-http(s) schemes, hosts in private, loopback, link-local or metadata ranges, raw
 * whitespace, and macros in the scheme, host or port (click values would pick the address: a
 * `${a}.${b}` host becomes `127.1` at send time). Positions are in the string as given, leading
 * spaces included. Rendering URL-encodes each value exactly once and leaves a custom macro with
 * no value on the click as written, as partners expect. The send-time guard (outbound.ts)
 * checks the rendered URL again, whatever was saved before these rules.
 */

/** Macros every postback can use; any other name is a custom parameter from the click. */
export const BUILT_IN_MACROS = [
  'visit_id',
  'promo_id',
  'promo_code',
  'campaign_id',
  'campaign_name',
  'player_id',
  'event_id',
  'action',
  'amount',
  'currency',
  'payout',
  'payout_currency',
  'country',
  'occurred_at',
  'brand_id',
  'partner_id',
  'transaction_id',
  'status',
  'timestamp',
] as const;
export type BuiltInMacro = (typeof BUILT_IN_MACROS)[number];
export type MacroValues = Partial<Record<BuiltInMacro, string | number | null>>;

export type TemplatePart =
  | { kind: 'text'; text: string; start: number }
  | { kind: 'macro'; name: string; start: number; end: number };

/** What went wrong, as a code a widget can put in its own language (the message is English). */
export const TEMPLATE_PROBLEM_CODES = [
  'unclosed_macro',
  'invalid_macro_name',
  'macro_name_start',
  'square_brackets',
  'missing_braces',
  'missing_dollar',
  'unknown_builtin',
  'scheme_not_allowed',
  'scheme_missing',
  'invalid_url',
  'forbidden_host',
  'parameters_without_question_mark',
  'account_postback_without_ids',
  'macro_in_host',
  'whitespace',
] as const;
export type TemplateProblemCode = (typeof TEMPLATE_PROBLEM_CODES)[number];

export interface TemplateProblem {
  /** Character offset in the template (0-based) where the problem starts. */
  position: number;
  severity: 'error' | 'warning';
  code: TemplateProblemCode;
  /** The values the message names (macro name, suggestion, host, reason…), for translations. */
  params: Record<string, string>;
  message: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Splits a template into text and macros, collecting syntax problems with their positions. */
export function scanTemplate(template: string): { parts: TemplatePart[]; problems: TemplateProblem[] } {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let text = '';
  let textStart = 0;
  const flushText = (at: number) => {
    if (text) parts.push({ kind: 'text', text, start: textStart });
    text = '';
    textStart = at;
  };
  const readName = (from: number) => {
    let end = from;
    while (end < template.length && NAME_CHAR.test(template[end]!)) end++;
    return { name: template.slice(from, end), end };
  };
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    const next = template[i + 1];
    if (ch === '$' && next === '{') {
      const close = template.indexOf('}', i + 2);
      const { name, end } = readName(i + 2);
      if (close < 0 || end !== close) {
        const unclosed = close < 0 || end === i + 2;
        problems.push(
          unclosed
            ? {
                position: i,
                severity: 'error',
                code: 'unclosed_macro',
                params: { name: name || 'name' },
                message: `"\${${name}" is not closed: write \${${name || 'name'}}`,
              }
            : {
                position: i,
                severity: 'error',
                code: 'invalid_macro_name',
                params: { text: template.slice(i, close + 1) },
                message: `"${template.slice(i, close + 1)}" is not a macro name: use letters, digits and _`,
              },
        );
        text += template.slice(i, close < 0 ? template.length : close + 1);
        i = close < 0 ? template.length : close + 1;
        continue;
      }
      if (!NAME.test(name))
        problems.push({
          position: i,
          severity: 'error',
          code: 'macro_name_start',
          params: { name },
          message: `\${${name}}: a macro name starts with a letter or _`,
        });
      flushText(i);
      parts.push({ kind: 'macro', name, start: i, end: close + 1 });
      i = close + 1;
      textStart = i;
      continue;
    }
    if (ch === '$' && next === '[') {
      const close = template.indexOf(']', i + 2);
      const name = template.slice(i + 2, close < 0 ? undefined : close);
      problems.push({
        position: i,
        severity: 'error',
        code: 'square_brackets',
        params: { name },
        message: `"$[${name}]" uses square brackets: write \${${name}}`,
      });
    } else if (ch === '$' && next && /[A-Za-z_]/.test(next)) {
      const { name } = readName(i + 1);
      problems.push({
        position: i,
        severity: 'error',
        code: 'missing_braces',
        params: { name },
        message: `"$${name}" has no braces: write \${${name}}`,
      });
    } else if (ch === '{' && template[i - 1] !== '$') {
      const { name, end } = readName(i + 1);
      if (name && template[end] === '}')
        problems.push({
          position: i,
          severity: 'error',
          code: 'missing_dollar',
          params: { name },
          message: `"{${name}}" is missing the $: write \${${name}}`,
        });
    }
    text += ch;
    i++;
  }
  flushText(i);
  return { parts, problems };
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const temp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = temp;
    }
  }
  return row[b.length]!;
}

/** The built-in a misspelt name most likely meant (`visitid` → `visit_id`), if any is close. */
export function suggestBuiltIn(name: string): BuiltInMacro | null {
  const lowered = name.toLowerCase();
  if ((BUILT_IN_MACROS as readonly string[]).includes(lowered) && lowered !== name) return lowered as BuiltInMacro;
  let best: { macro: BuiltInMacro; d: number } | null = null;
  for (const macro of BUILT_IN_MACROS) {
    const d = Math.min(distance(lowered, macro), distance(lowered.replace(/_/g, ''), macro.replace(/_/g, '')));
    if (d <= 2 && (!best || d < best.d)) best = { macro, d };
  }
  return best?.macro ?? null;
}

export type ForbiddenHostReason =
  | 'ip_literal'
  | 'ip_disguised'
  | 'loopback'
  | 'private_name'
  | 'metadata'
  | 'not_public';
const HOST_REASON_TEXT: Record<ForbiddenHostReason, string> = {
  ip_literal: 'is an IP address: use a host name',
  ip_disguised: 'is an IP address in disguise: use a host name',
  loopback: 'is loopback',
  private_name: 'is a private network name',
  metadata: 'is a cloud metadata address',
  not_public: 'is not a public host name',
};

/** Why a host must never be reached (loopback, private, link-local, metadata, IP literals), or null. */
export function forbiddenHostReason(hostname: string): ForbiddenHostReason | null {
  // `localhost.` is `localhost` to a resolver: the trailing dot must not hide a name.
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':')) return 'ip_literal';
  if (/^\d+$/.test(host) || /^0x[0-9a-f]+$/.test(host)) return 'ip_disguised';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (/(^|\.)(local|internal|intranet|lan|home|corp|localdomain)$/.test(host)) return 'private_name';
  if (host === 'metadata' || host.startsWith('metadata.')) return 'metadata';
  if (!host.includes('.')) return 'not_public';
  return null;
}

/** The same rule as forbiddenHostReason, in words ("is loopback"), or null for a fine host. */
export function isForbiddenHost(hostname: string): string | null {
  const reason = forbiddenHostReason(hostname);
  return reason ? HOST_REASON_TEXT[reason] : null;
}

export interface ValidateOptions {
  /** Account-wide postbacks should name the promo or campaign so conversions can be told apart. */
  scope: 'account' | 'campaign' | 'promo';
}

/** The URL's authority (user info, host, port) in `url`: after `scheme:` and its slashes, up to the path. */
function authorityOf(url: string, schemePrefix: number): { start: number; end: number; host: number } {
  let start = schemePrefix;
  // WHATWG URL reads `\` as `/` and any number of slashes after an http(s) scheme.
  while (url[start] === '/' || url[start] === '\\') start++;
  const rest = url.slice(start).search(/[/?#\\]/);
  const end = rest < 0 ? url.length : start + rest;
  return { start, end, host: start + url.slice(start, end).lastIndexOf('@') + 1 };
}

/** Every problem of a postback URL template, errors first; an empty list means it can be saved. */
export function validatePostbackTemplate(template: string, options: ValidateOptions): TemplateProblem[] {
  // Checked trimmed (saving trims), positions reported in the string as given.
  const lead = template.length - template.trimStart().length;
  const url = template.trim();
  const { parts, problems } = scanTemplate(url);
  const schemeMatch = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  const scheme = schemeMatch?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    problems.push(
      scheme
        ? {
            position: 0,
            severity: 'error',
            code: 'scheme_not_allowed',
            params: { scheme },
            message: `"${scheme}:" is not allowed: the URL must start with http:// or https://`,
          }
        : {
            position: 0,
            severity: 'error',
            code: 'scheme_missing',
            params: {},
            message: 'The URL must start with http:// or https://',
          },
    );
  }
  for (const space of url.matchAll(/\s+/g)) {
    problems.push({
      position: space.index,
      severity: 'error',
      code: 'whitespace',
      params: {},
      message: 'A space or line break inside the URL: remove it, or write a space in a value as %20',
    });
  }
  const authority = authorityOf(url, schemeMatch?.[0].length ?? 0);
  let macroInHost = false;
  for (const part of parts) {
    if (part.kind !== 'macro') continue;
    if (part.start < authority.end) {
      macroInHost = true;
      problems.push({
        position: part.start,
        severity: 'error',
        code: 'macro_in_host',
        params: { name: part.name },
        message: `\${${part.name}} is in the scheme, host or port: write the address out; macros belong in the path or the query`,
      });
      continue;
    }
    if ((BUILT_IN_MACROS as readonly string[]).includes(part.name)) continue;
    // Custom names are the partner's own click parameters (case matters): a near miss only warns.
    const suggestion = suggestBuiltIn(part.name);
    if (suggestion)
      problems.push({
        position: part.start,
        severity: 'warning',
        code: 'unknown_builtin',
        params: { name: part.name, suggestion },
        message: `\${${part.name}} is not a built-in macro, so it is read from the click's own parameters: did you mean \${${suggestion}}?`,
      });
  }
  // Structure: macros stand in for values, so check the URL with placeholders in their place.
  const placeholder = parts.map((p) => (p.kind === 'text' ? p.text : 'kbmacro')).join('');
  if (scheme === 'http' || scheme === 'https') {
    let parsed: URL | null = null;
    try {
      parsed = new URL(placeholder);
    } catch {
      problems.push({
        position: 0,
        severity: 'error',
        code: 'invalid_url',
        params: {},
        message: 'This is not a valid URL',
      });
    }
    if (parsed) {
      // A host with a macro in it is refused already (and its placeholder is no host to name).
      const hostReason = macroInHost ? null : forbiddenHostReason(parsed.hostname);
      if (hostReason) {
        // The host as written (`0x7f000001`), which may differ from the parsed one (`127.0.0.1`).
        problems.push({
          position: authority.host,
          severity: 'error',
          code: 'forbidden_host',
          params: { host: parsed.hostname, reason: hostReason },
          message: `The host "${parsed.hostname}" ${HOST_REASON_TEXT[hostReason]}`,
        });
      }
      // A `?` counts only before any `#`: one inside the fragment is not a query.
      const pathEnd = url.search(/[?#]/);
      const path = url.slice(0, pathEnd < 0 ? undefined : pathEnd);
      const misplaced = url[authority.end] === '/' ? path.indexOf('=', authority.end) : -1;
      if (misplaced >= 0 && url[pathEnd] !== '?') {
        const segmentStart = path.lastIndexOf('/', misplaced) + 1;
        problems.push({
          position: segmentStart,
          severity: 'error',
          code: 'parameters_without_question_mark',
          params: { segment: path.slice(segmentStart) },
          message: `Parameters follow the path without a "?": write "?${path.slice(segmentStart)}"`,
        });
      }
    }
  }
  if (
    options.scope === 'account' &&
    !parts.some((p) => p.kind === 'macro' && (p.name === 'promo_id' || p.name === 'campaign_id'))
  ) {
    problems.push({
      position: url.length,
      severity: 'warning',
      code: 'account_postback_without_ids',
      params: {},
      message:
        'An account-wide postback without ${promo_id} or ${campaign_id} cannot tell your promos and campaigns apart',
    });
  }
  return problems
    .map((p) => ({ ...p, position: p.position + lead }))
    .sort((a, b) => (a.severity === b.severity ? a.position - b.position : a.severity === 'error' ? -1 : 1));
}

/**
 * Fills a template: built-ins from `builtIns`, custom names from the click's parameters. Each
 * value is URL-encoded exactly once; a custom macro with no value stays as written
 * (`${clickID}`: the partner sees which parameter was missing on the click); a built-in with no
 * value for this trigger (say `${payout}` on a registration) is sent empty.
 */
export function renderPostbackUrl(template: string, builtIns: MacroValues, custom: Record<string, string>): string {
  return scanTemplate(template)
    .parts.map((part) => {
      if (part.kind === 'text') return part.text;
      if ((BUILT_IN_MACROS as readonly string[]).includes(part.name))
        return encodeURIComponent(String(builtIns[part.name as BuiltInMacro] ?? ''));
      const value = custom[part.name];
      return value === undefined ? `\${${part.name}}` : encodeURIComponent(value);
    })
    .join('');
}
