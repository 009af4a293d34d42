/**
 * Pure helpers over the CPA-network catalog: checking a connection's settings and an offer's
 * parameters against a network's entry, building the postback URLs an operator gives the
 * network, and reading the status a network sends back. Web APIs only: this runs on Workers.
 */
import type { FieldProblem } from '../../lib/errors.ts';
import type { NetworkDefinition, TailStatus } from './catalog.ts';

const MAX_SETTING_LENGTH = 500;
const MAX_PARAMETER_LENGTH = 200;

/** Why a value is not a usable non-empty string, or null when it is. */
function stringProblem(value: unknown, max: number): Omit<FieldProblem, 'path'> | null {
  if (value === undefined || value === null) return { reason: 'required', params: {}, message: 'required' };
  if (typeof value !== 'string')
    return { reason: 'invalid_type', params: { expected: 'string' }, message: 'must be a string' };
  const trimmed = value.trim();
  if (!trimmed) return { reason: 'required', params: {}, message: 'must not be empty' };
  if (trimmed.length > max)
    return {
      reason: 'too_long',
      params: { maximum: max },
      message: `must be at most ${max} characters (got ${trimmed.length})`,
    };
  return null;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Every setting the network lists is required; anything else is refused, so typos surface. */
export function validateNetworkSettings(def: NetworkDefinition, settings: Record<string, unknown>): FieldProblem[] {
  const given = asRecord(settings);
  const problems: FieldProblem[] = [];
  for (const setting of def.settings) {
    const problem = stringProblem(given[setting.key], MAX_SETTING_LENGTH);
    if (problem)
      problems.push({ path: `settings.${setting.key}`, ...problem, message: `${setting.label}: ${problem.message}` });
  }
  const known = new Set<string>(def.settings.map((s) => s.key));
  const expected = def.settings.length
    ? `expected: ${def.settings.map((s) => s.key).join(', ')}`
    : 'it takes no settings';
  for (const key of Object.keys(given)) {
    if (!known.has(key))
      problems.push({
        path: `settings.${key}`,
        reason: 'unknown_field',
        params: { allowed: [...known] },
        message: `not a setting of ${def.name} (${expected})`,
      });
  }
  return problems;
}

/**
 * An offer is mapped by the network's own parameter names. The guide does not say which of a
 * network's parameters are mandatory (only a few are marked optional), so at least one is
 * required and each one given must be a usable value.
 */
export function validateOfferParameters(def: NetworkDefinition, params: Record<string, unknown>): FieldProblem[] {
  const given = asRecord(params);
  const problems: FieldProblem[] = [];
  const names = def.offerParameters.map((p) => p.name);
  const expected = names.length ? `expected one of: ${names.join(', ')}` : 'it takes no offer parameters';
  let known = 0;
  for (const [name, value] of Object.entries(given)) {
    const parameter = def.offerParameters.find((p) => p.name === name);
    if (!parameter) {
      problems.push({
        path: `parameters.${name}`,
        reason: 'unknown_field',
        params: { allowed: names },
        message: `not an offer parameter of ${def.name} (${expected})`,
      });
      continue;
    }
    known++;
    const problem = stringProblem(value, MAX_PARAMETER_LENGTH);
    if (problem)
      problems.push({
        path: `parameters.${name}`,
        ...problem,
        message: `${name} (${parameter.meaning}): ${problem.message}`,
      });
  }
  if (known === 0 && names.length) {
    problems.push({
      path: 'parameters',
      reason: 'required_one_of',
      params: { fields: names },
      message: `give at least one offer parameter of ${def.name}: ${def.offerParameters.map((p) => `${p.name} (${p.meaning})`).join(', ')}`,
    });
  }
  return problems;
}

/**
 * The URLs to give the network. `baseUrl` is the connection's receiver with its token, already
 * carrying a query (`…/pb/network/nc_1?t=TOKEN`), so tails are appended as they are written.
 */
export function buildNetworkPostbackUrls(
  def: NetworkDefinition,
  baseUrl: string,
): Array<{ status: TailStatus; url: string }> {
  const postbacks = def.postbacks;
  if (postbacks.mode === 'api') return [];
  if (postbacks.mode === 'tails') {
    // Tails stay byte for byte as the guide has them: networks substitute their macros literally.
    return postbacks.tails.map((t) => ({
      status: t.status,
      url: baseUrl + (t.tail.startsWith('&') ? t.tail : `&${t.tail}`),
    }));
  }
  // Field-by-field networks: protocol from the guide, domain, path and token from Kabinet's
  // receiver (the guide's own path belongs to another platform), then each extra parameter.
  const base = new URL(baseUrl);
  const prefix = `${postbacks.protocol.toLowerCase()}://${base.host}${base.pathname}${base.search}`;
  const joiner = base.search ? '&' : '?';
  // A parameter whose static value differs per status means one postback per status.
  const perStatus = postbacks.parameters.find((p) => p.valuesByStatus)?.valuesByStatus;
  const statuses: TailStatus[] = perStatus ? (Object.keys(perStatus) as TailStatus[]) : ['global'];
  return statuses.map((status) => {
    const query = postbacks.parameters.map((p) => {
      // List parameters are macros the network fills in: shown in braces like the tails' macros.
      const value =
        p.source === 'list'
          ? `{${encodeURIComponent(p.value)}}`
          : encodeURIComponent(p.valuesByStatus?.[status] ?? p.value);
      return `${encodeURIComponent(p.name)}=${value}`;
    });
    return { status, url: prefix + (query.length ? joiner + query.join('&') : '') };
  });
}

export type NormalisedStatus = 'approve' | 'cancel' | 'trash' | 'hold';

/** Words networks commonly send when they use no sta/stc/stt/stw mapping. */
const DEFAULT_VOCABULARY: Record<NormalisedStatus, readonly string[]> = {
  approve: ['approve', 'approved', 'accept', 'accepted', 'confirmed', 'confirm', 'sale', 'success', 'paid', '1'],
  cancel: ['cancel', 'cancelled', 'canceled', 'declined', 'decline', 'rejected', 'reject', 'refused'],
  trash: ['trash', 'fake', 'invalid', 'spam', 'duplicate', 'double'],
  hold: ['hold', 'wait', 'waiting', 'pending', 'new', 'processing', 'in_processing', 'lead', '0'],
};
const BY_WORD = new Map<string, NormalisedStatus>(
  (Object.entries(DEFAULT_VOCABULARY) as Array<[NormalisedStatus, readonly string[]]>).flatMap(([status, words]) =>
    words.map((w) => [w, status] as const),
  ),
);

/**
 * Reads a network's status. A tail's sta/stc/stt/stw carry the network's own names for
 * approve/cancel/trash/hold (AdBees sends 11/12/13, Shakes "reject" for trash), so they win over
 * the default vocabulary; unknown statuses give null and the caller keeps the raw value.
 */
export function normaliseNetworkStatus(query: {
  status?: string;
  sta?: string;
  stc?: string;
  stt?: string;
  stw?: string;
}): { status: NormalisedStatus | null; raw: string | null } {
  const raw = query.status?.trim() || null;
  if (raw === null) return { status: null, raw: null };
  const word = raw.toLowerCase();
  const mapping: Array<[string | undefined, NormalisedStatus]> = [
    [query.sta, 'approve'],
    [query.stc, 'cancel'],
    [query.stt, 'trash'],
    [query.stw, 'hold'],
  ];
  for (const [name, status] of mapping) {
    if (name?.trim() && name.trim().toLowerCase() === word) return { status, raw };
  }
  return { status: BY_WORD.get(word) ?? null, raw };
}
